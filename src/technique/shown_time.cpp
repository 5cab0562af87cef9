#include "technique/shown_time.h"

#include <algorithm>
#include <cmath>

namespace legatlas::technique {
namespace {

constexpr float kShareAtRealSpeed = 0.6f;  // of a shortened step's time, for its first pass

bool resting(const Lesson& lesson, int step) { return lesson.steps[step].technique->motion == Motion::Rest; }

std::string durationWords(float seconds) {
  if (seconds < 90.0f) return std::to_string(static_cast<int>(std::lround(seconds))) + " s";
  return std::to_string(static_cast<int>(std::lround(seconds / 60.0f))) + " min";
}

// The longest a moving step may be shown so that the whole video fits in `longest`.
float movingCap(const std::vector<float>& moving, float fixed, float longest) {
  float total = fixed;
  for (float d : moving) total += d;
  if (total <= longest) return 1e9f;
  float low = 0.0f, high = *std::max_element(moving.begin(), moving.end());
  for (int i = 0; i < 40; ++i) {
    const float cap = 0.5f * (low + high);
    float sum = fixed;
    for (float d : moving) sum += std::min(d, cap);
    (sum > longest ? high : low) = cap;
  }
  return low;
}

}  // namespace

float ShownTimeline::realTimeAt(float videoTime) const {
  for (const ShownStep& s : steps) {
    if (videoTime >= s.shownTo && &s != &steps.back()) continue;
    const float t = std::clamp(videoTime, s.shownFrom, s.shownTo);
    if (t <= s.realSpeedUntil) return s.realFrom + (t - s.shownFrom);
    const float played = s.realSpeedUntil - s.shownFrom;
    const float rest = std::max(s.shownTo - s.realSpeedUntil, 1e-6f);
    return s.realFrom + played + (t - s.realSpeedUntil) / rest * (s.realTo - s.realFrom - played);
  }
  return 0.0f;
}

ShownTimeline showLesson(const Lesson& lesson, const std::vector<Stroke>& strokes, float from, float to, float longest) {
  const int count = static_cast<int>(lesson.steps.size());
  std::vector<float> starts(count + 1, to);
  for (int step = count - 1; step >= 0; --step) {
    starts[step] = starts[step + 1];
    for (const Stroke& s : strokes)
      if (s.step == step) starts[step] = std::min(starts[step], s.start());
  }
  ShownTimeline timeline;
  std::vector<float> moving;
  float fixed = 0;
  for (int step = 0; step < count; ++step) {
    const float realFrom = std::max(starts[step], from), realTo = std::min(starts[step + 1], to);
    if (realTo <= realFrom) continue;
    timeline.steps.push_back({step, realFrom, realTo, 0, 0, 0});
    if (resting(lesson, step)) fixed += std::min(realTo - realFrom, kRestingStepShown);
    else moving.push_back(realTo - realFrom);
  }
  const float cap = moving.empty() ? 0.0f : movingCap(moving, fixed, longest);
  float clock = 0;
  for (ShownStep& s : timeline.steps) {
    const float real = s.realTo - s.realFrom;
    const float shown = resting(lesson, s.step) ? std::min(real, kRestingStepShown) : std::min(real, cap);
    float firstPass = real;
    for (const Stroke& stroke : strokes)
      if (stroke.step == s.step && stroke.start() >= s.realFrom) firstPass = std::min(firstPass, stroke.end() - s.realFrom);
    s.shownFrom = clock;
    s.shownTo = clock + shown;
    s.realSpeedUntil = clock + (shown >= real ? shown : std::min(firstPass, kShareAtRealSpeed * shown));
    if (resting(lesson, s.step)) s.realSpeedUntil = std::min(s.realSpeedUntil, clock + 1.0f);
    clock = s.shownTo;
  }
  return timeline;
}

std::string shownCaption(const Lesson& lesson, const ShownStep& shown) {
  const LessonStep& step = lesson.steps[shown.step];
  std::string text = "Step " + std::to_string(shown.step + 1) + ": " + std::string(step.technique->name);
  if (shown.faster()) text += " (shown faster: " + durationWords(shown.realTo - shown.realFrom) + " in the lesson)";
  if (step.sessionMinutes)
    text += " - about " + std::to_string(static_cast<int>(std::lround(std::max(1.0f, *step.sessionMinutes)))) + " min in a session";
  return text + "\n" + step.caption;
}

}  // namespace legatlas::technique
