#pragma once
// The quiz window: one question at a time, the choices as buttons, then whether the
// answer was right and why.
#include <vector>

#include "technique/quiz.h"

namespace legatlas::ui {

struct QuizState {
  bool open = false;
  int index = 0;    // the question shown
  int chosen = -1;  // the choice made, -1 before answering
  int right = 0, answered = 0;
};

struct QuizRequest {
  bool start = false;  // a new quiz
  bool next = false;
};

QuizRequest drawQuizPanel(QuizState& state, const std::vector<technique::QuizQuestion>& quiz);

}  // namespace legatlas::ui
