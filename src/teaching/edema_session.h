#pragma once
// A swelling on the loaded leg that a lesson's strokes, or the student's own, act on:
// the edema model started from a condition, what has happened to it over time (for the
// plot), and the limb measured with a tape as a therapist would (docs/simulation.md).
#include <memory>
#include <string>
#include <vector>

#include "simulation/condition.h"
#include "simulation/edema_model.h"
#include "simulation/strokes_on_tissue.h"
#include "simulation/tape_measure.h"
#include "technique/leg_model.h"

namespace legatlas::teaching {

// The built-in conditions (assets/simulation/conditions.yaml).
std::vector<simulation::Condition> builtInConditions();
// A built-in condition by id, or the first condition of a file. Throws InputError
// naming the file, or listing the built-in ids.
simulation::Condition findCondition(const std::string& idOrFile);
inline constexpr const char* kDefaultCondition = "ankle_lower_leg";

// The leg's lymph territories with their nodes, in the flow field's order.
std::vector<simulation::NodeGroup> nodeGroups(const technique::LegModel& leg);

struct FluidMoment {
  double sessionMinutes = 0;
  double tissueMl = 0;  // excess fluid still in the tissue
};

class EdemaSession {
 public:
  EdemaSession(const technique::LegModel& leg, simulation::Condition condition);

  const simulation::Condition& condition() const { return condition_; }
  const simulation::EdemaModel& model() const { return *model_; }
  double startMl() const { return startMl_; }
  double accountedAtStart() const { return accountedAtStart_; }
  // The excess in the tissue over time, one moment per simulated half minute or so.
  const std::vector<FluidMoment>& history() const { return history_; }

  // Back to the condition's start.
  void reset();
  // Plays the strokes over shown time [from, to].
  void play(const simulation::StrokesOnTissue& strokes, float from, float to);
  // A hand the student moves, for `sessionSeconds`.
  void touch(const simulation::HandContact* hand, double sessionSeconds);

  // The tape round the swollen limb every 4 cm from the ankle, and the volume it gives
  // above the unswollen limb's (ml).
  std::vector<simulation::TapeMark> tape() const;
  // The volume `tape` (as tape() gave it) measures over the unswollen limb's, in ml.
  double tapeExcessMl(const std::vector<simulation::TapeMark>& tape) const;
  // Where the tape's marks start and end on this leg (model frame heights).
  float ankleHeight() const { return ankle_; }
  float tapeTop() const { return top_; }

 private:
  void record();

  const technique::LegModel& leg_;
  simulation::Condition condition_;
  std::unique_ptr<simulation::EdemaModel> model_;
  std::vector<double> start_;
  double startMl_ = 0, accountedAtStart_ = 0, unswollenTapeMl_ = 0;
  float ankle_ = 0, top_ = 0;
  std::vector<FluidMoment> history_;
};

}  // namespace legatlas::teaching
