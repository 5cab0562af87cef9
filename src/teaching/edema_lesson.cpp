#include "teaching/edema_lesson.h"

#include <algorithm>
#include <numeric>

#include "technique/stroke_planner.h"

namespace legatlas::teaching {
namespace {

std::string targetText(const technique::LessonStep& step) {
  std::string text;
  for (const std::string& id : step.target.ids) text += (text.empty() ? "" : "+") + id;
  if (step.path.kind == technique::PathSpec::Kind::At) text += " at " + step.path.at;
  return text;
}

// The mean height of each step's working contact, to order the steps by.
std::vector<float> stepHeights(const std::vector<technique::Stroke>& strokes, size_t steps) {
  std::vector<float> sum(steps, 0.0f), count(steps, 0.0f);
  for (const technique::Stroke& s : strokes)
    for (const technique::StrokeSample& sample : s.working) {
      sum[size_t(s.step)] += sample.position.y;
      count[size_t(s.step)] += 1.0f;
    }
  for (size_t i = 0; i < steps; ++i) sum[i] = count[i] > 0 ? sum[i] / count[i] : 0.0f;
  return sum;
}

// The lesson's steps in the order asked, and where each came from.
std::vector<int> stepOrder(const technique::Lesson& lesson, const technique::LegModel& leg, StepOrder order) {
  std::vector<int> indices(lesson.steps.size());
  std::iota(indices.begin(), indices.end(), 0);
  if (order == StepOrder::AsWritten) return indices;
  const std::vector<float> height = stepHeights(technique::planLesson(lesson, leg), lesson.steps.size());
  std::stable_sort(indices.begin(), indices.end(), [&](int a, int b) {
    return order == StepOrder::ProximalFirst ? height[size_t(a)] > height[size_t(b)] : height[size_t(a)] < height[size_t(b)];
  });
  return indices;
}

}  // namespace

std::vector<technique::Stroke> reversedStrokes(std::vector<technique::Stroke> strokes) {
  for (technique::Stroke& s : strokes) {
    const size_t n = s.working.size();
    for (size_t i = 0; i < n / 2; ++i) {
      std::swap(s.working[i].position, s.working[n - 1 - i].position);
      std::swap(s.working[i].normal, s.working[n - 1 - i].normal);
      std::swap(s.working[i].beneath, s.working[n - 1 - i].beneath);
    }
  }
  return strokes;
}

SimulationReport simulateLesson(const Leg& leg, const technique::Lesson& lesson,
                                const simulation::Condition& condition, const SimulationOptions& options) {
  const std::vector<int> order = stepOrder(lesson, leg.model(), options.order);
  technique::Lesson played = lesson;
  played.steps.clear();
  for (int i : order) played.steps.push_back(lesson.steps[size_t(i)]);
  std::vector<technique::Stroke> strokes = technique::planLesson(played, leg.model());
  if (options.reverse) strokes = reversedStrokes(std::move(strokes));
  const std::vector<double> scale = simulation::sessionScale(played, strokes);
  const simulation::StrokesOnTissue onTissue(strokes, scale);

  EdemaSession session(leg.model(), condition);
  SimulationReport report;
  report.lesson = lesson.id;
  report.condition = condition.id;
  report.options = options;
  report.startMl = session.startMl();
  report.startTape = session.tape();
  report.startTapeExcessMl = session.tapeExcessMl(report.startTape);
  float clock = 0;
  for (size_t k = 0; k < played.steps.size(); ++k) {
    float end = clock;
    for (const technique::Stroke& s : strokes)
      if (s.step == int(k)) end = std::max(end, s.end());
    session.play(onTissue, clock, end);
    clock = end;
    SimulatedStep step;
    step.step = order[k];
    step.technique = played.steps[k].technique ? std::string(played.steps[k].technique->id) : "";
    step.target = targetText(played.steps[k]);
    step.sessionMinutes = session.model().seconds() / 60.0;
    step.tissueMl = session.model().fluid().held();
    step.takenUpMl = session.model().takenUp();
    step.tape = session.tape();
    step.tapeExcessMl = session.tapeExcessMl(step.tape);
    report.steps.push_back(std::move(step));
  }
  report.history = session.history();
  report.unaccountedMl = session.model().accounted() - session.accountedAtStart();
  return report;
}

}  // namespace legatlas::teaching
