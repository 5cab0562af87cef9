#include "simulation/strokes_on_tissue.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

namespace legatlas::simulation {
namespace {

struct StepSpan {
  float start = 0, end = 0;
  bool shown = false;
};

std::vector<StepSpan> stepSpans(const std::vector<technique::Stroke>& strokes, size_t steps) {
  std::vector<StepSpan> spans(steps);
  for (const technique::Stroke& s : strokes) {
    if (s.step < 0 || size_t(s.step) >= steps) continue;
    StepSpan& span = spans[size_t(s.step)];
    span.start = span.shown ? std::min(span.start, s.start()) : s.start();
    span.end = span.shown ? std::max(span.end, s.end()) : s.end();
    span.shown = true;
  }
  return spans;
}

// Where the contact is at time t along a stroke's working samples (t within them).
technique::StrokeSample sampleAt(const std::vector<technique::StrokeSample>& working, float t) {
  const auto after = std::lower_bound(working.begin(), working.end(), t,
                                      [](const technique::StrokeSample& s, float time) { return s.time < time; });
  if (after == working.begin()) return working.front();
  if (after == working.end()) return working.back();
  const technique::StrokeSample& a = *(after - 1);
  const technique::StrokeSample& b = *after;
  const float s = b.time > a.time ? (t - a.time) / (b.time - a.time) : 1.0f;
  technique::StrokeSample out = a;
  out.position = a.position + (b.position - a.position) * s;
  out.normal = a.normal + (b.normal - a.normal) * s;
  out.time = t;
  return out;
}

}  // namespace

std::vector<double> sessionScale(const technique::Lesson& lesson, const std::vector<technique::Stroke>& strokes) {
  const std::vector<StepSpan> spans = stepSpans(strokes, lesson.steps.size());
  std::vector<double> scale(lesson.steps.size(), 0.0);
  double givenMinutes = 0, unpricedShown = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    const double shown = spans[i].end - spans[i].start;
    if (!spans[i].shown || shown <= 0) continue;
    if (lesson.steps[i].sessionMinutes) {
      scale[i] = *lesson.steps[i].sessionMinutes * 60.0 / shown;
      givenMinutes += *lesson.steps[i].sessionMinutes;
    } else {
      unpricedShown += shown;
    }
  }
  const double leftSeconds = lesson.sessionMinutes ? std::max(0.0, (*lesson.sessionMinutes - givenMinutes) * 60.0) : 0.0;
  for (size_t i = 0; i < spans.size(); ++i)
    if (scale[i] == 0.0) scale[i] = leftSeconds > 0 && unpricedShown > 0 ? leftSeconds / unpricedShown : 1.0;
  return scale;
}

StrokesOnTissue::StrokesOnTissue(std::vector<technique::Stroke> strokes, std::vector<double> scale, double otherScale)
    : strokes_(std::move(strokes)), scale_(std::move(scale)), otherScale_(otherScale) {
  std::stable_sort(strokes_.begin(), strokes_.end(),
                   [](const technique::Stroke& a, const technique::Stroke& b) { return a.start() < b.start(); });
  for (const technique::Stroke& s : strokes_) end_ = std::max(end_, s.end());
}

const technique::Stroke* StrokesOnTissue::strokeAt(float t) const {
  auto after = std::upper_bound(strokes_.begin(), strokes_.end(), t,
                                [](float time, const technique::Stroke& s) { return time < s.start(); });
  // Strokes of two hands may overlap: the latest begun whose working phase holds t.
  while (after != strokes_.begin()) {
    --after;
    if (!after->working.empty() && t <= after->working.back().time) return &*after;
    if (after->start() + 60.0f < t) break;  // no pass lasts a minute
  }
  return nullptr;
}

double StrokesOnTissue::scaleAt(float t) const {
  const technique::Stroke* s = strokeAt(t);
  int step = s ? s->step : -1;
  if (!s) {
    // Between passes and on returns: the step whose strokes are round t.
    for (const technique::Stroke& stroke : strokes_)
      if (stroke.start() <= t && t <= stroke.end() + 0.5f) step = stroke.step;
  }
  return step >= 0 && size_t(step) < scale_.size() ? scale_[size_t(step)] : otherScale_;
}

std::optional<HandContact> StrokesOnTissue::handAt(float t) const {
  const technique::Stroke* s = strokeAt(t);
  if (!s || !s->technique) return std::nullopt;
  HandContact hand;
  hand.position = sampleAt(s->working, t).position;
  hand.radius = s->technique->contactRadius;
  hand.pressure = s->pressure;
  const float dt = 0.05f;
  const glm::vec3 ahead = sampleAt(s->working, std::min(t + dt, s->working.back().time)).position;
  const glm::vec3 behind = sampleAt(s->working, std::max(t - dt, s->working.front().time)).position;
  if (glm::distance(ahead, behind) > 1e-6f) hand.direction = glm::normalize(ahead - behind);
  return hand;
}

double StrokesOnTissue::sessionSeconds(float from, float to) const {
  double seconds = 0;
  for (float a = from; a < to;) {
    const float b = std::min(to, a + 0.1f);
    seconds += scaleAt(0.5f * (a + b)) * double(b - a);
    a = b;
  }
  return seconds;
}

void StrokesOnTissue::play(EdemaModel& model, float from, float to, float step) const {
  for (float a = from; a < to;) {
    const float b = std::min(to, a + std::max(step, 1e-3f));
    const double seconds = scaleAt(0.5f * (a + b)) * double(b - a);
    std::optional<HandContact> hand = handAt(b);
    if (hand) {
      const technique::Stroke* now = strokeAt(b);
      if (now && now == strokeAt(a)) {
        const std::optional<HandContact> before = handAt(a);
        if (before) hand->metres = glm::distance(before->position, hand->position);
      }
    }
    model.advance(seconds, hand ? &*hand : nullptr);
    a = b;
  }
}

}  // namespace legatlas::simulation
