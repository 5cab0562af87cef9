#include "anatomy/tissue_fitting.h"

#include <glm/geometric.hpp>

namespace legatlas::anatomy {

PlacedTissues::PlacedTissues() : solids_(geometry::LevelSet::empty(kFittingVoxel, kPlacedBand)) {}

namespace {

// A few Newton steps along the field's gradient until `p` is at signed distance
// `target` or beyond on the side `sign` (+1 outside, -1 inside): one step is exact for a
// true distance field, the others correct for trilinear interpolation between voxels.
glm::vec3 movedTo(const geometry::LevelSet& field, glm::vec3 p, float target, float sign, float strength) {
  for (int step = 0; step < 4; ++step) {
    const float d = field.distance(p);
    if (sign * d >= sign * target) break;
    const glm::vec3 out = field.outward(p);
    if (out == glm::vec3(0.0f)) break;
    p += out * (target - d) * strength;
  }
  return p;
}

}  // namespace

glm::vec3 PlacedTissues::pushedOut(glm::vec3 p, float clearance, float strength) const {
  return movedTo(solids_, p, clearance, 1.0f, strength);
}

void pullInside(const geometry::LevelSet& envelope, std::vector<glm::vec3>& centreLine, float clearance) {
  for (glm::vec3& p : centreLine) p = movedTo(envelope, p, -clearance, -1.0f, 1.0f);
}

void PlacedTissues::pushOut(geometry::Mesh& surface, const std::function<float(size_t)>& strength) const {
  if (solids_.isEmpty()) return;
  for (size_t i = 0; i < surface.positions.size(); ++i) {
    const float s = strength(i);
    if (s > 0.0f) surface.positions[i] = pushedOut(surface.positions[i], kContactGap, s);
  }
  surface.computeNormals();
}

void PlacedTissues::pushOut(std::vector<glm::vec3>& centreLine, float clearance) const {
  if (solids_.isEmpty()) return;
  for (glm::vec3& p : centreLine) p = pushedOut(p, clearance, 1.0f);
}

void PlacedTissues::add(const geometry::Mesh& closedSurface) {
  add(geometry::LevelSet::fromMesh(closedSurface, kFittingVoxel, kPlacedBand));
}

void PlacedTissues::add(const geometry::LevelSet& solid) { solids_.unite(solid); }

}  // namespace legatlas::anatomy
