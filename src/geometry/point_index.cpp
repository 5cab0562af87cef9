#include "geometry/point_index.h"

#include <nanoflann.hpp>
#include <utility>

namespace legatlas::geometry {

namespace {

// The interface nanoflann's k-d tree reads points through.
struct PointCloud {
  std::vector<glm::vec3> points;

  size_t kdtree_get_point_count() const { return points.size(); }
  float kdtree_get_pt(size_t index, size_t axis) const { return points[index][static_cast<int>(axis)]; }
  template <class Box>
  bool kdtree_get_bbox(Box&) const {
    return false;  // let the tree compute it
  }
};

using KdTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<float, PointCloud>, PointCloud, 3, uint32_t>;

}  // namespace

struct PointIndex::Tree {
  PointCloud cloud;
  KdTree tree;
  explicit Tree(std::vector<glm::vec3> points)
      : cloud{std::move(points)}, tree(3, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16)) {}
};

PointIndex::PointIndex(std::vector<glm::vec3> points) : tree_(std::make_unique<Tree>(std::move(points))) {}
PointIndex::~PointIndex() = default;
PointIndex::PointIndex(PointIndex&&) noexcept = default;
PointIndex& PointIndex::operator=(PointIndex&&) noexcept = default;

size_t PointIndex::size() const { return tree_->cloud.points.size(); }

uint32_t PointIndex::nearest(const glm::vec3& p) const {
  uint32_t index = 0;
  float squaredDistance = 0.0f;
  tree_->tree.knnSearch(&p.x, 1, &index, &squaredDistance);
  return index;
}

}  // namespace legatlas::geometry
