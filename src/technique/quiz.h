#pragma once
// A short quiz: name the highlighted muscle; pick the right direction for a technique on
// a part of the leg. The right answers come from the model and the stroke planner.
#include <string>
#include <vector>

#include "technique/leg_model.h"

namespace legatlas::technique {

struct QuizQuestion {
  enum class Kind { NameTheMuscle, PickTheDirection } kind = Kind::NameTheMuscle;
  std::string prompt;
  std::vector<std::string> choices;
  int answer = 0;         // index of the right choice
  int tissue = -1;        // the muscle to highlight (NameTheMuscle)
  std::string why;        // said after answering
};

// `count` questions, alternating kinds, drawn with `seed` (the same seed, the same quiz).
std::vector<QuizQuestion> makeQuiz(const LegModel& leg, unsigned seed, int count);

}  // namespace legatlas::technique
