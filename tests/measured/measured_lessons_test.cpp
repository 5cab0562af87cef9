// The built-in lessons on the measured legs: each passes its check, each stroke scores
// high in practice and its reversal low, and the checker still catches a stroke that goes
// the wrong way on them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "measured_fixture.h"
#include "technique/practice_scorer.h"
#include "technique/rule_checker.h"

namespace legatlas {
namespace {

using measured_test::planned;
using measured_test::PlannedLessons;

// A stroke as a student would draw it: the working phase, timed from its start.
std::vector<glm::vec4> drawn(const technique::Stroke& s) {
  std::vector<glm::vec4> path;
  for (const technique::StrokeSample& sample : s.working) path.emplace_back(sample.position, sample.time - s.start());
  return path;
}

// The same places in the opposite order, at the same pace.
std::vector<glm::vec4> reversed(const std::vector<glm::vec4>& path) {
  std::vector<glm::vec4> out = path;
  for (size_t i = 0; i < path.size(); ++i) out[i] = glm::vec4(glm::vec3(path[path.size() - 1 - i]), path[i].w);
  return out;
}

// Whether a stroke of the technique has a way to go: resting heat and a held stone have
// none for the scorer to judge.
bool directed(const technique::Technique& t) {
  return t.motion != technique::Motion::Rest;
}

class MeasuredLessons : public testing::TestWithParam<std::string> {};

// Lessons are not tuned per leg: every built-in one passes its check on both.
TEST_P(MeasuredLessons, BuiltInLessonsPassTheirCheck) {
  const PlannedLessons& plan = planned(GetParam());
  for (const auto& [lesson, strokes] : plan.lessons) {
    const std::vector<technique::LessonProblem> problems = technique::checkLesson(plan.model(), lesson, strokes);
    EXPECT_TRUE(problems.empty()) << lesson.id << ": " << (problems.empty() ? std::string() : problems.front().result.message);
  }
  EXPECT_GE(plan.lessons.size(), 6u);
}

// The practice scorer judges a student's stroke by the same rules: each step's own first
// stroke, drawn as planned, scores at least 90, and drawn backwards at most 20.
TEST_P(MeasuredLessons, EachLessonStrokeScoresHighAndItsReversalLow) {
  const PlannedLessons& plan = planned(GetParam());
  const technique::LegModel& model = plan.model();
  int scored = 0;
  for (const auto& [lesson, strokes] : plan.lessons) {
    for (size_t step = 0; step < lesson.steps.size(); ++step) {
      const technique::LessonStep& s = lesson.steps[step];
      if (!directed(*s.technique) || s.target.ids.size() != 1 || s.target.kind == technique::Target::Kind::Nodes) continue;
      const auto first = std::find_if(strokes.begin(), strokes.end(), [&](const technique::Stroke& k) { return k.step == int(step); });
      ASSERT_NE(first, strokes.end());
      const std::vector<glm::vec4> path = drawn(*first);
      const technique::PracticeTask task{s.technique, s.target.ids.front()};
      const std::string where = lesson.id + " step " + std::to_string(step + 1) + " (" + std::string(s.technique->id) + " on " + task.target + ")";
      EXPECT_GE(technique::scorePractice(model, task, path).score, 90) << where;
      EXPECT_LE(technique::scorePractice(model, task, reversed(path)).score, 20) << where << ", reversed";
      ++scored;
    }
  }
  EXPECT_GE(scored, 40);
}

// Up the fibres of gluteus medius the forearm runs against the lymph of the outer
// buttock, which drains down and forward round the hip to the groin: the checker says so.
TEST_P(MeasuredLessons, ADeepStrokeMayNotPushTheLymphBack) {
  const technique::LegModel& model = planned(GetParam()).model();
  const technique::Lesson lesson = technique::parseLesson(
      "title: T\ncondition: C\ngoal: G\nsafety:\n  - S\nsteps:\n"
      "  - technique: forearm_glide\n    target: {tissue: gluteus_medius}\n    pressure: firm\n    caption: c\n",
      "test.yaml");
  const std::vector<technique::LessonProblem> problems = technique::checkLesson(model, lesson, technique::planLesson(lesson, model));
  const auto back = std::find_if(problems.begin(), problems.end(),
                                 [](const technique::LessonProblem& p) { return p.result.rule == technique::Rule::NotAgainstLymph; });
  ASSERT_NE(back, problems.end());
  EXPECT_NE(back->result.message.find("inguinal"), std::string::npos) << back->result.message;
}

INSTANTIATE_TEST_SUITE_P(Subjects, MeasuredLessons, testing::Values("female", "male"));

}  // namespace
}  // namespace legatlas
