#include "ui/label_layout.h"

#include <gtest/gtest.h>

namespace legatlas::ui {
namespace {

bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
  return a.topLeft.x < b.topLeft.x + b.size.x && b.topLeft.x < a.topLeft.x + a.size.x &&
         a.topLeft.y < b.topLeft.y + b.size.y && b.topLeft.y < a.topLeft.y + a.size.y;
}

// Whether segments p1-p2 and q1-q2 cross.
bool cross(glm::vec2 p1, glm::vec2 p2, glm::vec2 q1, glm::vec2 q2) {
  const auto side = [](glm::vec2 a, glm::vec2 b, glm::vec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); };
  return side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0;
}

TEST(LabelLayout, CrowdedAnchorsGetSeparateBoxesAndUncrossedLeaders) {
  std::vector<LabelRequest> requests;
  // Twelve tissues bunched around the knee, on both sides of the leg's middle.
  for (int i = 0; i < 12; ++i)
    requests.push_back({std::string(1, static_cast<char>('a' + i)), {900.0f + (i % 2 ? 60.0f : -60.0f) + i, 500.0f + 7.0f * i}, {180, 30}});
  const auto placed = layoutLabels(requests, {1920, 1080}, 760, 1160, 8);
  ASSERT_EQ(placed.size(), 12u);
  for (size_t i = 0; i < placed.size(); ++i) {
    const PlacedLabel& a = placed[i];
    EXPECT_TRUE(a.topLeft.x + a.size.x <= 760 || a.topLeft.x >= 1160) << a.text << " covers the leg";
    EXPECT_GE(a.topLeft.y, 0.0f);
    EXPECT_LE(a.topLeft.y + a.size.y, 1080.0f);
    for (size_t j = i + 1; j < placed.size(); ++j) {
      EXPECT_FALSE(overlap(a, placed[j])) << a.text << " / " << placed[j].text;
      EXPECT_FALSE(cross(a.anchor, a.leaderEnd(), placed[j].anchor, placed[j].leaderEnd())) << a.text << " / " << placed[j].text;
    }
  }
}

TEST(LabelLayout, LabelsThatDoNotFitAreDropped) {
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 30; ++i) requests.push_back({std::string(1, static_cast<char>('A' + i)), {100.0f, 100.0f + i}, {80, 40}});
  const auto placed = layoutLabels(requests, {800, 400}, 300, 500, 5);
  EXPECT_LT(placed.size(), 30u);
  EXPECT_GT(placed.size(), 5u);
  for (size_t i = 1; i < placed.size(); ++i) EXPECT_FALSE(overlap(placed[i - 1], placed[i]));
}

}  // namespace
}  // namespace legatlas::ui
