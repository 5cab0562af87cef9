// The rule checker passes the built-in lessons and catches strokes that go the wrong way.
#include <gtest/gtest.h>

#include <algorithm>
#include <glm/trigonometric.hpp>

#include "built_leg.h"
#include "technique/rule_checker.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;
using testing::lessonFrom;

const LegModel& leg() { return builtLeg().model(); }

std::vector<LessonProblem> problemsOf(const Lesson& lesson) {
  return checkLesson(leg(), lesson, planLesson(lesson, leg()));
}

bool failsRule(const std::vector<RuleResult>& results, technique::Rule rule) {
  return std::any_of(results.begin(), results.end(), [&](const RuleResult& r) { return r.rule == rule && !r.passed; });
}

bool hasProblem(const std::vector<LessonProblem>& problems, technique::Rule rule) {
  return std::any_of(problems.begin(), problems.end(), [&](const LessonProblem& p) { return p.result.rule == rule; });
}

Stroke reversed(Stroke s) {
  std::vector<glm::vec3> positions;
  for (const auto& sample : s.working) positions.push_back(sample.position);
  std::reverse(positions.begin(), positions.end());
  for (size_t i = 0; i < positions.size(); ++i) s.working[i].position = positions[i];
  return s;
}

TEST(RuleChecker, EveryBuiltInLessonPasses) {
  for (const std::string& name : testing::builtInLessons()) {
    const auto problems = problemsOf(loadLesson(testing::lessonPath(name)));
    for (const auto& p : problems) ADD_FAILURE() << name << " step " << p.step + 1 << ": " << p.result.message;
  }
}

TEST(RuleChecker, AGlideDownTheShinRunsAgainstTheLymph) {
  const auto strokes = planLesson(lessonFrom("  - technique: gliding\n    target: {region: leg_medial}\n    caption: c\n"), leg());
  ASSERT_FALSE(strokes.empty());
  EXPECT_FALSE(failsRule(checkStroke(leg(), strokes[0]), technique::Rule::AlongTarget));
  EXPECT_FALSE(failsRule(checkStroke(leg(), strokes[0]), technique::Rule::NotAgainstLymph));
  const auto results = checkStroke(leg(), reversed(strokes[0]));
  ASSERT_TRUE(failsRule(results, technique::Rule::AlongTarget));
  ASSERT_TRUE(failsRule(results, technique::Rule::NotAgainstLymph));
  const auto it = std::find_if(results.begin(), results.end(), [](auto& r) { return r.rule == technique::Rule::NotAgainstLymph; });
  EXPECT_LT(it->measured, 0.2f);
  EXPECT_NE(it->message.find("inguinal nodes"), std::string::npos) << it->message;
  EXPECT_EQ(it->drainsTo, technique::DrainsTo::InguinalNodes) << "the reason, not only its words";
}

// Lymph from the heel runs to the popliteal nodes: circles there, reversed, say so.
TEST(RuleChecker, ThePushedBackLymphOfTheHeelDrainsBehindTheKnee) {
  const auto strokes = planLesson(lessonFrom("  - technique: mld_circles\n    target: {region: heel}\n    caption: c\n"), leg());
  ASSERT_FALSE(strokes.empty());
  const auto results = checkStroke(leg(), reversed(strokes[0]));
  const auto it = std::find_if(results.begin(), results.end(), [](auto& r) { return r.rule == technique::Rule::WithLymphFlow; });
  ASSERT_NE(it, results.end());
  ASSERT_FALSE(it->passed);
  EXPECT_EQ(it->drainsTo, technique::DrainsTo::PoplitealNodes) << it->message;
}

TEST(RuleChecker, AThumbStrokeTowardTheInsertionIsCaught) {
  const auto strokes = planLesson(lessonFrom("  - technique: thumb_stroke\n    target: {tissue: tibialis_anterior}\n    caption: c\n"), leg());
  ASSERT_FALSE(strokes.empty());
  EXPECT_FALSE(failsRule(checkStroke(leg(), strokes[0]), technique::Rule::TowardOrigin));
  EXPECT_FALSE(failsRule(checkStroke(leg(), strokes[0]), technique::Rule::AlongFibres));
  EXPECT_TRUE(failsRule(checkStroke(leg(), reversed(strokes[0])), technique::Rule::TowardOrigin));
}

TEST(RuleChecker, AThumbStrokeAcrossTheFibresIsCaught) {
  // Around the calf, across the gastrocnemius fibres that run up and down.
  Stroke s = planLesson(lessonFrom("  - technique: thumb_stroke\n    target: {tissue: gastrocnemius_medial_head}\n    caption: c\n"), leg())[0];
  const glm::vec3 centre = leg().limbCentre(-0.55f);
  s.working.clear();
  for (float angle = 200; angle >= 150; angle -= 1.0f) {
    const float a = glm::radians(angle);
    const SkinPoint p = leg().skinToward(centre, {std::sin(a), 0, std::cos(a)});
    s.working.push_back({p.position, p.normal, 0.0f, -1});
  }
  EXPECT_TRUE(failsRule(checkStroke(leg(), s), technique::Rule::AlongFibres));
}

TEST(RuleChecker, KneadingDownTheLegIsCaught) {
  const auto strokes = planLesson(lessonFrom("  - technique: kneading\n    target: {tissue: soleus}\n    passes: 1\n    caption: c\n"), leg());
  ASSERT_EQ(strokes.size(), 1u);
  EXPECT_FALSE(failsRule(checkStroke(leg(), strokes[0]), technique::Rule::DistalToProximal));
  EXPECT_TRUE(failsRule(checkStroke(leg(), reversed(strokes[0])), technique::Rule::DistalToProximal));
}

TEST(RuleChecker, AnInstructorsRouteIsTakenAsWrittenAndChecked) {
  const std::string up = "  - technique: gliding\n    target: {region: leg_medial}\n    path: {from: medial_malleolus, to: pes_anserinus, over: medial}\n    caption: c\n";
  const std::string down = "  - technique: gliding\n    target: {region: leg_medial}\n    path: {from: pes_anserinus, to: medial_malleolus, over: medial}\n    caption: c\n";
  EXPECT_FALSE(hasProblem(problemsOf(lessonFrom(up)), technique::Rule::AlongTarget));
  EXPECT_FALSE(hasProblem(problemsOf(lessonFrom(up)), technique::Rule::NotAgainstLymph));
  EXPECT_TRUE(hasProblem(problemsOf(lessonFrom(down)), technique::Rule::AlongTarget));
  EXPECT_TRUE(hasProblem(problemsOf(lessonFrom(down)), technique::Rule::NotAgainstLymph));
}

TEST(RuleChecker, DeepWorkOverAnEndangermentSiteIsCaught) {
  const std::string fossa = "  - technique: forearm_glide\n    target: {tissue: biceps_femoris_long_head}\n    path: {from: fibular_head, to: ischial_tuberosity_lowest, over: posterior}\n    caption: c\n";
  EXPECT_TRUE(hasProblem(problemsOf(lessonFrom(fossa)), technique::Rule::EndangermentSite));
  const std::string crest = "  - technique: thumb_stroke\n    target: {tissue: tibialis_anterior}\n    path: {from: tibial_crest_lower, to: tibial_crest_upper, over: anterior}\n    caption: c\n";
  const auto problems = problemsOf(lessonFrom(crest));
  ASSERT_TRUE(hasProblem(problems, technique::Rule::EndangermentSite));
  EXPECT_NE(problems.front().result.message.find("ibial crest"), std::string::npos) << problems.front().result.message;
  // The same route with a light glide is allowed.
  const std::string light = "  - technique: gliding\n    target: {region: leg_anterior}\n    path: {from: tibial_crest_lower, to: tibial_crest_upper, over: anterior}\n    caption: c\n";
  EXPECT_FALSE(hasProblem(problemsOf(lessonFrom(light)), technique::Rule::EndangermentSite));
}

TEST(RuleChecker, DrainageMustClearTheProximalZonesFirst) {
  const std::string nodes = "  - technique: mld_circles\n    target: {nodes: superficial_inguinal_vertical}\n    caption: c\n";
  const std::string thigh = "  - technique: mld_pump\n    target: {region: thigh_anterior}\n    caption: c\n";
  const std::string knee = "  - technique: mld_circles\n    target: {nodes: popliteal}\n    caption: c\n";
  const std::string shin = "  - technique: mld_pump\n    target: {region: leg_anterior}\n    caption: c\n";
  EXPECT_FALSE(hasProblem(problemsOf(lessonFrom(nodes + thigh + knee + shin)), technique::Rule::DrainageOrder));
  EXPECT_FALSE(hasProblem(problemsOf(lessonFrom(nodes + thigh + knee + shin + thigh)), technique::Rule::DrainageOrder))
      << "working back up at the end is allowed";
  const auto problems = problemsOf(lessonFrom(nodes + shin + thigh));
  ASSERT_TRUE(hasProblem(problems, technique::Rule::DrainageOrder));
  EXPECT_EQ(problems.front().step, 1);
  EXPECT_NE(problems.front().result.message.find("the lower leg before the thigh"), std::string::npos)
      << problems.front().result.message;
}

TEST(RuleChecker, DrainageMustBeVeryLight) {
  const auto problems = problemsOf(lessonFrom(
      "  - technique: mld_circles\n    target: {nodes: superficial_inguinal_vertical}\n    pressure: firm\n    caption: c\n"));
  EXPECT_TRUE(hasProblem(problems, technique::Rule::Pressure));
}

}  // namespace
}  // namespace legatlas::technique
