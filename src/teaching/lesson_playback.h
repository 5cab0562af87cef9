#pragma once
// A lesson planned on the loaded leg, ready to play: what the hands, the skin, the trail
// and the highlight look like at any moment of it.
#include <optional>
#include <string>
#include <vector>

#include "scene/camera.h"
#include "scene/overlays.h"
#include "technique/animator.h"
#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::teaching {

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

// Adds the posed hands (or stone, or pad) and the dents they make to `overlays`.
void addPose(const technique::Pose& pose, scene::Overlays& overlays);

// The overlays of `time` seconds into the lesson.
scene::Overlays overlaysAt(const LessonPlayback& playback, float time);

// The standard view that looks most squarely at a step's strokes.
scene::ViewPreset viewFacing(const LessonPlayback& playback, int step);
// Points the camera at a step: from `view` (default: the view facing it, or with the
// client on the table, `roomUp` given, from the side of the table the strokes face),
// framing its strokes with a margin of leg around them. Orbiting turns about `roomUp`.
void aimAtStep(scene::Camera& camera, const LessonPlayback& playback, int step, float aspect,
               std::optional<scene::ViewPreset> view = std::nullopt, std::optional<glm::vec3> roomUp = std::nullopt);

// The client's position during a step, or nothing for a step without strokes.
std::optional<technique::ClientPosition> stepPosition(const LessonPlayback& playback, int step);

}  // namespace legatlas::teaching
