#include "ui/label_layout.h"

#include <algorithm>

namespace legatlas::ui {
namespace {

// Stacks boxes in one column in the order of their anchors' heights: each box as near
// its anchor's height as the boxes above allow, then pushed up from the bottom if the
// column overflows. Same order top to bottom for anchors and boxes: leaders cannot cross.
std::vector<PlacedLabel> stack(std::vector<LabelRequest> column, float x, bool onLeft, float height, float gap) {
  std::sort(column.begin(), column.end(), [](auto& a, auto& b) { return a.anchor.y < b.anchor.y; });
  float total = 0;
  size_t fits = 0;
  for (; fits < column.size() && total + column[fits].size.y <= height; ++fits) total += column[fits].size.y + gap;
  column.resize(fits);
  std::vector<PlacedLabel> placed;
  float nextTop = gap;
  for (const LabelRequest& r : column) {
    const float top = std::max(nextTop, r.anchor.y - r.size.y * 0.5f);
    placed.push_back({r.text, r.anchor, {onLeft ? x - r.size.x : x, top}, r.size, onLeft});
    nextTop = top + r.size.y + gap;
  }
  // Overflow at the bottom: push the boxes up, keeping their order and spacing.
  float limit = height - gap;
  for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
    if (it->topLeft.y + it->size.y > limit) it->topLeft.y = limit - it->size.y;
    limit = it->topLeft.y - gap;
  }
  return placed;
}

}  // namespace

glm::vec2 PlacedLabel::leaderEnd() const {
  return {onLeft ? topLeft.x + size.x : topLeft.x, topLeft.y + size.y * 0.5f};
}

std::vector<PlacedLabel> layoutLabels(std::vector<LabelRequest> requests, glm::vec2 screen, float subjectLeft,
                                      float subjectRight, float gap) {
  const float middle = 0.5f * (subjectLeft + subjectRight);
  std::vector<LabelRequest> left, right;
  for (LabelRequest& r : requests) (r.anchor.x < middle ? left : right).push_back(std::move(r));
  // A column sits a gap outside the subject, or at the screen edge if the subject is wide.
  const float leftX = std::max(subjectLeft - 2 * gap, 0.0f);
  const float rightX = std::min(subjectRight + 2 * gap, screen.x);
  std::vector<PlacedLabel> placed = stack(std::move(left), leftX, true, screen.y, gap);
  for (PlacedLabel& p : stack(std::move(right), rightX, false, screen.y, gap)) placed.push_back(std::move(p));
  return placed;
}

}  // namespace legatlas::ui
