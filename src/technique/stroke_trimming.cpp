#include "technique/stroke_trimming.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "technique/rule_checker.h"

namespace legatlas::technique {
namespace {

// A trimmed stroke keeps at least this share of its length.
constexpr float kLeastShareKept = 0.5f;
// A stretch of a stroke running against the lymph for longer than a fingertip's width
// ends the stroke; shorter ones are the skin's small bumps.
constexpr float kLongestPushBack = 0.02f;

// The path without the runs of pieces at either end for which `off(a, b)` holds.
template <typename Off>
SkinPath trimmedEnds(SkinPath path, const Off& off) {
  while (path.size() > 2 && off(path[path.size() - 2], path.back())) path.pop_back();
  size_t first = 0;
  while (path.size() - first > 2 && off(path[first], path[first + 1])) ++first;
  path.erase(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(first));
  return path;
}

// The longest part of a path between the stretches where it runs against the lymph for
// longer than kLongestPushBack.
template <typename Against>
SkinPath longestPartWithLymph(const SkinPath& path, const Against& against) {
  size_t bestFrom = 0, bestTo = path.size(), from = 0;
  float bestLength = -1;
  const auto close = [&](size_t to) {
    const float length = lengthOf(SkinPath(path.begin() + std::ptrdiff_t(from), path.begin() + std::ptrdiff_t(to)));
    if (length > bestLength) bestLength = length, bestFrom = from, bestTo = to;
  };
  for (size_t i = 0; i + 1 < path.size();) {
    size_t end = i;
    float backward = 0;
    while (end + 1 < path.size() && against(path[end], path[end + 1])) {
      backward += glm::length(path[end + 1].position - path[end].position);
      ++end;
    }
    if (backward > kLongestPushBack) {
      close(i + 1);
      from = end;
    }
    i = std::max(end, i + 1);
  }
  close(path.size());
  return SkinPath(path.begin() + std::ptrdiff_t(bestFrom), path.begin() + std::ptrdiff_t(bestTo));
}

SkinPath keptOrWhole(SkinPath kept, const SkinPath& whole) {
  return lengthOf(kept) >= kLeastShareKept * lengthOf(whole) ? kept : whole;
}

}  // namespace

SkinPath notAgainstLymph(const LegModel& leg, SkinPath path) {
  const auto against = [&](const SkinPoint& a, const SkinPoint& b) {
    const glm::vec3 middle = 0.5f * (a.position + b.position);
    const glm::vec3 flow = leg.lymphFlow().at(middle, glm::normalize(a.normal + b.normal));
    return glm::length(flow) >= 0.5f && glm::dot(b.position - a.position, flow) < 0.0f;
  };
  return keptOrWhole(longestPartWithLymph(trimmedEnds(path, against), against), path);
}

SkinPath alongFibresPart(const LegModel& leg, SkinPath path, int tissue) {
  const float alongCosine = std::cos(glm::radians(kFibreToleranceDegrees));
  const auto across = [&](const SkinPoint& a, const SkinPoint& b) {
    const glm::vec3 normal = glm::normalize(a.normal + b.normal);
    glm::vec3 fibre = leg.fibreAt(tissue, 0.5f * (a.position + b.position));
    fibre -= normal * glm::dot(fibre, normal);
    const glm::vec3 step = b.position - a.position;
    if (glm::length(fibre) < 0.2f || glm::length(step) < 1e-6f) return false;
    return std::abs(glm::dot(glm::normalize(step), glm::normalize(fibre))) < alongCosine;
  };
  return keptOrWhole(trimmedEnds(path, across), path);
}

}  // namespace legatlas::technique
