#include "ui/quiz_mode.h"

#include "teaching/quiz_view.h"

namespace legatlas::ui {
namespace {

constexpr int kQuizQuestions = 6;

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
  if (state_.index >= static_cast<int>(quiz_.size())) return {};
  return teaching::questionOverlays(quiz_[state_.index]);
}

void QuizMode::showQuestion(Stage& stage) const {
  if (state_.index >= static_cast<int>(quiz_.size()) || !stage.leg) return;
  const std::optional<teaching::QuestionView> view = teaching::questionView(*stage.leg, quiz_[state_.index]);
  if (!view) return;
  stage.camera->setPreset(view->preset);
  stage.camera->frame(view->framed, stage.aspect());
}

}  // namespace legatlas::ui
