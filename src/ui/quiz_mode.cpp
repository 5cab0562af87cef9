#include "ui/quiz_mode.h"

#include <glm/geometric.hpp>

namespace legatlas::ui {
namespace {

constexpr int kQuizQuestions = 6;
constexpr float kQuizMargin = 0.12f;  // metres of leg around the muscle asked about

}  // namespace

void QuizMode::start(Stage& stage) {
  if (!stage.leg) return;
  quiz_ = technique::makeQuiz(stage.leg->model(), seed_++, kQuizQuestions);
  state_ = {true, 0, -1, 0, 0};
  showQuestion(stage);
}

bool QuizMode::drawPanel(Stage& stage) {
  const QuizRequest request = drawQuizPanel(state_, quiz_);
  if (request.next) {
    ++state_.index;
    state_.chosen = -1;
    showQuestion(stage);
  }
  return request.start;
}

scene::Overlays QuizMode::overlays() const {
  scene::Overlays overlays;
  if (state_.index < static_cast<int>(quiz_.size())) overlays.workedTissue = quiz_[state_.index].tissue;
  return overlays;
}

void QuizMode::showQuestion(Stage& stage) const {
  if (state_.index >= static_cast<int>(quiz_.size()) || !stage.leg) return;
  const technique::QuizQuestion& q = quiz_[state_.index];
  if (q.tissue < 0) return;
  geometry::Bounds box;
  for (const scene::SceneMesh& m : stage.leg->scene().meshes)
    if (m.tissueIndex == q.tissue && m.detail == 0) box.add(m.mesh.bounds());
  const glm::vec3 outward = box.center() - stage.leg->model().limbCentre(box.center().y);
  scene::ViewPreset best = scene::ViewPreset::Anterior;
  float bestScore = -2;
  for (auto preset : {scene::ViewPreset::Anterior, scene::ViewPreset::Posterior, scene::ViewPreset::Lateral,
                      scene::ViewPreset::Medial}) {
    const float score = glm::dot(-scene::viewDirection(preset), outward);
    if (score > bestScore) {
      bestScore = score;
      best = preset;
    }
  }
  stage.camera->setPreset(best);
  box.add(box.min - glm::vec3(kQuizMargin));
  box.add(box.max + glm::vec3(kQuizMargin));
  stage.camera->frame(box, stage.aspect());
}

}  // namespace legatlas::ui
