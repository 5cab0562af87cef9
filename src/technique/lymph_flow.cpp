#include "technique/lymph_flow.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <limits>

namespace legatlas::technique {
namespace {

// How far a vessel's pull reaches over the skin: about the spacing of the vessels of a
// bundle, so that the field between two of them is a blend of both.
constexpr float kReach = 0.03f;
// Beyond three reaches a vessel's weight is below 1e-4 of a near one's, so the field
// only looks at the segments within this distance of a point.
constexpr float kCutoff = 3 * kReach;

float distanceToSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float t = glm::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
  return glm::length(p - (a + t * ab));
}

glm::vec3 inPlane(const glm::vec3& v, const glm::vec3& normal) {
  const float n2 = glm::dot(normal, normal);
  return n2 > 0 ? v - normal * (glm::dot(v, normal) / n2) : v;
}

}  // namespace

LymphFlowField::LymphFlowField(std::vector<DrainagePath> vessels) {
  for (const DrainagePath& vessel : vessels) {
    auto known = std::find(territories_.begin(), territories_.end(), vessel.drainsTo);
    if (known == territories_.end()) known = territories_.insert(territories_.end(), vessel.drainsTo);
    const int territory = static_cast<int>(known - territories_.begin());
    const auto& path = vessel.path;
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      const glm::vec3 step = path[i + 1] - path[i];
      const float length = glm::length(step);
      if (length > 1e-6f) segments_.push_back({path[i], path[i + 1], step / length, territory});
      longestHalfSegment_ = std::max(longestHalfSegment_, 0.5f * length);
    }
  }
  std::vector<glm::vec3> midpoints;
  for (const Segment& s : segments_) midpoints.push_back(0.5f * (s.from + s.to));
  if (!midpoints.empty()) midpoints_ = std::make_shared<const geometry::PointIndex>(std::move(midpoints));
}

std::vector<uint32_t> LymphFlowField::segmentsNear(const glm::vec3& p) const {
  // A segment within kCutoff of p has its midpoint within kCutoff + half its length.
  if (!midpoints_) return {};
  return midpoints_->within(p, kCutoff + longestHalfSegment_);
}

const LymphFlowField::Segment* LymphFlowField::nearestSegment(const glm::vec3& p) const {
  const Segment* nearest = nullptr;
  float nearestDistance = std::numeric_limits<float>::max();
  for (const Segment& s : segments_) {
    const float d = distanceToSegment(p, s.from, s.to);
    if (d < nearestDistance) nearestDistance = d, nearest = &s;
  }
  return nearest;
}

int LymphFlowField::territoryAt(const glm::vec3& p) const {
  std::vector<float> weights(territories_.size(), 0.0f);
  for (const uint32_t i : segmentsNear(p)) {
    const Segment& s = segments_[i];
    const float x = distanceToSegment(p, s.from, s.to) / kReach;
    weights[s.territory] += std::exp(-x * x);
  }
  const auto most = std::max_element(weights.begin(), weights.end());
  if (most != weights.end() && *most > 1e-4f) return static_cast<int>(most - weights.begin());
  const Segment* nearest = nearestSegment(p);
  return nearest ? nearest->territory : -1;
}

glm::vec3 LymphFlowField::at(const glm::vec3& p, const glm::vec3& skinNormal) const {
  glm::vec3 sum(0.0f);
  for (const uint32_t i : segmentsNear(p)) {
    const Segment& s = segments_[i];
    const float x = distanceToSegment(p, s.from, s.to) / kReach;
    sum += s.direction * std::exp(-x * x);
  }
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
