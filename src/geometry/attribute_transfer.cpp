#include "geometry/attribute_transfer.h"

#include "geometry/point_index.h"
#include "geometry/triangle_tree.h"

namespace legatlas::geometry {

void transferSurfaceAttributes(const Mesh& source, Mesh& target) {
  const PointIndex index(source.positions);
  // Only what the source has: a measured surface carries fibre directions but no (u, v).
  const bool uvs = source.uvs.size() == source.positions.size();
  const bool tangents = source.tangents.size() == source.positions.size();
  target.uvs.resize(uvs ? target.positions.size() : 0);
  target.tangents.resize(tangents ? target.positions.size() : 0);
  TriangleTree surface;
  if (uvs) surface.add(source, 0), surface.build();
  for (size_t i = 0; i < target.positions.size(); ++i) {
    const uint32_t nearest = index.nearest(target.positions[i]);
    if (uvs) {
      target.uvs[i] = source.uvs[nearest];
      if (const std::optional<SurfaceHit> hit = surface.closest(target.positions[i])) target.uvs[i].x = hit->along;
    }
    if (tangents) target.tangents[i] = source.tangents[nearest];
  }
}

}  // namespace legatlas::geometry
