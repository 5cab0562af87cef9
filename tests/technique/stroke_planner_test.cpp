// Strokes planned on the built leg go the way the anatomy says.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "built_leg.h"
#include "core/error.h"
#include "technique/rule_checker.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;
using testing::lessonFrom;

std::vector<Stroke> plan(const std::string& steps) { return planLesson(lessonFrom(steps), builtLeg().model()); }

int tissue(const std::string& id) { return builtLeg().scene().findTissue(id); }

TEST(LymphFlowOnTheSkin, RunsUpTheLegBelowTheGroin) {
  const LegModel& leg = builtLeg().model();
  ASSERT_FALSE(leg.lymphFlow().empty());
  int upward = 0, counted = 0;
  for (float y = -0.80f; y <= -0.15f; y += 0.05f) {
    for (float angle = -180; angle < 180; angle += 30) {
      const float a = glm::radians(angle);
      const SkinPoint p = leg.skinToward(leg.limbCentre(y), {std::sin(a), 0, std::cos(a)});
      const glm::vec3 flow = leg.lymphFlow().at(p.position, p.normal);
      ++counted;
      if (flow.y > 0) ++upward;
      EXPECT_NEAR(glm::dot(flow, p.normal), 0.0f, 1e-3f) << "the flow lies in the skin";
    }
  }
  EXPECT_GE(upward, counted * 9 / 10) << upward << " of " << counted << " skin points drain upward";
}

TEST(StrokePlanner, GlidingOnTheShinGoesFromAnkleTowardKnee) {
  const auto strokes = plan("  - technique: gliding\n    target: {region: leg_anterior}\n    passes: 3\n    caption: c\n");
  ASSERT_EQ(strokes.size(), 3u);
  for (const Stroke& s : strokes) {
    ASSERT_GE(s.working.size(), 20u);
    EXPECT_GT(s.working.back().position.y - s.working.front().position.y, 0.15f) << "at least 15 cm upward";
    EXPECT_LT(s.working.front().position.y, -0.7f) << "starts near the ankle";
    EXPECT_FALSE(s.back.empty());
  }
}

TEST(StrokePlanner, ThumbStrokeOnTibialisAnteriorRunsTowardItsOriginBesideTheCrest) {
  const auto strokes = plan("  - technique: thumb_stroke\n    target: {tissue: tibialis_anterior}\n    caption: c\n");
  ASSERT_FALSE(strokes.empty());
  const Stroke& s = strokes.front();
  EXPECT_EQ(s.tissue, tissue("tibialis_anterior"));
  const glm::vec3 origin = builtLeg().scene().tissues[s.tissue].anatomy.origin->point;
  EXPECT_LT(glm::length(s.working.back().position - origin), glm::length(s.working.front().position - origin) - 0.1f);
  const anatomy::Region* crest = builtLeg().model().findRegion("tibial_crest");
  ASSERT_TRUE(crest);
  for (const StrokeSample& sample : s.working) EXPECT_FALSE(builtLeg().model().inRegion(*crest, sample.position));
}

TEST(StrokePlanner, KneadingAdvancesUpTheCalf) {
  const auto strokes = plan("  - technique: kneading\n    target: {tissue: gastrocnemius_medial_head}\n    passes: 1\n    caption: c\n");
  ASSERT_EQ(strokes.size(), 1u);
  EXPECT_GT(strokes[0].working.back().position.y, strokes[0].working.front().position.y + 0.05f);
}

TEST(StrokePlanner, DeepWorkStopsShortOfThePoplitealFossa) {
  const auto strokes = plan("  - technique: forearm_glide\n    target: {tissue: biceps_femoris_long_head}\n    caption: c\n");
  const anatomy::Region* fossa = builtLeg().model().findRegion("popliteal_fossa");
  ASSERT_TRUE(fossa);
  for (const Stroke& s : strokes)
    for (const StrokeSample& sample : s.working) EXPECT_FALSE(builtLeg().model().inRegion(*fossa, sample.position));
}

TEST(StrokePlanner, CirclesPushTowardTheNodesInTheirPressurePhase) {
  const auto strokes = plan("  - technique: mld_circles\n    target: {region: knee_anterior}\n    path: {at: medial_femoral_epicondyle}\n    passes: 5\n    caption: c\n");
  ASSERT_EQ(strokes.size(), 5u);
  for (const Stroke& s : strokes) {
    EXPECT_GT(s.working.back().position.y, s.working.front().position.y) << "the pressure phase rises";
    EXPECT_FALSE(s.back.empty()) << "the release is marked apart";
  }
  EXPECT_GT(strokes[1].start(), strokes[0].end()) << "one circle after another";
}

TEST(StrokePlanner, EveryBuiltInLessonIsSampledAtLeastOncePerCentimetreAndInTimeOrder) {
  for (const std::string& name : testing::builtInLessons()) {
    const Lesson lesson = loadLesson(testing::lessonPath(name));
    const auto strokes = planLesson(lesson, builtLeg().model());
    ASSERT_FALSE(strokes.empty()) << name;
    float clock = -1;
    for (const Stroke& s : strokes) {
      for (size_t i = 1; i < s.working.size(); ++i) {
        EXPECT_LE(glm::length(s.working[i].position - s.working[i - 1].position), 0.01f) << name;
        EXPECT_GE(s.working[i].time, s.working[i - 1].time) << name;
      }
      EXPECT_GE(s.start(), clock) << name << ": strokes overlap in time";
      clock = s.end();
    }
  }
}

TEST(StrokePlanner, UnknownNamesAreReportedAtTheirLineWithASuggestion) {
  try {
    plan("  - technique: thumb_stroke\n    target: {tissue: tibialis_anterio}\n    caption: c\n");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("test.yaml"), std::string::npos) << m;
    EXPECT_NE(m.find("line 8"), std::string::npos) << m;
    EXPECT_NE(m.find("steps[0].target"), std::string::npos) << m;
    EXPECT_NE(m.find("did you mean 'tibialis_anterior'"), std::string::npos) << m;
  }
  EXPECT_THROW(plan("  - technique: gliding\n    target: {region: shin}\n    caption: c\n"), InputError);
  EXPECT_THROW(plan("  - technique: thumb_stroke\n    target: {region: leg_anterior}\n    caption: c\n"), InputError);
  EXPECT_THROW(plan("  - technique: gliding\n    target: {region: leg_anterior}\n    path: {from: medial_malleolus, to: nowhere}\n    caption: c\n"),
               InputError);
}

}  // namespace
}  // namespace legatlas::technique

namespace legatlas::technique {
namespace {

std::string territoryOf(float y, float angleDegrees) {
  const LegModel& leg = testing::builtLeg().model();
  const float a = glm::radians(angleDegrees);
  const SkinPoint p = leg.skinToward(leg.limbCentre(y), {std::sin(a), 0, std::cos(a)});
  const int t = leg.lymphFlow().territoryAt(p.position);
  return t >= 0 ? leg.lymphFlow().territories()[t] : "";
}

TEST(LymphTerritories, AStripOfTheBackOfTheCalfDrainsBehindTheKneeTheRestToTheGroin) {
  EXPECT_EQ(territoryOf(-0.6f, 150.0f), "popliteal") << "posterolateral calf";
  EXPECT_EQ(territoryOf(-0.6f, -160.0f), "superficial_inguinal_vertical") << "posteromedial calf";
  EXPECT_EQ(territoryOf(-0.2f, 0.0f), "superficial_inguinal_vertical") << "front of the thigh";
  EXPECT_EQ(territoryOf(-0.6f, -90.0f), "superficial_inguinal_vertical") << "medial leg";
  EXPECT_EQ(territoryOf(-0.2f, 180.0f), "superficial_inguinal_vertical") << "back of the thigh";
}

}  // namespace
}  // namespace legatlas::technique
