// Scripted practice strokes: a correct one scores high, a reversed one low, one on the
// wrong tissue or over an endangerment site is flagged.
#include <gtest/gtest.h>

#include <algorithm>

#include "built_leg.h"
#include "core/error.h"
#include "technique/practice_scorer.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;
using testing::lessonFrom;

const LegModel& leg() { return builtLeg().model(); }

std::vector<glm::vec4> pathOf(const Stroke& s) {
  std::vector<glm::vec4> path;
  for (const StrokeSample& sample : s.working) path.emplace_back(sample.position, sample.time - s.start());
  return path;
}

// The same places, visited in the opposite order at the same pace.
std::vector<glm::vec4> reversed(std::vector<glm::vec4> path) {
  std::vector<glm::vec4> out = path;
  for (size_t i = 0; i < path.size(); ++i) out[i] = glm::vec4(glm::vec3(path[path.size() - 1 - i]), path[i].w);
  return out;
}

Stroke planned(const std::string& technique, const std::string& targetKind, const std::string& target) {
  return planLesson(lessonFrom("  - technique: " + technique + "\n    target: {" + targetKind + ": " + target +
                               "}\n    passes: 1\n    caption: c\n"),
                    leg())
      .front();
}

PracticeScore score(const std::string& technique, const std::string& target, const std::vector<glm::vec4>& path) {
  return scorePractice(leg(), {findTechnique(technique), target}, path);
}

bool failed(const PracticeScore& s, technique::Rule rule) {
  return std::any_of(s.rules.begin(), s.rules.end(), [&](const RuleResult& r) { return r.rule == rule && !r.passed; });
}

TEST(PracticeScorer, ACorrectStrokeScoresAtLeast90AndAReversedOneAtMost20) {
  struct Task {
    std::string technique, kind, target;
  };
  for (const Task& t : {Task{"gliding", "region", "thigh_anterior"}, Task{"thumb_stroke", "tissue", "tibialis_anterior"},
                        Task{"mld_pump", "region", "leg_anterior"}, Task{"kneading", "tissue", "soleus"},
                        Task{"forearm_glide", "tissue", "semitendinosus"}}) {
    const auto path = pathOf(planned(t.technique, t.kind, t.target));
    const PracticeScore right = score(t.technique, t.target, path);
    EXPECT_GE(right.score, 90) << t.technique << " on " << t.target << ": " << right.feedback.front();
    const PracticeScore wrong = score(t.technique, t.target, reversed(path));
    EXPECT_LE(wrong.score, 20) << t.technique << " reversed on " << t.target;
    EXPECT_FALSE(wrong.feedback.empty());
  }
}

TEST(PracticeScorer, FeedbackSaysWhereTheLymphGoesAndHowToStroke) {
  const auto path = pathOf(planned("gliding", "region", "thigh_medial"));
  const PracticeScore wrong = score("gliding", "thigh_medial", reversed(path));
  ASSERT_FALSE(wrong.feedback.empty());
  EXPECT_NE(wrong.feedback.front().find("pushes lymph away from the inguinal nodes"), std::string::npos) << wrong.feedback.front();
  EXPECT_NE(wrong.feedback.front().find("toward the groin"), std::string::npos) << wrong.feedback.front();
  EXPECT_GE(wrong.correct.working.size(), 10u) << "the correct stroke comes back to be replayed";
  EXPECT_GT(wrong.correct.working.back().position.y, wrong.correct.working.front().position.y);
}

TEST(PracticeScorer, AStrokeOnTheWrongMuscleIsFlagged) {
  const auto onCalf = pathOf(planned("thumb_stroke", "tissue", "gastrocnemius_medial_head"));
  const PracticeScore s = score("thumb_stroke", "tibialis_anterior", onCalf);
  EXPECT_TRUE(failed(s, technique::Rule::OnTarget));
  EXPECT_LT(s.score, kPassingScore);
}

TEST(PracticeScorer, DeepPressureOverTheBackOfTheKneeScoresLow) {
  const Stroke over = planLesson(lessonFrom("  - technique: forearm_glide\n    target: {tissue: biceps_femoris_long_head}\n"
                                            "    path: {from: fibular_head, to: ischial_tuberosity_lowest, over: posterior}\n    caption: c\n"),
                                 leg())
                          .front();
  const PracticeScore s = score("forearm_glide", "biceps_femoris_long_head", pathOf(over));
  EXPECT_TRUE(failed(s, technique::Rule::EndangermentSite));
  EXPECT_LE(s.score, 20);
}

TEST(PracticeScorer, LymphDrainageAtTheWrongTempoIsFlagged) {
  auto path = pathOf(planned("mld_pump", "region", "thigh_anterior"));
  EXPECT_FALSE(failed(score("mld_pump", "thigh_anterior", path), technique::Rule::Tempo));
  for (glm::vec4& sample : path) sample.w *= 10.0f;
  const PracticeScore slow = score("mld_pump", "thigh_anterior", path);
  EXPECT_TRUE(failed(slow, technique::Rule::Tempo));
  EXPECT_LT(slow.score, 90);
}

TEST(PracticeScorer, UnknownTargetsAreNamed) {
  const auto path = pathOf(planned("gliding", "region", "leg_anterior"));
  try {
    score("gliding", "tibialis_anterio", path);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'tibialis_anterior'"), std::string::npos) << e.what();
  }
}

TEST(StrokePathFile, ReadsWhatStrokesExportsAndRejectsWhatItCannotUse) {
  EXPECT_EQ(parseStrokePath("[[0, -0.5, 0.05, 0], [0, -0.48, 0.05, 0.1]]", "p.json").size(), 2u);
  EXPECT_EQ(parseStrokePath(R"({"step": 1, "working": [[0, -0.5, 0.05, 0], [0, -0.48, 0.05, 0.1]]})", "p.json").size(), 2u);
  const auto errorOf = [](const std::string& text) {
    try {
      parseStrokePath(text, "p.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(errorOf("[[0, 0, 0, 0]]").find("at least two samples"), std::string::npos);
  EXPECT_NE(errorOf("[[0, 0, 0], [0, 0, 0]]").find("[x, y, z, t]"), std::string::npos);
  EXPECT_NE(errorOf("[[0, 0, 0, 1], [0, 0, 0, 0]]").find("time runs backwards"), std::string::npos);
  EXPECT_NE(errorOf("[[0, 0, 0, 0], [1e9, 0, 0, 1]]").find("out of range"), std::string::npos);
  // Standing still, or a twitch of a few millimetres, has no direction to score.
  EXPECT_NE(errorOf("[[0, -0.5, 0.05, 0], [0, -0.5, 0.05, 0.5], [0, -0.5, 0.05, 1]]").find("moves only 0 mm"), std::string::npos);
  EXPECT_NE(errorOf("[[0, -0.5, 0.05, 0], [0, -0.496, 0.05, 0.5]]").find("moves only 4 mm"), std::string::npos);
  EXPECT_NE(errorOf("{\"strokes\": []}").find("no path found"), std::string::npos);
  EXPECT_NE(errorOf("[[0, 0, 0, 0], [0, \"a\", 0, 1]]").find("p.json"), std::string::npos);
  EXPECT_NE(errorOf("not json").find("p.json"), std::string::npos);
}

}  // namespace
}  // namespace legatlas::technique
