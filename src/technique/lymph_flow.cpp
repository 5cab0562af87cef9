#include "technique/lymph_flow.h"

#include <algorithm>
#include <cmath>
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/vec3.hpp>
#include <limits>
#include <span>

namespace legatlas::technique {
namespace {

// How far a vessel's pull reaches over the skin: about the spacing of the vessels of a
// bundle, so that the field between two of them is a blend of both.
constexpr float kReach = 0.03f;
// Beyond three reaches a vessel's weight is below 1.3e-4 of a near one's, so the field
// only counts the segments within this distance of a point.
constexpr float kCutoff = 3 * kReach;
// The step vessels are resampled at: small against the reach, so bends keep their shape.
constexpr float kSpacing = 0.01f;
// A vessel longer than this many steps (100 m) is not a leg's; it is left out.
constexpr size_t kMostSteps = 10000;

// Squared, since weights and comparisons need no square root.
float squaredDistanceToSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float t = glm::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
  const glm::vec3 offset = p - (a + t * ab);
  return glm::dot(offset, offset);
}

bool isFinite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

// The stretches of a path between points that are not numbers (a broken file's).
std::vector<std::vector<glm::vec3>> finiteRuns(const std::vector<glm::vec3>& path) {
  std::vector<std::vector<glm::vec3>> runs(1);
  for (const glm::vec3& p : path) {
    if (!isFinite(p)) runs.emplace_back();
    else if (runs.back().empty() || glm::length(p - runs.back().back()) > 1e-6f) runs.back().push_back(p);
  }
  return runs;
}

// The path again with points at equal steps of at most kSpacing along it. Every segment
// then stands for the same length of vessel, so the field sums the vessels' pull per
// length, whatever the spacing of the points a model was drawn or measured with.
std::vector<glm::vec3> evenlySpaced(const std::vector<glm::vec3>& path) {
  if (path.size() < 2) return {};
  float total = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) total += glm::length(path[i + 1] - path[i]);
  // Checked before the cast: a float too large for size_t would be undefined behaviour.
  if (!(total / kSpacing <= float(kMostSteps))) return {};
  const size_t steps = static_cast<size_t>(std::ceil(total / kSpacing));
  std::vector<glm::vec3> even{path.front()};
  size_t i = 0;
  float startOfI = 0, lengthOfI = glm::length(path[1] - path[0]);
  for (size_t k = 1; k < steps; ++k) {
    const float at = total * float(k) / float(steps);
    while (startOfI + lengthOfI < at && i + 2 < path.size()) {
      startOfI += lengthOfI;
      ++i;
      lengthOfI = glm::length(path[i + 1] - path[i]);
    }
    const float t = glm::clamp((at - startOfI) / lengthOfI, 0.0f, 1.0f);
    even.push_back(glm::mix(path[i], path[i + 1], t));
  }
  even.push_back(path.back());
  return even;
}

glm::vec3 inPlane(const glm::vec3& v, const glm::vec3& normal) {
  const float n2 = glm::dot(normal, normal);
  return n2 > 0 ? v - normal * (glm::dot(v, normal) / n2) : v;
}

}  // namespace

// The segments bucketed by a uniform grid over their bounds grown by the cutoff: each
// cell lists every segment that can come within the cutoff of a point inside it, so a
// query reads one list instead of searching a tree and gathering the results.
struct LymphFlowField::Grid {
  static constexpr float kFinestCell = 0.045f;  // metres: half the cutoff keeps lists short
  static constexpr size_t kMostCells = size_t(1) << 20;  // for vessels spread over a huge model

  glm::vec3 origin{0.0f};
  glm::ivec3 size{0};
  float cell = kFinestCell;
  std::vector<uint32_t> firsts;   // where each cell's list starts in `members`, and the end
  std::vector<uint32_t> members;  // segment indices, cell after cell

  explicit Grid(const std::vector<Segment>& segments) {
    glm::vec3 low(std::numeric_limits<float>::max()), high(std::numeric_limits<float>::lowest());
    for (const Segment& s : segments) {
      low = glm::min(low, glm::min(s.from, s.to));
      high = glm::max(high, glm::max(s.from, s.to));
    }
    origin = low - glm::vec3(kCutoff);
    const glm::vec3 extent = high - low + glm::vec3(2 * kCutoff);
    while (cellCount(extent, cell) > double(kMostCells)) cell *= 2;
    size = glm::ivec3(extent / cell) + 1;
    // Two passes over the same cells: count each cell's list, then fill it.
    std::vector<uint32_t> counts(size_t(size.x) * size.y * size.z + 1, 0);
    for (const Segment& s : segments) forEachCellNear(s, [&](size_t c) { ++counts[c + 1]; });
    for (size_t c = 1; c < counts.size(); ++c) counts[c] += counts[c - 1];
    firsts = counts;
    members.resize(counts.back());
    for (size_t i = 0; i < segments.size(); ++i)
      forEachCellNear(segments[i], [&](size_t c) { members[counts[c]++] = static_cast<uint32_t>(i); });
  }

  static double cellCount(const glm::vec3& extent, float cell) {
    const glm::dvec3 n = glm::dvec3(extent) / double(cell) + 1.0;
    return n.x * n.y * n.z;
  }

  size_t indexOf(const glm::ivec3& c) const { return (size_t(c.z) * size.y + c.y) * size.x + c.x; }

  // Every cell whose centre lies within the cutoff plus half the cell's diagonal of the
  // segment: then no point of any other cell is within the cutoff of it.
  template <typename Visit>
  void forEachCellNear(const Segment& s, Visit visit) const {
    const float reach = kCutoff + 0.5f * std::sqrt(3.0f) * cell;
    const glm::ivec3 from = glm::max(glm::ivec3((glm::min(s.from, s.to) - glm::vec3(reach) - origin) / cell), 0);
    const glm::ivec3 to = glm::min(glm::ivec3((glm::max(s.from, s.to) + glm::vec3(reach) - origin) / cell), size - 1);
    for (int z = from.z; z <= to.z; ++z)
      for (int y = from.y; y <= to.y; ++y)
        for (int x = from.x; x <= to.x; ++x) {
          const glm::vec3 centre = origin + (glm::vec3(x, y, z) + 0.5f) * cell;
          if (squaredDistanceToSegment(centre, s.from, s.to) <= reach * reach) visit(indexOf({x, y, z}));
        }
  }

  // The segments listed for the cell holding p; none outside the grid.
  std::span<const uint32_t> near(const glm::vec3& p) const {
    const glm::vec3 at = (p - origin) / cell;
    if (!(at.x >= 0 && at.y >= 0 && at.z >= 0 && at.x < size.x && at.y < size.y && at.z < size.z)) return {};
    const size_t c = indexOf(glm::ivec3(at));
    return {members.data() + firsts[c], members.data() + firsts[c + 1]};
  }
};

LymphFlowField::LymphFlowField(std::vector<DrainagePath> vessels) {
  for (const DrainagePath& vessel : vessels) {
    auto known = std::find(territories_.begin(), territories_.end(), vessel.drainsTo);
    if (known == territories_.end()) known = territories_.insert(territories_.end(), vessel.drainsTo);
    const int territory = static_cast<int>(known - territories_.begin());
    for (const std::vector<glm::vec3>& run : finiteRuns(vessel.path)) {
      const std::vector<glm::vec3> even = evenlySpaced(run);
      for (size_t i = 0; i + 1 < even.size(); ++i) {
        const glm::vec3 step = even[i + 1] - even[i];
        segments_.push_back({even[i], even[i + 1], step / glm::length(step), territory});
      }
    }
  }
  if (!segments_.empty()) grid_ = std::make_shared<const Grid>(segments_);
}

template <typename Visit>
void LymphFlowField::forEachNear(const glm::vec3& p, Visit visit) const {
  if (!grid_) return;
  for (const uint32_t i : grid_->near(p)) {
    const Segment& s = segments_[i];
    const float d2 = squaredDistanceToSegment(p, s.from, s.to);
    if (d2 < kCutoff * kCutoff) visit(s, std::exp(-d2 / (kReach * kReach)));
  }
}

const LymphFlowField::Segment* LymphFlowField::nearestSegment(const glm::vec3& p) const {
  const Segment* nearest = nullptr;
  float nearestDistance = std::numeric_limits<float>::max();
  for (const Segment& s : segments_) {
    const float d2 = squaredDistanceToSegment(p, s.from, s.to);
    if (d2 < nearestDistance) nearestDistance = d2, nearest = &s;
  }
  return nearest;
}

int LymphFlowField::territoryAt(const glm::vec3& p) const {
  std::vector<float> weights(territories_.size(), 0.0f);
  forEachNear(p, [&](const Segment& s, float weight) { weights[s.territory] += weight; });
  const auto most = std::max_element(weights.begin(), weights.end());
  if (most != weights.end() && *most > 1e-4f) return static_cast<int>(most - weights.begin());
  const Segment* nearest = nearestSegment(p);
  return nearest ? nearest->territory : -1;
}

glm::vec3 LymphFlowField::at(const glm::vec3& p, const glm::vec3& skinNormal) const {
  glm::vec3 sum(0.0f);
  forEachNear(p, [&](const Segment& s, float weight) { sum += s.direction * weight; });
  // Far from every vessel the weights vanish: follow the nearest one.
  glm::vec3 direction = inPlane(sum, skinNormal);
  if (glm::length(direction) < 1e-3f) {
    const Segment* nearest = nearestSegment(p);
    direction = nearest ? inPlane(nearest->direction, skinNormal) : glm::vec3(0.0f);
  }
  const float length = glm::length(direction);
  return length > 1e-6f ? direction / length : glm::vec3(0.0f);
}

}  // namespace legatlas::technique
