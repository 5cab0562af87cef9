#include "technique/practice_scorer.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

constexpr float kFarthestFromLeg = 5.0f;  // metres: a sample beyond this is not in the model frame
constexpr int kScoreWhenEndangering = 20;
constexpr size_t kMostSamples = 20000;  // a metre-long stroke sampled every twentieth of a millimetre

// The task as a step the planner lays the correct stroke for.
LessonStep taskStep(const LegModel& leg, const PracticeTask& task) {
  LessonStep step;
  step.technique = task.technique;
  step.passes = 1;
  step.pressure = task.technique->pressure;
  step.caption = "practice";
  if (leg.scene().findTissue(task.target) >= 0) {
    step.target = {Target::Kind::Tissue, {task.target}};
  } else if (leg.findRegion(task.target)) {
    step.target = {Target::Kind::Region, {task.target}};
  } else {
    std::vector<std::string> names;
    for (const scene::Tissue& t : leg.scene().tissues) names.push_back(t.id);
    for (const anatomy::Region& r : leg.description().regions) names.push_back(r.id);
    const std::string near = nearestName(task.target, names);
    throw InputError("--target", task.target, "the leg has no tissue or region with this id",
                     near.empty() ? "see 'legatlas model-info' and assets/anatomy/regions.json" : "did you mean '" + near + "'?");
  }
  return step;
}

// The drawn samples as a stroke of the task, each with the tissue beneath it.
Stroke drawnStroke(const LegModel& leg, const Stroke& correct, const std::vector<StrokeSample>& samples) {
  Stroke drawn = correct;
  drawn.working = samples;
  drawn.back.clear();
  for (StrokeSample& s : drawn.working) s.beneath = leg.tissueBeneath({s.position, s.normal});
  return drawn;
}

const RuleResult* find(const std::vector<RuleResult>& rules, Rule rule) {
  for (const RuleResult& r : rules)
    if (r.rule == rule) return &r;
  return nullptr;
}

// 0 at `low`, 1 at `high` and above.
float ramp(float value, float low, float high) { return std::clamp((value - low) / (high - low), 0.0f, 1.0f); }

float directionShare(const std::vector<RuleResult>& rules) {
  if (const RuleResult* flow = find(rules, Rule::WithLymphFlow)) return ramp(flow->measured, 0.5f, kShareWithFlowRequired);
  if (const RuleResult* axis = find(rules, Rule::AlongTarget)) {
    float share = ramp(axis->measured, 0.5f, kShareAlongTargetRequired);
    if (const RuleResult* lymph = find(rules, Rule::NotAgainstLymph))
      share *= ramp(lymph->measured, 0.5f, kShareNotAgainstLymphRequired);
    return share;
  }
  float share = 1.0f;
  if (const RuleResult* fibres = find(rules, Rule::AlongFibres)) share *= ramp(fibres->measured, 0.5f, kShareAlongFibresRequired);
  if (const RuleResult* origin = find(rules, Rule::TowardOrigin)) share *= origin->passed ? 1.0f : 0.0f;
  if (const RuleResult* belly = find(rules, Rule::DistalToProximal)) share *= belly->passed ? 1.0f : 0.0f;
  return share;
}

// Where to start and finish on the part of the leg the stroke is on, in words.
std::string startAndFinish(const LegModel& leg, const Stroke& stroke) {
  glm::vec3 centre(0.0f);
  for (const StrokeSample& s : stroke.working) centre += s.position;
  centre /= float(std::max<size_t>(stroke.working.size(), 1));
  const auto ligament = leg.namedPoint("inguinal_ligament_mid");
  if (ligament && centre.y > ligament->y) return "start below the navel and move down toward the groin";
  switch (drainageZone(leg, centre)) {
    case 0:
    case 1: return "start nearer the knee and move toward the groin";
    case 2: return "start below the knee and move up toward the groin";
    case 3: return "start at the ankle and move toward the knee";
    default: return "start at the toes and move toward the ankle";
  }
}

std::vector<std::string> feedbackFor(const LegModel& leg, const PracticeScore& result, const Technique& technique) {
  std::vector<std::string> feedback;
  // Where the lymph is the reference, pushing it back is the first thing to say; for work
  // along the fibres or the belly it follows that reference's own feedback.
  const bool lymphFirst = technique.reference == Reference::LymphFlow || technique.reference == Reference::AlongTarget;
  const RuleResult* flow = find(result.rules, Rule::WithLymphFlow);
  if (!flow) flow = find(result.rules, Rule::NotAgainstLymph);
  if (!lymphFirst) flow = nullptr;
  if (flow && !flow->passed && flow->measured < 0.3f)
    feedback.push_back("this stroke pushes lymph away from " + std::string(flow->drainsTo == DrainsTo::PoplitealNodes
                                                                              ? "the popliteal nodes behind the knee"
                                                                              : "the inguinal nodes in the groin") +
                       " — " + startAndFinish(leg, result.drawn));
  for (const RuleResult& r : result.rules)
    if (!r.passed && !(flow == &r && !feedback.empty())) feedback.push_back(r.message);
  if (feedback.empty())
    feedback.push_back("Well done. The right way: " + std::string(technique.directionWords) + ". Why: " + std::string(technique.why));
  return feedback;
}

std::vector<glm::vec4> samplesOf(const JsonField& samples) {
  const size_t count = samples.arraySize();
  if (count > kMostSamples)
    samples.fail("too many samples (" + std::to_string(count) + ")",
                 "a stroke needs no more than " + std::to_string(kMostSamples) + ": one every few millimetres");
  if (count < 2) samples.fail("a stroke needs at least two samples", "give the path as [x, y, z, t] samples, one per centimetre or more");
  std::vector<glm::vec4> path;
  for (size_t i = 0; i < count; ++i) {
    const JsonField sample = samples.at(i);
    if (sample.arraySize() != 4) sample.fail("expected [x, y, z, t]", "metres in the model frame and seconds");
    glm::vec4 v;
    for (int k = 0; k < 4; ++k) {
      const double n = sample.at(static_cast<size_t>(k)).asNumber();
      if (!std::isfinite(n) || (k < 3 && std::abs(n) > kFarthestFromLeg))
        sample.fail("a coordinate is out of range", "positions are metres in the model frame, within a few decimetres of the hip");
      v[k] = static_cast<float>(n);
    }
    if (!path.empty() && v.w < path.back().w) sample.fail("time runs backwards here", "give the samples in the order they were drawn");
    path.push_back(v);
  }
  if (const float length = pathLength(path); length < kShortestScoredStroke)
    samples.fail("the stroke moves only " + std::to_string(int(std::lround(length * 1000))) + " mm, too little to have a direction",
                 "give a stroke at least " + std::to_string(int(kShortestScoredStroke * 100)) + " cm long");
  return path;
}

}  // namespace

float pathLength(const std::vector<glm::vec4>& path) {
  float length = 0;
  for (size_t i = 1; i < path.size(); ++i) length += glm::length(glm::vec3(path[i]) - glm::vec3(path[i - 1]));
  return length;
}

float pathLength(const std::vector<StrokeSample>& samples) {
  float length = 0;
  for (size_t i = 1; i < samples.size(); ++i) length += glm::length(samples[i].position - samples[i - 1].position);
  return length;
}

std::vector<StrokeSample> layOnSkin(const LegModel& leg, const std::vector<glm::vec4>& path) {
  std::vector<StrokeSample> samples;
  samples.reserve(path.size());
  for (const glm::vec4& point : path) {
    const SkinPoint on = leg.skinNear(glm::vec3(point));
    samples.push_back({on.position, on.normal, point.w, -1});
  }
  return samples;
}

PracticeScore scorePractice(const LegModel& leg, const PracticeTask& task, const std::vector<glm::vec4>& path) {
  return scorePractice(leg, task, layOnSkin(leg, path));
}

PracticeScore scorePractice(const LegModel& leg, const PracticeTask& task, const std::vector<StrokeSample>& drawnOnSkin) {
  PracticeScore result;
  result.correct = planStep(taskStep(leg, task), leg, "--target " + task.target).front();
  result.drawn = drawnStroke(leg, result.correct, drawnOnSkin);
  const Stroke& drawn = result.drawn;
  result.rules = checkStroke(leg, drawn);
  const anatomy::Region* region = leg.findRegion(task.target);
  const bool onTissue = leg.scene().findTissue(task.target) >= 0;
  const bool targetChecked = find(result.rules, Rule::OnTarget) != nullptr;
  if (!targetChecked && onTissue) result.rules.push_back(checkOnTarget(leg, drawn));
  if (!targetChecked && !onTissue && region) result.rules.push_back(checkInRegion(leg, drawn, *region));
  const bool drainage = std::string_view(task.technique->id).starts_with("mld_");
  if (drainage) {
    const float seconds = result.correct.working.back().time - result.correct.working.front().time;
    result.rules.push_back(checkTempo(drawn, seconds > 0 ? result.correct.workingLength() / seconds : 0.0f));
  }
  const RuleResult* target = find(result.rules, Rule::OnTarget);
  const RuleResult* tempo = find(result.rules, Rule::Tempo);
  float score = directionShare(result.rules);
  score *= target ? 0.5f + 0.5f * ramp(target->measured, 0.3f, kShareOnTargetRequired) : 1.0f;
  score *= tempo ? (tempo->passed ? 1.0f : 0.7f) : 1.0f;
  result.score = static_cast<int>(std::lround(100.0f * score));
  const RuleResult* danger = find(result.rules, Rule::EndangermentSite);
  if (danger && !danger->passed) result.score = std::min(result.score, kScoreWhenEndangering);
  result.feedback = feedbackFor(leg, result, *task.technique);
  return result;
}

std::vector<glm::vec4> parseStrokePath(const std::string& json, const std::string& fileName) {
  const OrderedJson document = parseJsonDocument(json, fileName);
  const JsonField root(document, "", fileName);
  if (!document.is_object()) return samplesOf(root);
  for (const char* key : {"working", "path"})
    if (root.has(key)) return samplesOf(root.at(key));
  root.fail("no path found", "give an array of [x, y, z, t] samples, or an object with \"working\" or \"path\"");
}

}  // namespace legatlas::technique
