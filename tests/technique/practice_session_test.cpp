// Practice as the viewer drives it: the student drags over the skin, each sample keeps
// the point and the skin's normal it was drawn on, and releasing scores the stroke.
#include <gtest/gtest.h>

#include "built_leg.h"
#include "teaching/practice_session.h"
#include "technique/catalogue.h"
#include "technique/stroke_planner.h"

namespace legatlas::teaching {
namespace {

using testing::builtLeg;
using testing::lessonFrom;

const technique::LegModel& leg() { return builtLeg().model(); }

technique::Stroke plannedThumbStroke() {
  return technique::planLesson(
             lessonFrom("  - technique: thumb_stroke\n    target: {tissue: tibialis_anterior}\n    passes: 1\n"
                        "    caption: c\n"),
             leg())
      .front();
}

// Drags along `samples` (forward or backward) as mouse moves at the samples' own pace.
void drag(PracticeSession& practice, const std::vector<technique::StrokeSample>& samples, bool backward) {
  const size_t n = samples.size();
  for (size_t i = 0; i < n; ++i) {
    const technique::StrokeSample& s = samples[backward ? n - 1 - i : i];
    const technique::SkinPoint hit{s.position, s.normal};
    const double seconds = samples[i].time - samples.front().time;
    if (i == 0) practice.press(seconds, hit);
    else practice.move(seconds, hit);
  }
  practice.release(leg());
}

// Thumb strokes on tibialis anterior, armed as the panel's "Draw a stroke" does.
PracticeSession armedForThumbStroke() {
  PracticeSession practice;
  practice.arm(technique::findTechnique("thumb_stroke"), "tibialis_anterior");
  return practice;
}

TEST(PracticeSession, TheDrawnStrokeKeepsTheNormalsItWasDrawnWithAndIsScored) {
  const technique::Stroke correct = plannedThumbStroke();
  PracticeSession practice = armedForThumbStroke();
  drag(practice, correct.working, false);
  ASSERT_TRUE(practice.result().has_value());
  EXPECT_GE(practice.result()->score, 90);
  ASSERT_GE(practice.drawn().size(), 2u);
  // Each kept sample is one of the points dragged over, with the normal given with it.
  for (const technique::StrokeSample& kept : practice.drawn()) {
    bool found = false;
    for (const technique::StrokeSample& s : correct.working)
      found = found || (kept.position == s.position && kept.normal == s.normal);
    EXPECT_TRUE(found);
  }
  EXPECT_EQ(practice.result()->drawn.working.size(), practice.drawn().size());
  EXPECT_FALSE(practice.armed());  // scored: drawing again needs arming again
}

TEST(PracticeSession, AReversedStrokeScoresLowAndTheCorrectOneIsShownWithItsArrow) {
  const technique::Stroke correct = plannedThumbStroke();
  PracticeSession practice = armedForThumbStroke();
  drag(practice, correct.working, true);
  ASSERT_TRUE(practice.result().has_value());
  EXPECT_LE(practice.result()->score, 20);
  const scene::Overlays shown = practice.overlays(0.0);
  ASSERT_EQ(shown.trails.size(), 2u);  // what was drawn, and the stroke as it should go
  ASSERT_EQ(shown.arrows.size(), 1u);
  const glm::vec3 way = correct.working.back().position - correct.working.front().position;
  EXPECT_GT(glm::dot(shown.arrows.front().direction, way), 0.0f);
}

TEST(PracticeSession, ATwitchIsNotAStrokeAndLeavesDrawingArmed) {
  const technique::Stroke correct = plannedThumbStroke();
  PracticeSession practice = armedForThumbStroke();
  drag(practice, {correct.working[0], correct.working[1]}, false);  // well under a centimetre
  EXPECT_FALSE(practice.result().has_value());
  EXPECT_TRUE(practice.armed());
  EXPECT_TRUE(practice.drawn().empty());
}

}  // namespace
}  // namespace legatlas::teaching
