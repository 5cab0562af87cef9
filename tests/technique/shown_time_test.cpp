// Exported lesson videos stay watchable: a class sees a resting step in seconds with its
// real length in the caption, and a whole lesson in at most three minutes.
#include <gtest/gtest.h>

#include "built_leg.h"
#include "technique/shown_time.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;

float lessonEnd(const std::vector<Stroke>& strokes) {
  float end = 0;
  for (const Stroke& s : strokes) end = std::max(end, s.end());
  return end;
}

TEST(ShownTime, EveryBuiltInLessonFitsInThreeMinutesOfVideoInOrder) {
  for (const std::string& name : testing::builtInLessons()) {
    const Lesson lesson = loadLesson(testing::lessonPath(name));
    const auto strokes = planLesson(lesson, builtLeg().model());
    const ShownTimeline shown = showLesson(lesson, strokes, 0.0f, lessonEnd(strokes));
    EXPECT_LE(shown.duration(), kLongestLessonVideo + 0.5f) << name;
    EXPECT_EQ(shown.steps.size(), lesson.steps.size()) << name << ": every step is shown";
    float previous = -1;
    for (float t = 0; t < shown.duration(); t += 0.25f) {
      const float real = shown.realTimeAt(t);
      EXPECT_GE(real, previous) << name << " goes back in time at " << t;
      previous = real;
    }
    EXPECT_GT(shown.realTimeAt(shown.duration()), lessonEnd(strokes) - 1.0f) << name << " ends before the lesson does";
  }
}

TEST(ShownTime, TheTenMinuteHeatPadIsShownInSecondsWithItsRealLengthInTheCaption) {
  const Lesson lesson = loadLesson(testing::lessonPath("calf_cramp"));
  const auto strokes = planLesson(lesson, builtLeg().model());
  int heat = -1;
  for (size_t i = 0; i < lesson.steps.size(); ++i)
    if (lesson.steps[i].technique->id == "heat") heat = static_cast<int>(i);
  ASSERT_GE(heat, 0);
  float from = 1e9f, to = 0;
  for (const Stroke& s : strokes)
    if (s.step == heat) from = std::min(from, s.start()), to = std::max(to, s.end());
  ASSERT_GT(to - from, 500.0f) << "the lesson rests the pad for about ten minutes";
  // Exported alone, with no limit on the video's length, it still rests for seconds.
  const ShownTimeline alone = showLesson(lesson, strokes, from, to, 1e9f);
  ASSERT_EQ(alone.steps.size(), 1u);
  EXPECT_LE(alone.duration(), kRestingStepShown + 0.01f);
  const std::string caption = shownCaption(lesson, alone.steps.front());
  EXPECT_NE(caption.find("10 min in the lesson"), std::string::npos) << caption;
  EXPECT_NE(caption.find(lesson.steps[heat].caption), std::string::npos);
  // A moving step exported alone plays at real speed.
  for (size_t i = 0; i < lesson.steps.size(); ++i) {
    if (lesson.steps[i].technique->motion == Motion::Rest) continue;
    float stepFrom = 1e9f, stepTo = 0;
    for (const Stroke& s : strokes)
      if (s.step == static_cast<int>(i)) stepFrom = std::min(stepFrom, s.start()), stepTo = std::max(stepTo, s.end());
    const ShownTimeline moving = showLesson(lesson, strokes, stepFrom, stepTo, 1e9f);
    ASSERT_EQ(moving.steps.size(), 1u);
    EXPECT_FALSE(moving.steps.front().faster()) << "step " << i + 1;
  }
}

}  // namespace
}  // namespace legatlas::technique
