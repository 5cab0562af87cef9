#include "technique/treatment_table.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <limits>

#include "geometry/primitives.h"

namespace legatlas::technique {
namespace {

constexpr float kTableWidth = 0.70f, kPadThickness = 0.08f, kTableHeight = 0.72f, kLegSide = 0.05f;
constexpr float kBeyondHead = 0.12f, kBelowHeels = 0.06f;
constexpr float kProneFeetOffFrom = -0.80f;  // y below which a prone client's feet hang off
constexpr float kProneFaceFrom = 0.55f;      // y above which a prone face rests in the face cradle
constexpr float kClearance = 0.003f;

// A box between two corners given along the room's axes: `up`, the table's length (+Y)
// and its width.
geometry::Mesh roomBox(const glm::vec3& up, const glm::vec3& across, const glm::vec2& upRange, const glm::vec2& yRange,
                       const glm::vec2& acrossRange) {
  const glm::vec3 low = up * upRange.x + glm::vec3(0, yRange.x, 0) + across * acrossRange.x;
  const glm::vec3 high = up * upRange.y + glm::vec3(0, yRange.y, 0) + across * acrossRange.y;
  return geometry::makeBox(glm::min(low, high), glm::max(low, high));
}

}  // namespace

glm::vec3 roomUp(ClientPosition position) {
  switch (position) {
    case ClientPosition::Supine: return {0, 0, 1};
    case ClientPosition::Prone: return {0, 0, -1};
    case ClientPosition::SideLying: return {1, 0, 0};
  }
  return {0, 0, 1};
}

TableSetting setTable(ClientPosition position, const std::vector<glm::vec3>& points) {
  TableSetting setting;
  setting.position = position;
  setting.up = roomUp(position);
  const glm::vec3 up = setting.up;
  // The other horizontal axis of the room: across the table.
  const glm::vec3 across = position == ClientPosition::SideLying ? glm::vec3(0, 0, 1) : glm::vec3(1, 0, 0);
  float lowest = std::numeric_limits<float>::max(), headTop = -1.0f, heels = 0.0f;
  float acrossLow = std::numeric_limits<float>::max(), acrossHigh = std::numeric_limits<float>::lowest();
  for (const glm::vec3& p : points) {
    headTop = std::max(headTop, p.y), heels = std::min(heels, p.y);
    acrossLow = std::min(acrossLow, glm::dot(p, across)), acrossHigh = std::max(acrossHigh, glm::dot(p, across));
    if (position == ClientPosition::Prone && (p.y < kProneFeetOffFrom || p.y > kProneFaceFrom)) continue;
    lowest = std::min(lowest, glm::dot(p, up));
  }
  if (points.empty()) lowest = -0.15f, headTop = 0.2f, heels = -0.9f, acrossLow = -0.2f, acrossHigh = 0.1f;
  const float top = lowest - kClearance;
  const float footEnd = position == ClientPosition::Prone ? kProneFeetOffFrom : heels - kBelowHeels;
  const float middle = 0.5f * (acrossLow + acrossHigh);
  const glm::vec2 width(middle - 0.5f * kTableWidth, middle + 0.5f * kTableWidth);
  const glm::vec2 length(footEnd, headTop + kBeyondHead);
  setting.table = roomBox(up, across, {top - kPadThickness, top}, length, width);
  for (float y : {length.x + 0.08f, length.y - 0.08f})
    for (float a : {width.x + 0.06f, width.y - 0.06f - kLegSide})
      setting.table.append(roomBox(up, across, {top - kTableHeight, top - kPadThickness}, {y - kLegSide * 0.5f, y + kLegSide * 0.5f},
                                   {a, a + kLegSide}));
  // The arrow lies on the table beside the treated leg's outer side (in front of the body
  // when side-lying), from the knee toward the hip: the way every stroke sends the fluid.
  const float beside = position == ClientPosition::SideLying ? acrossHigh + 0.06f : std::min(acrossHigh + 0.05f, width.y - 0.04f);
  setting.heartArrowDirection = {0, 1, 0};
  setting.heartArrowLength = 0.2f;
  setting.heartArrowTip = up * (top + 0.004f) + across * beside + glm::vec3(0, -0.2f, 0);
  return setting;
}

}  // namespace legatlas::technique
