#include "technique/mld_circle.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/trigonometric.hpp>

#include "technique/rule_checker.h"

namespace legatlas::technique {
namespace {

// Each side of the flow at most: a circle pushes over less than half its turn.
constexpr float kWidestHalfArc = glm::radians(75.0f);
// A part of the pressure arc runs within this angle of the flow under it; kept below the
// checker's "with the flow" angle so the skin's curvature cannot tip a piece over it.
constexpr float kPressureDegrees = kWithFlowDegrees - 15.0f;
constexpr int kTestsPerTurn = 72;  // every 5 degrees

float degreesBetween(glm::vec3 a, glm::vec3 b, const glm::vec3& normal) {
  a -= normal * glm::dot(a, normal);
  b -= normal * glm::dot(b, normal);
  if (glm::length(a) < 1e-6f || glm::length(b) < 1e-6f) return 180.0f;
  return glm::degrees(std::acos(glm::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0f, 1.0f)));
}

}  // namespace

CircleArcs circleArcs(const LegModel& leg, const SkinPoint& spot, float radius, float sampleSpacing) {
  const glm::vec3 flow = leg.lymphFlow().at(spot.position, spot.normal);
  if (glm::length(flow) < 0.5f) return {};
  const glm::vec3 side = glm::normalize(glm::cross(spot.normal, flow));
  // Angle 0 is the point where the circle's tangent points along the flow at the centre.
  const auto pointAt = [&](float a) { return spot.position + radius * (std::sin(a) * flow - std::cos(a) * side); };
  const auto tangentAt = [&](float a) { return std::cos(a) * flow + std::sin(a) * side; };
  // The skin under a point of the circle, straight below it along the spot's normal: the
  // nearest skin point would gather a run of the circle onto the tip of a bony bump.
  const auto under = [&](float a) { return leg.skinToward(pointAt(a) - spot.normal * radius, spot.normal); };
  const auto misfit = [&](float a) {
    const SkinPoint skin = under(a);
    return degreesBetween(tangentAt(a), leg.lymphFlow().at(skin.position, skin.normal), skin.normal);
  };

  // Start where the circle runs best with the flow, preferring the centre's own direction,
  // and widen while every part still runs with it.
  const float step = 2 * glm::pi<float>() / kTestsPerTurn;
  float best = 0, bestMisfit = misfit(0);
  if (bestMisfit > kPressureDegrees)
    for (int i = 1; i < kTestsPerTurn; ++i)
      if (const float m = misfit(i * step); m < bestMisfit) best = i * step, bestMisfit = m;
  float from = best, to = best;
  while (to - best + step <= kWidestHalfArc && misfit(to + step) <= kPressureDegrees) to += step;
  while (best - from + step <= kWidestHalfArc && misfit(from - step) <= kPressureDegrees) from -= step;

  const auto arc = [&](float a0, float a1) {
    SkinPath points;
    const int n = std::max(4, static_cast<int>(std::abs(a1 - a0) * radius / (sampleSpacing * 0.5f)));
    for (int i = 0; i <= n; ++i) points.push_back(under(glm::mix(a0, a1, float(i) / float(n))));
    return points;
  };
  return {arc(from, to), arc(to, from + 2 * glm::pi<float>())};
}

}  // namespace legatlas::technique
