#pragma once
// A lesson planned on the loaded leg, ready to play: what the hands, the skin, the trail
// and the highlight look like at any moment of it.
#include <optional>
#include <string>
#include <vector>

#include "scene/camera.h"
#include "scene/overlays.h"
#include "technique/animator.h"
#include "technique/hand_track.h"
#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::teaching {

struct LessonPlayback {
  technique::Lesson lesson;
  std::vector<technique::Stroke> strokes;
  // The therapist's hands laid on this leg's skin as the strokes play, and their mesh for
  // the renderer; null: the hands are shown as simple solids.
  std::shared_ptr<const technique::HandTrack> hands;
  std::shared_ptr<const scene::HandSkin> handSkin;

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

// Adds the posed hands (or stone, or pad) and the dents they make to `overlays`: the
// placed hands of the rig when the pose has them (their simple solids left out), else the
// solids.
void addPose(const technique::Pose& pose, scene::Overlays& overlays);
// Adds the pose's placed hands, skinned from `skin`, drawn at `opacity`.
void addPlacedHands(const technique::Pose& pose, const technique::HandPlacer& placer,
                    std::shared_ptr<const scene::HandSkin> skin, float opacity, scene::Overlays& overlays);

// How opaque the hands are drawn, translucent or not.
inline float handOpacity(bool translucent) { return translucent ? 0.35f : 1.0f; }

// The overlays of `time` seconds into the lesson; the hands drawn at `handOpacity` (below
// 1 they let the worked muscle show through).
scene::Overlays overlaysAt(const LessonPlayback& playback, float time, float handOpacity = 1.0f);

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
