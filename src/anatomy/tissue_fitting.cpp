#include "anatomy/tissue_fitting.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

#include "geometry/sweep.h"

namespace legatlas::anatomy {

PlacedTissues::PlacedTissues() : solids_(geometry::LevelSet::empty(kFittingVoxel, kPlacedBand)) {}

namespace {

constexpr float kAttachmentWidth = 0.025f;  // metres beside an attachment still counted as part of it

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

namespace {

constexpr float kFatStep = 0.00025f;       // metres per step when sounding the fat's depth
constexpr float kDeepestFat = 0.05f;       // no fat in the leg is thicker
constexpr float kUnderSkinMargin = 0.002f; // extra depth of a tube in thick fat, beyond its radius

// Damped steps along the gradient: full steps can bounce between the walls of a crease
// (the front of the ankle) without ever reaching the surface.
glm::vec3 ontoSurface(const geometry::LevelSet& field, glm::vec3 p) {
  for (int step = 0; step < 40; ++step) {
    const float d = field.distance(p);
    const glm::vec3 out = field.outward(p);
    if (std::abs(d) < 5e-5f || out == glm::vec3(0.0f)) break;
    p -= out * d * 0.7f;
  }
  return p;
}

}  // namespace

void placeUnderSkin(const geometry::LevelSet& skin, const PlacedTissues& beneath, std::vector<glm::vec3>& centreLine,
                    float radius) {
  // Walked along the skin: each point starts from where the previous one landed, moved by
  // the described step, so the line cannot jump between the two walls of a crease.
  const std::vector<glm::vec3> described = centreLine;
  glm::vec3 previousSurface{0.0f};
  for (size_t i = 0; i < centreLine.size(); ++i) {
    glm::vec3& p = centreLine[i];
    const glm::vec3 surface = ontoSurface(skin, i == 0 ? p : previousSurface + described[i] - described[i - 1]);
    previousSurface = surface;
    const glm::vec3 inward = -skin.outward(surface);
    // Sounded with the tube's own clearance, so that a tissue beside the line counts too.
    const float clearance = radius + kContactGap;
    float room = 0.0f;
    while (room < kDeepestFat && beneath.distance(surface + inward * room) > clearance) room += kFatStep;
    const float depth = room >= clearance ? std::min(clearance + kUnderSkinMargin, room)
                                          : 0.5f * (room + clearance);  // too thin: share the lack
    p = surface + inward * depth;
  }
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

namespace {

constexpr float kBandStep = 0.0005f;     // metres: half a voxel
constexpr float kFurthestMove = 0.05f;   // no muscle bulges further beyond a band drawn over it
constexpr float kEvenedOver = 0.012f;    // metres each side

// Moves each point of a band's centre line along `outward` by its distance in `moves`
// (negative inward) times `strength`. Each point moved alone would follow every bump
// beneath, and a band swept along such a line kinks: the moves are evened out instead,
// first to the furthest (lifting) or least (lowering) move near each point, so that none
// ends up lower than it must or deeper than it may, then to their mean.
void moveEvenly(std::vector<glm::vec3>& centreLine, const std::vector<float>& moves, bool lifting,
                const std::function<glm::vec3(const glm::vec3&)>& outward, const std::function<float(size_t)>& strength) {
  const size_t n = centreLine.size();
  const size_t reach = std::max<size_t>(1, size_t(kEvenedOver * float(n - 1) / geometry::pathLength(centreLine)));
  const auto window = [n, reach](size_t i) { return std::pair{i >= reach ? i - reach : size_t(0), std::min(n - 1, i + reach)}; };
  std::vector<float> envelope(n, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    const auto [from, to] = window(i);
    const auto first = moves.begin() + long(from), last = moves.begin() + long(to) + 1;
    envelope[i] = lifting ? *std::max_element(first, last) : *std::max_element(first, last, [](float a, float b) {
      return std::abs(a) > std::abs(b);  // the least lowering
    });
  }
  for (size_t i = 0; i < n; ++i) {
    const float s = strength(i);
    if (s <= 0.0f) continue;
    const auto [from, to] = window(i);
    float sum = 0.0f;
    for (size_t j = from; j <= to; ++j) sum += envelope[j];
    centreLine[i] += outward(centreLine[i]) * (s * sum / float(to - from + 1));
  }
}

}  // namespace

void liftOut(std::vector<glm::vec3>& centreLine, const std::function<float(const glm::vec3&)>& signedDistance,
             const std::function<glm::vec3(const glm::vec3&)>& outward, float clearance,
             const std::function<float(size_t)>& strength) {
  if (centreLine.size() < 2) return;
  std::vector<float> lifts(centreLine.size(), 0.0f);
  for (size_t i = 0; i < centreLine.size(); ++i) {
    if (strength(i) <= 0.0f) continue;
    const glm::vec3 out = outward(centreLine[i]);
    float lift = 0.0f;
    while (lift < kFurthestMove && signedDistance(centreLine[i] + out * lift) < clearance) lift += kBandStep;
    if (lift < kFurthestMove) lifts[i] = lift;
  }
  moveEvenly(centreLine, lifts, true, outward, strength);
}

void lowerOnto(std::vector<glm::vec3>& centreLine, const std::function<float(const glm::vec3&)>& signedDistance,
               const std::function<glm::vec3(const glm::vec3&)>& outward, float clearance,
               const std::function<float(size_t)>& strength) {
  if (centreLine.size() < 2) return;
  std::vector<float> lowerings(centreLine.size(), 0.0f);
  for (size_t i = 0; i < centreLine.size(); ++i) {
    if (strength(i) <= 0.0f || signedDistance(centreLine[i]) <= clearance) continue;
    const glm::vec3 in = -outward(centreLine[i]);
    float lowering = 0.0f;
    while (lowering < kFurthestMove && signedDistance(centreLine[i] + in * (lowering + kBandStep)) > clearance)
      lowering += kBandStep;
    if (lowering < kFurthestMove) lowerings[i] = -lowering;
  }
  moveEvenly(centreLine, lowerings, false, outward, strength);
}

AttachmentEnds::AttachmentEnds(const std::vector<glm::vec3>& centreLine, float fraction) {
  constexpr int kSamples = 100;
  const std::vector<glm::vec3> line = geometry::smoothPath(centreLine, kSamples);
  const int inward = std::clamp(static_cast<int>(fraction * kSamples), 1, kSamples / 2);
  const auto endAt = [&line](int tip, int section) {
    End end;
    end.tip = line[tip];
    end.section = line[section];
    end.toward = glm::normalize(line[section - (section > tip ? 1 : -1)] - end.section);
    // Far enough to take in the whole width of the attachment, not the rest of the belly.
    end.reach = glm::distance(end.tip, end.section) + kAttachmentWidth;
    return end;
  };
  ends_[0] = endAt(0, inward);
  ends_[1] = endAt(kSamples - 1, kSamples - 1 - inward);
}

bool AttachmentEnds::contain(const glm::vec3& p) const {
  for (const End& end : ends_) {
    if (glm::dot(p - end.section, end.toward) > 0.0f && glm::distance(p, end.tip) < end.reach) return true;
  }
  return false;
}

void PlacedTissues::carve(geometry::LevelSet& solid, const AttachmentEnds& ends) const {
  solid.subtract(solids_, kContactGap, [&ends](const glm::vec3& p) { return !ends.contain(p); });
}

void PlacedTissues::add(const geometry::Mesh& closedSurface) {
  add(geometry::LevelSet::fromMesh(closedSurface, kFittingVoxel, kPlacedBand));
}

void PlacedTissues::add(const geometry::LevelSet& solid) { solids_.unite(solid); }

}  // namespace legatlas::anatomy
