#pragma once
// How a quiz question is shown on the leg: the camera turned to the muscle it asks about,
// from the side where that muscle lies, and only that muscle highlighted.
#include <optional>

#include "geometry/mesh.h"
#include "scene/camera.h"
#include "scene/overlays.h"
#include "teaching/leg.h"
#include "technique/quiz.h"

namespace legatlas::teaching {

struct QuestionView {
  scene::ViewPreset preset = scene::ViewPreset::Anterior;  // the side the muscle faces
  geometry::Bounds framed;                                  // the muscle, with leg around it
};

// Nothing for a question about no muscle.
std::optional<QuestionView> questionView(const Leg& leg, const technique::QuizQuestion& question);
scene::Overlays questionOverlays(const technique::QuizQuestion& question);

}  // namespace legatlas::teaching
