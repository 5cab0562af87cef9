#include "teaching/quiz_view.h"

#include <glm/geometric.hpp>

namespace legatlas::teaching {
namespace {

constexpr float kQuizMargin = 0.12f;  // metres of leg around the muscle asked about

}  // namespace

std::optional<QuestionView> questionView(const Leg& leg, const technique::QuizQuestion& question) {
  if (question.tissue < 0) return std::nullopt;
  QuestionView view;
  for (const scene::SceneMesh& m : leg.scene().meshes)
    if (m.tissueIndex == question.tissue && m.detail == 0) view.framed.add(m.mesh.bounds());
  if (view.framed.empty()) return std::nullopt;
  const glm::vec3 outward = view.framed.center() - leg.model().limbCentre(view.framed.center().y);
  float bestScore = -2;
  for (auto preset : {scene::ViewPreset::Anterior, scene::ViewPreset::Posterior, scene::ViewPreset::Lateral,
                      scene::ViewPreset::Medial}) {
    // A view looks along -outward at the skin over the muscle.
    const float score = glm::dot(-scene::viewDirection(preset), outward);
    if (score > bestScore) {
      bestScore = score;
      view.preset = preset;
    }
  }
  view.framed.add(view.framed.min - glm::vec3(kQuizMargin));
  view.framed.add(view.framed.max + glm::vec3(kQuizMargin));
  return view;
}

scene::Overlays questionOverlays(const technique::QuizQuestion& question) {
  scene::Overlays overlays;
  overlays.workedTissue = question.tissue;
  return overlays;
}

}  // namespace legatlas::teaching
