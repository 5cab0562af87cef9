#pragma once
// A whole lesson's strokes played on a swelling, step by step, as `legatlas simulate`
// prints it: forward as written, every stroke reversed, or the steps reordered from the
// groin down or from the foot up.
#include <string>
#include <vector>

#include "teaching/edema_session.h"
#include "teaching/leg.h"
#include "technique/lesson.h"

namespace legatlas::teaching {

enum class StepOrder { AsWritten, ProximalFirst, DistalFirst };

struct SimulationOptions {
  bool reverse = false;  // every stroke played backwards
  StepOrder order = StepOrder::AsWritten;
};

struct SimulatedStep {
  int step = 0;  // index into the lesson as written
  std::string technique, target;
  double sessionMinutes = 0;  // at the step's end, from the start
  double tissueMl = 0;        // excess left in the tissue
  double takenUpMl = 0;       // by the initial lymphatics, from the start
  double tapeExcessMl = 0;    // the tape's volume over the unswollen limb's
  std::vector<simulation::TapeMark> tape;
};

struct SimulationReport {
  std::string lesson, condition;
  SimulationOptions options;
  double startMl = 0, startTapeExcessMl = 0;
  std::vector<simulation::TapeMark> startTape;
  std::vector<SimulatedStep> steps;
  std::vector<FluidMoment> history;
  double unaccountedMl = 0;  // what conservation missed: should be rounding only

  double endMl() const { return steps.empty() ? startMl : steps.back().tissueMl; }
  double removedShare() const { return startMl > 0 ? 1.0 - endMl() / startMl : 0.0; }
};

// Plans the lesson on the leg (its steps reordered, its strokes reversed, as asked) and
// plays it on the condition. Throws InputError as planning the lesson does.
SimulationReport simulateLesson(const Leg& leg, const technique::Lesson& lesson,
                                const simulation::Condition& condition, const SimulationOptions& options = {});

// The lesson's strokes played backwards: each working path from its end to its start, on
// the same clock.
std::vector<technique::Stroke> reversedStrokes(std::vector<technique::Stroke> strokes);

}  // namespace legatlas::teaching
