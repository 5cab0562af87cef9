#pragma once
// A lesson planned on the loaded leg, ready to play: what the hands, the skin, the trail
// and the highlight look like at any moment of it.
#include <string>
#include <vector>

#include "render/camera.h"
#include "render/overlays.h"
#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::app {

struct LessonPlayback {
  technique::Lesson lesson;
  std::vector<technique::Stroke> strokes;

  float duration() const;
  // When step `step` (0-based) begins; the lesson's end for a step past the last.
  float stepStart(int step) const;
  // The step playing at `time`.
  int stepAt(float time) const;
  // The skin the strokes of a step cover.
  geometry::Bounds stepBounds(int step) const;
};

// Reads, plans and returns a lesson. Throws InputError naming the file and the place.
LessonPlayback planPlayback(const std::string& nameOrFile, const technique::LegModel& leg);

// The overlays of `time` seconds into the lesson.
render::Overlays overlaysAt(const LessonPlayback& playback, float time);

// The standard view that looks most squarely at a step's strokes, and a box around them
// to frame: a close view of where the hands work.
render::ViewPreset viewFacing(const LessonPlayback& playback, int step);

}  // namespace legatlas::app
