#include "technique/stroke_planner.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtx/rotate_vector.hpp>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "technique/client_position.h"
#include "technique/endangerment.h"
#include "technique/mld_circle.h"
#include "technique/skin_lanes.h"
#include "technique/step_planner.h"
#include "technique/stroke_trimming.h"

namespace legatlas::technique {

namespace planning {

glm::vec3 shinAxis(const LegModel& leg) {
  const auto knee = leg.namedPoint("knee_joint_centre"), ankle = leg.namedPoint("ankle_joint_centre");
  return knee && ankle && glm::length(*knee - *ankle) > 1e-3f ? glm::normalize(*knee - *ankle) : glm::vec3(0, 1, 0);
}

glm::vec3 aroundLimb(float degrees) {
  const float a = glm::radians(degrees);
  return {std::sin(a), 0.0f, std::cos(a)};
}

std::vector<Stroke> StepPlanner::plan() {
  resolveTarget();
  const bool placesSpots = technique_.motion == Motion::Circles || technique_.motion == Motion::ShortPushes ||
                           technique_.motion == Motion::SpiralScoops;
  if (step_.sequence && (!placesSpots || !region_ || !step_.path.at.empty()))
    fail("sequence", "a sequence places the circles, pumps or scoops of lymph drainage over a region",
         "target a region with one of them, or remove the sequence");
  switch (technique_.motion) {
    case Motion::LongGlide:
    case Motion::Grips: planGlides(); break;
    case Motion::Circles: planCircles(); break;
    case Motion::ShortPushes: planPushes(0.0f); break;
    case Motion::SpiralScoops: planPushes(kScoopTurnDegrees); break;
    case Motion::Rest: planRest(); break;
  }
  if (strokes_.empty())
    fail("target", "no stroke fits on the skin over this target", "choose a larger region or another tissue");
  return std::move(strokes_);
}

Stroke StepPlanner::newStroke(int tissue) const {
  Stroke s;
  s.step = index_;
  s.pass = static_cast<int>(strokes_.size());
  s.technique = &technique_;
  s.pressure = step_.pressure;
  s.tissue = tissue;
  if (region_) s.region = region_->id;
  return s;
}

void StepPlanner::addWorking(Stroke& s, const Path& path, float seconds) {
  const float length = std::max(lengthOf(path), 1e-6f);
  float along = 0;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) along += glm::length(path[i].position - path[i - 1].position);
    s.working.push_back({path[i].position, path[i].normal, clock_ + seconds * along / length, -1});
  }
  clock_ += seconds;
}

void StepPlanner::addReturn(Stroke& s, const Path& path, float seconds, bool lifted) {
  const float length = std::max(lengthOf(path), 1e-6f);
  float along = 0;
  for (size_t k = 0; k < path.size(); ++k) {
    const size_t i = path.size() - 1 - k;
    if (k > 0) along += glm::length(path[i].position - path[i + 1].position);
    const glm::vec3 lift = lifted ? path[i].normal * (kLiftOff * std::sin(glm::pi<float>() * along / length)) : glm::vec3(0.0f);
    s.back.push_back({path[i].position + lift, path[i].normal, clock_ + seconds * along / length, -1});
  }
  clock_ += seconds + kPauseBetweenStrokes;
}

void StepPlanner::planGlides() {
  for (auto& [path, tissue] : lanes()) {
    // Over a region each pass has a lane of its own, spread across it.
    const bool lanePerPass = region_ && (pathKind() == PathSpec::Kind::FollowLymphFlow || pathKind() == PathSpec::Kind::AlongTarget);
    const int passes = lanePerPass ? 1 : step_.passes;
    for (int pass = 0; pass < passes; ++pass) {
      Stroke s = newStroke(tissue);
      const float length = lengthOf(path);
      const float speed = technique_.motion == Motion::Grips ? kGripAdvance : technique_.speed;
      addWorking(s, path, step_.durationSeconds.value_or(length / speed));
      addReturn(s, path, length / (liftsOff() ? 0.25f : 0.2f), liftsOff());
      strokes_.push_back(std::move(s));
    }
  }
}

void StepPlanner::planCircles() {
  for (const auto& [spot, tissue] : spots()) {
    const CircleArcs circle = circleArcs(leg_, spot, kCircleRadius, kSampleSpacing);
    if (circle.pressure.empty()) fail("target", "no lymph flow is known at this spot", "choose a spot on the leg's skin");
    const float cycle = step_.durationSeconds.value_or(1.0f / technique_.cyclesPerSecond);
    for (int pass = 0; pass < step_.passes; ++pass) {
      Stroke s = newStroke(tissue);
      addWorking(s, circle.pressure, cycle * 0.5f);
      Path back(circle.release.rbegin(), circle.release.rend());  // addReturn walks it backwards again
      addReturn(s, back, cycle * 0.5f, false);
      strokes_.push_back(std::move(s));
    }
  }
}

void StepPlanner::planPushes(float turnDegrees) {
  for (const auto& [spot, tissue] : pushSpots()) {
    float turn = turnDegrees;
    if (turn != 0.0f) {
      const glm::vec3 flow = leg_.lymphFlow().at(spot.position, spot.normal);
      if (glm::rotate(flow, glm::radians(-turn), spot.normal).x < glm::rotate(flow, glm::radians(turn), spot.normal).x) turn = -turn;
    }
    Path path = followLymphFlow(leg_, spot, kPushLength, turn);
    if (region_) path = longestRun(path, [&](const SkinPoint& p) { return leg_.inRegion(*region_, p.position); });
    if (path.size() < 2) continue;
    for (int pass = 0; pass < step_.passes; ++pass) {
      Stroke s = newStroke(tissue);
      addWorking(s, path, step_.durationSeconds.value_or(0.5f / technique_.cyclesPerSecond));
      addReturn(s, path, 0.5f / technique_.cyclesPerSecond, true);
      strokes_.push_back(std::move(s));
    }
  }
}

void StepPlanner::planRest() {
  const auto where = spots();
  if (where.empty()) return;
  glm::vec3 centre(0.0f);
  for (const auto& [spot, tissue] : where) centre += spot.position;
  SkinPoint spot = leg_.skinNear(centre / float(where.size()));
  // A stretch pushes the foot up toward the shin: the palm is on the sole, the side of the
  // foot facing away from the push.
  if (technique_.contact == Contact::HeelAndSole) {
    // From inside the foot (the landmark, e.g. the head of the first metatarsal) out
    // through the sole.
    const std::optional<glm::vec3> inside = step_.path.at.empty() ? std::nullopt : leg_.namedPoint(step_.path.at);
    spot = leg_.skinToward(inside.value_or(spot.position - spot.normal * 0.02f), -shinAxis(leg_));
  }
  const float seconds = step_.durationSeconds.value_or(technique_.holdSeconds);
  for (int pass = 0; pass < step_.passes; ++pass) {
    Stroke s = newStroke(where.front().second);
    const int samples = std::max(2, static_cast<int>(seconds / kRestSampleSeconds) + 1);
    for (int i = 0; i < samples; ++i)
      s.working.push_back({spot.position, spot.normal, clock_ + seconds * float(i) / float(samples - 1), -1});
    clock_ += seconds + kPauseBetweenStrokes;
    strokes_.push_back(std::move(s));
  }
}

}  // namespace planning

float Stroke::workingLength() const {
  float length = 0;
  for (size_t i = 1; i < working.size(); ++i) length += glm::length(working[i].position - working[i - 1].position);
  return length;
}

namespace {

// For a region or node target, the tissue worked on is the one most often under the hand.
void noteTissuesBeneath(const LegModel& leg, Stroke& stroke) {
  std::map<int, int> counts;
  for (StrokeSample& s : stroke.working) {
    s.beneath = leg.tissueBeneath({s.position, s.normal});
    if (s.beneath >= 0) counts[s.beneath]++;
  }
  if (stroke.tissue >= 0 || counts.empty()) return;
  stroke.tissue = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

}  // namespace

std::vector<Stroke> planStep(const LessonStep& step, const LegModel& leg, const std::string& source) {
  float clock = 0;
  std::vector<Stroke> strokes = planning::StepPlanner(source, step, 0, leg, clock).plan();
  for (Stroke& s : strokes) noteTissuesBeneath(leg, s);
  const ClientPosition position = stepPosition(leg, step, strokes);
  for (Stroke& s : strokes) s.position = position;
  return strokes;
}

std::vector<Stroke> planLesson(const Lesson& lesson, const LegModel& leg) {
  std::vector<Stroke> strokes;
  float clock = 0;
  for (int i = 0; i < static_cast<int>(lesson.steps.size()); ++i) {
    std::vector<Stroke> step = planning::StepPlanner(lesson.file, lesson.steps[i], i, leg, clock).plan();
    for (Stroke& s : step) noteTissuesBeneath(leg, s);
    const ClientPosition position = stepPosition(leg, lesson.steps[i], step);
    for (Stroke& s : step) {
      s.position = position;
      strokes.push_back(std::move(s));
    }
  }
  return strokes;
}

}  // namespace legatlas::technique
