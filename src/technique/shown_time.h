#pragma once
// How a lesson is shown in an exported video. A lesson plays in real time, but a video a
// class watches must stay short: a resting step (ten minutes of heat, a held stretch) is
// shown in a few seconds, and when the whole lesson would run past the longest video, the
// later passes of each long step are shown faster after its first pass plays at real
// speed. The caption then says how long the step really takes.
#include <string>
#include <vector>

#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::technique {

inline constexpr float kLongestLessonVideo = 180.0f;  // seconds
inline constexpr float kRestingStepShown = 4.0f;      // seconds a resting step is shown in

struct ShownStep {
  int step = 0;
  float realFrom = 0, realTo = 0;    // lesson time
  float shownFrom = 0, shownTo = 0;  // video time
  float realSpeedUntil = 0;          // video time up to which it plays at real speed
  bool faster() const { return realTo - realFrom > shownTo - shownFrom + 0.05f; }
};

struct ShownTimeline {
  std::vector<ShownStep> steps;
  float duration() const { return steps.empty() ? 0.0f : steps.back().shownTo; }
  // The lesson time shown at `videoTime`.
  float realTimeAt(float videoTime) const;
};

// The steps whose lesson time lies in [from, to), each with the span it is shown in; the
// whole lesson fits in `longest` seconds of video when it can.
ShownTimeline showLesson(const Lesson& lesson, const std::vector<Stroke>& strokes, float from, float to,
                         float longest = kLongestLessonVideo);

// "Step 7: Heat application" and the caption, with "(shown faster: 10 min in the lesson)"
// when it is, and the time it takes in a real session when the lesson gives it.
std::string shownCaption(const Lesson& lesson, const ShownStep& shown);

}  // namespace legatlas::technique
