#include "geometry/attribute_transfer.h"

#include <nanoflann.hpp>

namespace legatlas::geometry {

namespace {

// The interface nanoflann's k-d tree reads points through.
struct VertexCloud {
  const std::vector<glm::vec3>& points;

  size_t kdtree_get_point_count() const { return points.size(); }
  float kdtree_get_pt(size_t index, size_t axis) const { return points[index][static_cast<int>(axis)]; }
  template <class Box>
  bool kdtree_get_bbox(Box&) const {
    return false;  // let the tree compute it
  }
};

using VertexTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<float, VertexCloud>, VertexCloud, 3>;

}  // namespace

void transferSurfaceAttributes(const Mesh& source, Mesh& target) {
  const VertexCloud cloud{source.positions};
  const VertexTree tree(3, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  target.uvs.resize(target.positions.size());
  target.tangents.resize(target.positions.size());
  for (size_t i = 0; i < target.positions.size(); ++i) {
    uint32_t nearest = 0;
    float squaredDistance = 0.0f;
    tree.knnSearch(&target.positions[i].x, 1, &nearest, &squaredDistance);
    target.uvs[i] = source.uvs[nearest];
    target.tangents[i] = source.tangents[nearest];
  }
}

}  // namespace legatlas::geometry
