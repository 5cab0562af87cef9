#include "app/lesson_commands.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "anatomy/description.h"
#include "app/json_output.h"
#include "teaching/lesson_library.h"
#include "teaching/leg_source.h"
#include "core/error.h"
#include "core/text.h"
#include "technique/client_position.h"
#include "technique/practice_scorer.h"
#include "technique/rule_checker.h"
#include "technique/stroke_planner.h"

namespace legatlas::app {
namespace {

namespace fs = std::filesystem;
using technique::Lesson;
using technique::Stroke;

Json targetJson(const technique::Target& t) {
  static constexpr const char* kKinds[] = {"tissue", "tissues", "region", "compartment", "nodes"};
  const char* kind = kKinds[static_cast<int>(t.kind)];
  return t.kind == technique::Target::Kind::Tissues ? Json{{kind, t.ids}} : Json{{kind, t.ids.front()}};
}

Json stepJson(const technique::LessonStep& step, int index) {
  Json json = {{"step", index + 1},
               {"technique", step.technique->id},
               {"target", targetJson(step.target)},
               {"passes", step.passes},
               {"pressure", technique::pressureId(step.pressure)},
               {"caption", step.caption}};
  if (step.durationSeconds) json["duration_s"] = *step.durationSeconds;
  if (step.position) json["position"] = technique::clientPositionId(*step.position);
  if (step.sequence) json["sequence"] = step.sequence->from + "_to_" + step.sequence->to;
  if (!step.draping.empty()) json["draping"] = step.draping;
  if (!step.watchFor.empty()) json["watch_for"] = step.watchFor;
  if (step.sessionMinutes) json["session_minutes"] = *step.sessionMinutes;
  return json;
}

Json lessonJson(const Lesson& lesson) {
  Json json = {{"id", lesson.id},       {"file", lesson.file},  {"title", lesson.title},
               {"condition", lesson.condition}, {"goal", lesson.goal}, {"safety", lesson.safety},
               {"steps", Json::array()}};
  if (lesson.sessionMinutes) json["session_minutes"] = *lesson.sessionMinutes;
  for (size_t i = 0; i < lesson.steps.size(); ++i) json["steps"].push_back(stepJson(lesson.steps[i], int(i)));
  return json;
}

Json samplesJson(const std::vector<technique::StrokeSample>& samples) {
  Json out = Json::array();
  for (const auto& s : samples)
    out.push_back({rounded(s.position.x, 4), rounded(s.position.y, 4), rounded(s.position.z, 4), rounded(s.time, 3)});
  return out;
}

Json strokeJson(const Stroke& s, const Lesson& lesson, const scene::Scene& scene) {
  const auto tissueId = [&](int index) { return index >= 0 ? Json(scene.tissues[index].id) : Json(nullptr); };
  Json json = {{"step", s.step + 1},
               {"pass", s.pass + 1},
               {"technique", s.technique->id},
               {"reference", technique::referenceId(s.technique->reference)},
               {"target", targetJson(lesson.steps[s.step].target)},
               {"tissue", tissueId(s.tissue)},
               {"pressure", technique::pressureId(s.pressure)},
               {"position", technique::clientPositionId(s.position)},
               {"length_m", rounded(s.workingLength(), 4)},
               {"working", samplesJson(s.working)},
               {"return", samplesJson(s.back)}};
  if (!s.region.empty()) json["region"] = s.region;
  if (s.technique->reachesMuscle) {
    Json beneath = Json::array();
    for (const auto& sample : s.working) beneath.push_back(tissueId(sample.beneath));
    json["beneath"] = beneath;
  }
  return json;
}

std::vector<Lesson> builtInLessons() {
  std::vector<Lesson> lessons;
  for (const std::string& file : teaching::builtInLessonFiles()) lessons.push_back(technique::loadLesson(file));
  return lessons;
}

Json ruleJson(const technique::RuleResult& r) {
  return {{"rule", std::string(technique::ruleId(r.rule))},         {"passed", r.passed}, {"measured", rounded(r.measured, 3)},
          {"required", rounded(r.required, 3)}, {"message", r.message},  {"where", vectorJson(r.where)}};
}

const technique::Technique& techniqueNamed(const std::string& id) {
  if (const technique::Technique* t = technique::findTechnique(id)) return *t;
  std::vector<std::string> ids;
  for (const auto& t : technique::catalogue()) ids.emplace_back(t.id);
  const std::string near = nearestName(id, ids);
  throw InputError("--technique", id, "no such technique", near.empty() ? "use one of " + joinAsChoices(ids) : "did you mean '" + near + "'?");
}

}  // namespace

int runTechniques(bool json) {
  if (!json) {
    std::printf("%-14s %-12s %-11s %-18s %s\n", "technique", "contact", "pressure", "reference", "direction");
    for (const auto& t : technique::catalogue())
      std::printf("%-14s %-12s %-11s %-18s %s\n", std::string(t.id).c_str(), std::string(technique::contactId(t.contact)).c_str(),
                  std::string(technique::pressureId(t.pressure)).c_str(),
                  std::string(technique::referenceId(t.reference)).c_str(), std::string(t.directionWords).c_str());
    return kExitOk;
  }
  Json out = {{"techniques", Json::array()}};
  for (const auto& t : technique::catalogue()) {
    out["techniques"].push_back({{"id", t.id},
                                 {"name", t.name},
                                 {"contact", technique::contactId(t.contact)},
                                 {"contact_words", t.contactWords},
                                 {"depth", t.depthWords},
                                 {"reaches_muscle", t.reachesMuscle},
                                 {"pressure", technique::pressureId(t.pressure)},
                                 {"pressure_range", {technique::pressureId(t.lightest), technique::pressureId(t.firmest)}},
                                 {"motion", technique::motionId(t.motion)},
                                 {"speed_m_per_s", t.speed},
                                 {"cycles_per_s", t.cyclesPerSecond},
                                 {"repetitions", t.repetitions},
                                 {"reference", technique::referenceId(t.reference)},
                                 {"direction", t.directionWords},
                                 {"why", t.why}});
  }
  std::cout << out.dump(2) << '\n';
  return kExitOk;
}

int runLessons(bool json) {
  const std::vector<Lesson> lessons = builtInLessons();
  if (json) {
    Json out = {{"lessons", Json::array()}};
    for (const Lesson& l : lessons) out["lessons"].push_back(lessonJson(l));
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  for (const Lesson& l : lessons)
    std::printf("%-24s %-36s %zu steps  (%s)\n", l.id.c_str(), l.title.c_str(), l.steps.size(), l.condition.c_str());
  return kExitOk;
}

int runStrokes(const LessonOptions& options) {
  const Lesson lesson = technique::loadLesson(teaching::lessonFile(options.lesson));
  const auto leg = teaching::loadLeg(options.model, options.anatomyDir);
  const std::vector<Stroke> strokes = technique::planLesson(lesson, leg.model());
  if (options.json) {
    Json out = {{"lesson", lesson.id}, {"title", lesson.title}, {"frame", frameDescription()},
                {"sample", "[x, y, z, t]: metres in the model frame, seconds from the start of the lesson"},
                {"strokes", Json::array()}};
    for (const Stroke& s : strokes) out["strokes"].push_back(strokeJson(s, lesson, leg.scene()));
    std::cout << out.dump(1) << '\n';
    return kExitOk;
  }
  std::printf("%-5s %-5s %-14s %-32s %-11s %8s %8s %8s\n", "step", "pass", "technique", "tissue", "pressure", "length",
              "start", "end");
  for (const Stroke& s : strokes)
    std::printf("%-5d %-5d %-14s %-32s %-11s %6.0fmm %7.1fs %7.1fs\n", s.step + 1, s.pass + 1,
                std::string(s.technique->id).c_str(), s.tissue >= 0 ? leg.scene().tissues[s.tissue].id.c_str() : "-",
                std::string(technique::pressureId(s.pressure)).c_str(), s.workingLength() * 1000, s.start(), s.end());
  return kExitOk;
}

int runCheck(const LessonOptions& options) {
  const Lesson lesson = technique::loadLesson(teaching::lessonFile(options.lesson));
  const auto leg = teaching::loadLeg(options.model, options.anatomyDir);
  const std::vector<Stroke> strokes = technique::planLesson(lesson, leg.model());
  const auto problems = technique::checkLesson(leg.model(), lesson, strokes);
  const std::vector<std::string> warnings = technique::lessonWarnings(lesson, strokes);
  if (options.json) {
    Json out = {{"lesson", lesson.id}, {"file", lesson.file}, {"strokes", strokes.size()}, {"ok", problems.empty()},
                {"warnings", warnings}, {"problems", Json::array()}};
    for (const auto& p : problems)
      out["problems"].push_back({{"step", p.step + 1},
                                 {"line", lesson.steps[p.step].line},
                                 {"rule", std::string(technique::ruleId(p.result.rule))},
                                 {"message", p.result.message},
                                 {"where", vectorJson(p.result.where)}});
    std::cout << out.dump(2) << '\n';
  } else {
    for (const std::string& w : warnings) std::cerr << lesson.file << ": warning: " << w << '\n';
    for (const auto& p : problems)
      std::cerr << lesson.file << ": " << technique::placeOf(lesson.steps[p.step], p.step, "") << " ("
                << lesson.steps[p.step].technique->id << "): " << p.result.message << '\n';
    if (problems.empty())
      std::printf("%s: %zu steps, %zu strokes, every stroke goes the right way\n", lesson.file.c_str(),
                  lesson.steps.size(), strokes.size());
  }
  return problems.empty() ? kExitOk : kExitInputError;
}

int runScore(const ScoreOptions& options) {
  const technique::Technique& technique = techniqueNamed(options.technique);
  const std::vector<glm::vec4> path = technique::parseStrokePath(readFile(options.pathFile), options.pathFile);
  const auto leg = teaching::loadLeg(options.model, options.anatomyDir);
  const technique::PracticeScore result = technique::scorePractice(leg.model(), {&technique, options.target}, path);
  if (options.json) {
    Json out = {{"technique", technique.id}, {"target", options.target}, {"score", result.score},
                {"passed", result.score >= technique::kPassingScore}, {"rules", Json::array()},
                {"feedback", result.feedback}, {"correct", {{"working", samplesJson(result.correct.working)}}}};
    for (const auto& r : result.rules) out["rules"].push_back(ruleJson(r));
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  std::printf("score: %d / 100\n", result.score);
  for (const auto& r : result.rules) std::printf("  %-20s %s\n", std::string(technique::ruleId(r.rule)).c_str(), r.passed ? "ok" : "not met");
  for (const std::string& line : result.feedback) std::printf("- %s\n", line.c_str());
  return kExitOk;
}

}  // namespace legatlas::app
