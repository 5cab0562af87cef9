#include "geometry/attribute_transfer.h"

#include "geometry/point_index.h"

namespace legatlas::geometry {

void transferSurfaceAttributes(const Mesh& source, Mesh& target) {
  const PointIndex index(source.positions);
  target.uvs.resize(target.positions.size());
  target.tangents.resize(target.positions.size());
  for (size_t i = 0; i < target.positions.size(); ++i) {
    const uint32_t nearest = index.nearest(target.positions[i]);
    target.uvs[i] = source.uvs[nearest];
    target.tangents[i] = source.tangents[nearest];
  }
}

}  // namespace legatlas::geometry
