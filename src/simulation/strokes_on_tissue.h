#pragma once
// Planned strokes played on the edema model as a clock runs. The animation shows a few
// passes for each step; the step stands for its minutes of a real session. So the model
// runs on session time: each shown second of a step counts as that step's session
// seconds over its shown seconds (docs/simulation.md).
#include <optional>
#include <vector>

#include "simulation/edema_model.h"
#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::simulation {

// Session seconds per shown second for each step of a lesson (indexed by step): its
// `session_minutes` over the time its strokes are shown; a step without minutes gets a
// share of the lesson's remaining minutes in proportion to its shown time, and runs at
// one to one when the lesson gives none either.
std::vector<double> sessionScale(const technique::Lesson& lesson, const std::vector<technique::Stroke>& strokes);

class StrokesOnTissue {
 public:
  // `scale` as sessionScale gives (a step beyond it runs at `otherScale`).
  StrokesOnTissue(std::vector<technique::Stroke> strokes, std::vector<double> scale, double otherScale = 1.0);

  // The hand on the skin at shown time t: during a stroke's working phase, else nothing.
  // Its `metres` is left 0.
  std::optional<HandContact> handAt(float t) const;
  // Advances the model over shown time [from, to] in steps of at most `step` shown seconds.
  void play(EdemaModel& model, float from, float to, float step = 0.1f) const;
  // Session seconds the shown interval [from, to] stands for.
  double sessionSeconds(float from, float to) const;
  float end() const { return end_; }
  const std::vector<technique::Stroke>& strokes() const { return strokes_; }

 private:
  const technique::Stroke* strokeAt(float t) const;
  double scaleAt(float t) const;

  std::vector<technique::Stroke> strokes_;  // by start
  std::vector<double> scale_;
  double otherScale_;
  float end_ = 0;
};

}  // namespace legatlas::simulation
