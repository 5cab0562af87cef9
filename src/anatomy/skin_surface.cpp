#include "anatomy/skin_surface.h"

#include <algorithm>
#include <cmath>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "anatomy/blended_parts.h"

namespace legatlas::anatomy {

namespace {

constexpr float kSkinVoxel = 0.002f;
constexpr float kOutlineBlend = 0.018f;  // how softly the outline meets the fat over tissue
constexpr float kFootBlend = 0.015f;     // how softly the parts of the foot's outline merge
constexpr int kSmoothingPasses = 3;
constexpr float kFatOverNodes = 0.0025f;  // metres of skin and fat over a superficial node
// How far the outline is drawn in at the centre of a lean spot: more than the thickest
// fat there, so that the skin rests on the thinnest fat over the bone.
constexpr float kLeanDepth = 0.03f;

float ellipseDistance(const glm::vec2& q, const glm::vec2& radii) {
  const float k0 = glm::length(q / radii);
  const float k1 = glm::length(q / (radii * radii));
  return k1 < 1e-9f ? -std::min(radii.x, radii.y) : k0 * (k0 - 1.0f) / k1;
}

// Catmull-Rom through four values at f in [0, 1] between b and c: no creases at sections.
template <typename T>
T catmullRom(const T& a, const T& b, const T& c, const T& d, float f) {
  const float f2 = f * f, f3 = f2 * f;
  return 0.5f * ((2.0f * b) + (c - a) * f + (2.0f * a - 5.0f * b + 4.0f * c - d) * f2 + (3.0f * b - a - 3.0f * c + d) * f3);
}

SkinSection sectionAt(const std::vector<SkinSection>& sections, float y) {
  const auto below = std::find_if(sections.begin(), sections.end(), [y](const SkinSection& s) { return s.y <= y; });
  if (below == sections.begin()) return sections.front();
  if (below == sections.end()) return sections.back();
  const size_t c = static_cast<size_t>(below - sections.begin()), b = c - 1;
  const size_t a = b > 0 ? b - 1 : b, d = c + 1 < sections.size() ? c + 1 : c;
  const float f = (sections[b].y - y) / (sections[b].y - sections[c].y);
  SkinSection at = sections[b];
  at.y = y;
  at.centreXZ = catmullRom(sections[a].centreXZ, sections[b].centreXZ, sections[c].centreXZ, sections[d].centreXZ, f);
  at.radiiXZ = glm::max(catmullRom(sections[a].radiiXZ, sections[b].radiiXZ, sections[c].radiiXZ, sections[d].radiiXZ, f),
                        glm::vec2(0.005f));
  return at;
}

float distanceToSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float squared = glm::dot(ab, ab);
  const float t = squared > 1e-12f ? std::clamp(glm::dot(p - a, ab) / squared, 0.0f, 1.0f) : 0.0f;
  return glm::distance(p, a + ab * t);
}

// How far inside the reference outline the skin may come at `p`: the full lean depth on a
// lean spot's axis, fading smoothly to nothing at its radius.
float leanAt(const std::vector<LeanSpot>& spots, const glm::vec3& p) {
  float lean = 0.0f;
  for (const LeanSpot& s : spots) {
    const float closeness = 1.0f - glm::smoothstep(0.0f, s.radius, distanceToSegment(p, s.from, s.to));
    lean = std::max(lean, kLeanDepth * closeness);
  }
  return lean;
}

}  // namespace

float outlineDistance(const std::vector<SkinSection>& sections, const glm::vec3& p) {
  const SkinSection at = sectionAt(sections, p.y);
  const float across = ellipseDistance(glm::vec2(p.x, p.z) - at.centreXZ, at.radiiXZ);
  // Beyond the first and last sections the outline ends in flat caps.
  const float along = std::max(p.y - sections.front().y, sections.back().y - p.y);
  const glm::vec2 outside(std::max(across, 0.0f), std::max(along, 0.0f));
  return glm::length(outside) + std::min(std::max(across, along), 0.0f);
}

geometry::LevelSet skinField(const Description& d, const PlacedTissues& contents, const PlacedTissues& nodes) {
  const BlendedParts foot(d.footOutline, kFootBlend);
  geometry::Bounds region = contents.solids().bounds();
  if (!nodes.solids().isEmpty()) region.add(nodes.solids().bounds());
  region.add(foot.bounds());
  for (const SkinSection& s : d.skinSections) {
    region.add(glm::vec3(s.centreXZ.x - s.radiiXZ.x, s.y, s.centreXZ.y - s.radiiXZ.y));
    region.add(glm::vec3(s.centreXZ.x + s.radiiXZ.x, s.y, s.centreXZ.y + s.radiiXZ.y));
  }
  const auto skin = [&](const glm::vec3& p) {
    const float outline = geometry::smoothUnion(outlineDistance(d.skinSections, p), foot.distance(p), kOutlineBlend) +
                          leanAt(d.leanSpots, p);
    // Nodes lie in the fat itself: the skin passes closer over them, so they do not raise it.
    const float overTissue = std::min(contents.distance(p) - kThinnestFat, nodes.distance(p) - kFatOverNodes);
    const float body = geometry::smoothUnion(outline, overTissue, kOutlineBlend);
    return std::max(body, d.soleHeight - p.y);  // the ground flattens the sole
  };
  // Wide bands, so that vessels described outside the outline or deep in the fat find
  // their way to the skin.
  return geometry::LevelSet::fromFunction(region, kSkinVoxel, skin, {0.03f, 0.03f}, kSmoothingPasses);
}

}  // namespace legatlas::anatomy
