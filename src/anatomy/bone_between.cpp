#include "anatomy/bone_between.h"

#include <algorithm>
#include <limits>
#include <glm/common.hpp>

#include "anatomy/measured_tissues.h"

namespace legatlas::anatomy {

namespace {

// The space between two muscle groups counts as bone only this near the described parts:
// elsewhere (in front of the hip joint, above the crest) the same muscles come close with
// no bone between them.
constexpr float kNearDescribed = 0.03f;
// How far the bone stays from the muscles on it (a voxel or so of periosteum and fascia).
constexpr float kClearance = 0.0005f;
// How far inside each muscle its distance is kept: enough to tell inside from outside.
constexpr float kInsideMuscle = 0.002f;
// Where the bone's face leaves one muscle's surface for the next, or its edge runs out
// between them, two fields meet at a crease that the 1 mm grid meshes as a saw: the
// field is blurred over a couple of voxels first.
constexpr int kBlurPasses = 2;
// Over this height above its lower bound the fill's thickness grows to its full value.
constexpr float kTaper = 0.03f;

struct MuscleFaces {
  geometry::LevelSet inner, outer;
  std::vector<geometry::LevelSet> clear;  // what else the bone stays out of (`clearOf`)
  float thickness = 0;
  bool bounded = false;  // below `above`, nothing is filled
  float above = 0;
  geometry::Bounds reach;  // where both faces lie
};

std::optional<MuscleFaces> facesOf(const BetweenMuscles& spec, const MeasuredSurfaces& surfaces, float voxelSize) {
  const std::optional<geometry::Mesh> inner = allMeasured(spec.inner, surfaces), outer = allMeasured(spec.outer, surfaces),
                                      clearOf = allMeasured(spec.clearOf, surfaces);
  if (!inner || !outer || !clearOf) return std::nullopt;
  const geometry::NarrowBand band{spec.thickness + 2 * voxelSize, kInsideMuscle};
  MuscleFaces faces{geometry::LevelSet::fromMesh(*inner, voxelSize, band), geometry::LevelSet::fromMesh(*outer, voxelSize, band),
                    {}, spec.thickness, spec.above.has_value(), spec.above ? spec.above->position.y : 0.0f, {}};
  if (!clearOf->positions.empty()) faces.clear.push_back(geometry::LevelSet::fromMesh(*clearOf, voxelSize, band));
  const geometry::Bounds a = inner->bounds(), b = outer->bounds();
  faces.reach.add(glm::max(a.min, b.min));
  faces.reach.add(glm::min(a.max, b.max));
  return faces;
}

}  // namespace

std::optional<geometry::LevelSet> boneBetweenMuscles(const BlendedParts& parts, const std::vector<BetweenMuscles>& between,
                                                     const MeasuredSurfaces& surfaces, float voxelSize,
                                                     geometry::NarrowBand band) {
  std::vector<MuscleFaces> groups;
  for (const BetweenMuscles& spec : between) {
    std::optional<MuscleFaces> faces = facesOf(spec, surfaces, voxelSize);
    if (!faces) return std::nullopt;
    groups.push_back(std::move(*faces));
  }
  // The described parts, united with each fill, then kept clear of every muscle and
  // surface named (each distance looked up once).
  const auto solid = [&](const glm::vec3& p) {
    const float described = parts.distance(p);
    float d = described, clear = std::numeric_limits<float>::lowest();
    for (const MuscleFaces& g : groups) {
      const float inner = g.inner.distance(p), outer = g.outer.distance(p);
      // Negative where the two faces lie within the thickness of each other across p; the
      // thickness tapers to nothing toward the lower bound, so the fill thins out there
      // instead of ending in a cut face.
      const float rise = g.bounded ? glm::smoothstep(g.above, g.above + kTaper, p.y) : 1.0f;
      const float across = 0.5f * (inner + outer - g.thickness * rise);
      d = std::min(d, std::max({across, -inner, -outer, described - kNearDescribed}));
      clear = std::max({clear, kClearance - inner, kClearance - outer});
      for (const geometry::LevelSet& c : g.clear) clear = std::max(clear, kClearance - c.distance(p));
    }
    return std::max(d, clear);
  };
  geometry::Bounds region = parts.bounds();
  for (const MuscleFaces& g : groups) {
    geometry::Bounds near = parts.bounds();
    near.add(near.min - glm::vec3(kNearDescribed));
    near.add(near.max + glm::vec3(kNearDescribed));
    if (g.bounded) near.min.y = std::max(near.min.y, g.above);  // nothing is filled below
    region.add(glm::max(near.min, g.reach.min));
    region.add(glm::min(near.max, g.reach.max));
  }
  return geometry::LevelSet::fromFunction(region, voxelSize, solid, band, kBlurPasses);
}

}  // namespace legatlas::anatomy
