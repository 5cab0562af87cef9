#pragma once
// Quiz mode: questions on the leg's muscles, one at a time, each shown by turning the
// camera to the muscle it asks about and highlighting it, and nothing else.
#include <vector>

#include "scene/overlays.h"
#include "technique/quiz.h"
#include "ui/quiz_panel.h"
#include "ui/stage.h"

namespace legatlas::ui {

class QuizMode {
 public:
  bool open() const { return state_.open; }
  // A new quiz on the stage's leg (nothing without one).
  void start(Stage& stage);
  // Draws the quiz window; returns whether the user asked for a new quiz.
  bool drawPanel(Stage& stage);
  // Only the muscle asked about, highlighted.
  scene::Overlays overlays() const;

 private:
  // Turns the camera to the highlighted muscle, from the side where it lies.
  void showQuestion(Stage& stage) const;

  std::vector<technique::QuizQuestion> quiz_;
  QuizState state_;
  unsigned seed_ = 1;
};

}  // namespace legatlas::ui
