#pragma once
// The practice window: pick a technique and a target, draw the stroke on the leg, read
// the score and the feedback, replay the correct stroke.
#include <optional>
#include <string>
#include <vector>

#include "technique/practice_scorer.h"

namespace legatlas::ui {

struct PracticeTarget {
  std::string id, name;
  bool muscle = false;  // else a region
};

struct PracticePanelState {
  int technique = 0;  // index into technique::catalogue()
  int target = 0;     // index into the targets shown
  std::string notice;  // e.g. a scores file that had to be set aside
};

struct PracticeShown {
  std::vector<PracticeTarget> targets;
  bool armed = false, drawing = false;
  const technique::PracticeScore* result = nullptr;
  int practised = 0, best = -1;  // from the saved scores
  bool lessonStepAvailable = false;
};

struct PracticeRequest {
  bool draw = false;          // arm drawing with the chosen technique and target
  bool fromLessonStep = false;  // take technique and target from the playing step
  bool replay = false;
  bool cancel = false;
  bool quiz = false;  // open the quiz
};

PracticeRequest drawPracticePanel(PracticePanelState& state, const PracticeShown& shown);

}  // namespace legatlas::ui
