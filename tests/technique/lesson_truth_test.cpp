// What the lessons teach must be true: strokes stay over what they name, endangerment
// sites bar what their entries say, the lymph drains the right way above the groin and
// from the calf, the client turns at most twice, and passes are placed as captions say.
#include <gtest/gtest.h>

#include <algorithm>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "built_leg.h"
#include "core/error.h"
#include "core/text.h"
#include "technique/animator.h"
#include "technique/client_position.h"
#include "technique/endangerment.h"
#include "technique/practice_scorer.h"
#include "technique/rule_checker.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;
using testing::lessonFrom;

const LegModel& leg() { return builtLeg().model(); }

std::vector<LessonProblem> problemsOf(const Lesson& lesson) { return checkLesson(leg(), lesson, planLesson(lesson, leg())); }

const LessonProblem* problem(const std::vector<LessonProblem>& problems, technique::Rule rule) {
  const auto it = std::find_if(problems.begin(), problems.end(), [&](const LessonProblem& p) { return p.result.rule == rule; });
  return it == problems.end() ? nullptr : &*it;
}

SkinPoint around(float y, float degrees) {
  const float a = glm::radians(degrees);
  return leg().skinToward(leg().limbCentre(y), {std::sin(a), 0.0f, std::cos(a)});
}

TEST(LessonTruth, AGlideThatLeavesItsTargetFailsWithTheStepAndTheFix) {
  // The iliotibial-band glide as it was once planned: along the lymph streamlines, which
  // curve forward over the front of the thigh toward the groin.
  const std::string it = "  - technique: gliding\n    target: {tissue: iliotibial_tract}\n    pressure: moderate\n    caption: c\n";
  const std::string streamline = it + "    path: {follow: lymph_flow}\n";
  const auto problems = problemsOf(lessonFrom(streamline));
  const LessonProblem* off = problem(problems, technique::Rule::OnTarget);
  ASSERT_NE(off, nullptr);
  EXPECT_EQ(off->step, 0);
  EXPECT_NE(off->result.message.find("Iliotibial"), std::string::npos) << off->result.message;
  EXPECT_NE(off->result.message.find("keep the contact"), std::string::npos) << off->result.message;
  // As planned today it runs up the band itself.
  EXPECT_EQ(problem(problemsOf(lessonFrom(it)), technique::Rule::OnTarget), nullptr);
}

TEST(LessonTruth, TheItBandGlideStaysOnTheOuterThighAndHip) {
  const auto strokes = planLesson(lessonFrom("  - technique: gliding\n    target: {tissue: iliotibial_tract}\n    passes: 1\n    caption: c\n"), leg());
  ASSERT_FALSE(strokes.empty());
  const anatomy::Region* triangle = leg().findRegion("femoral_triangle");
  const glm::vec3 asis = *leg().namedPoint("asis");
  for (const StrokeSample& s : strokes.front().working) {
    EXPECT_GT(leg().angleAround(s.position), 35.0f) << "on the lateral side, not across the front";
    EXPECT_FALSE(leg().inRegion(*triangle, s.position)) << "never over the groin";
  }
  EXPECT_GT(strokes.front().working.back().position.x, asis.x) << "it ends at the outer hip, lateral of the iliac spine";
  EXPECT_GT(strokes.front().working.back().position.y, strokes.front().working.front().position.y);
}

// Up the shin the thumb goes with the lymph. (That a deep stroke up gluteus medius runs
// against it is checked on the measured legs, where the muscle shows under the skin over
// the hand's whole length; here the iliotibial tract covers most of it.)
TEST(LessonTruth, AThumbStrokeUpTheShinGoesWithTheLymph) {
  EXPECT_EQ(problem(problemsOf(lessonFrom("  - technique: thumb_stroke\n    target: {tissue: tibialis_anterior}\n    pressure: moderate\n    caption: c\n")),
                    technique::Rule::NotAgainstLymph),
            nullptr);
}

TEST(LessonTruth, TheSoleusStrokeRunsBehindTheInnerBorderOfTheShinBone) {
  const auto strokes = planLesson(
      lessonFrom("  - technique: thumb_stroke\n    target: {tissue: soleus}\n    path: {along: fibres, over: medial}\n    passes: 1\n    pressure: moderate\n    caption: c\n"),
      leg());
  ASSERT_FALSE(strokes.empty());
  const int soleus = leg().scene().findTissue("soleus");
  int onSoleus = 0;
  for (const StrokeSample& s : strokes.front().working) {
    onSoleus += s.beneath == soleus;
    EXPECT_LT(leg().angleAround(s.position), -60.0f) << "medial, not up the middle of the calf";
  }
  EXPECT_GE(onSoleus, int(0.8f * strokes.front().working.size()));
}

TEST(LessonTruth, AFirmStrokeAtTheFibularNeckFails) {
  const auto problems = problemsOf(lessonFrom(
      "  - technique: thumb_stroke\n    target: {tissue: fibularis_longus}\n    pressure: firm\n"
      "    path: {from: lateral_malleolus, to: fibular_head, over: lateral}\n    caption: c\n"));
  const LessonProblem* site = problem(problems, technique::Rule::EndangermentSite);
  ASSERT_NE(site, nullptr);
  EXPECT_EQ(site->step, 0);
  EXPECT_NE(site->result.message.find("fibular neck"), std::string::npos) << site->result.message;
  EXPECT_NE(site->result.message.find("not allowed there"), std::string::npos) << site->result.message;
}

TEST(LessonTruth, KneadingInThePoplitealFossaFailsEvenWhenLight) {
  const auto problems = problemsOf(lessonFrom(
      "  - technique: kneading\n    target: {tissue: gastrocnemius_medial_head}\n    pressure: light\n"
      "    path: {from: calcaneal_tuberosity, to: popliteal_fossa_centre, over: posterior}\n    caption: c\n"));
  const LessonProblem* site = problem(problems, technique::Rule::EndangermentSite);
  ASSERT_NE(site, nullptr);
  EXPECT_NE(site->result.message.find("popliteal fossa"), std::string::npos) << site->result.message;
  EXPECT_NE(site->result.message.find("any pressure"), std::string::npos) << site->result.message;
  // A light glide over the same route is allowed there.
  EXPECT_EQ(problem(problemsOf(lessonFrom("  - technique: gliding\n    target: {region: calf_posterior}\n    pressure: light\n"
                                         "    path: {from: calcaneal_tuberosity, to: popliteal_fossa_centre, over: posterior}\n    caption: c\n")),
                    technique::Rule::EndangermentSite),
            nullptr);
}

TEST(LessonTruth, ThePlannerKeepsKneadingOutOfTheFossa) {
  const auto strokes = planLesson(loadLesson(testing::lessonPath("calf_cramp")), leg());
  const anatomy::Region* fossa = leg().findRegion("popliteal_fossa");
  ASSERT_NE(fossa, nullptr);
  int kneading = 0;
  for (const Stroke& s : strokes) {
    if (s.technique->id != "kneading") continue;
    ++kneading;
    for (const StrokeSample& sample : s.working) EXPECT_FALSE(leg().inRegion(*fossa, sample.position));
  }
  EXPECT_GT(kneading, 0);
}

TEST(LessonTruth, EndangermentSitesSayWhatTheyBar) {
  const Technique& kneading = *findTechnique("kneading");
  const Technique& gliding = *findTechnique("gliding");
  for (const char* id : {"popliteal_fossa", "femoral_triangle"}) {
    const anatomy::Region* site = leg().findRegion(id);
    ASSERT_NE(site, nullptr) << id;
    EXPECT_TRUE(siteBars(*site, kneading, Pressure::Light)) << id;
    EXPECT_FALSE(siteBars(*site, gliding, Pressure::Light)) << id;
    EXPECT_TRUE(siteBars(*site, gliding, Pressure::Moderate)) << id;
  }
  for (const char* id : {"fibular_neck", "adductor_canal", "sciatic_nerve_thigh", "tarsal_tunnel"})
    EXPECT_NE(leg().findRegion(id), nullptr) << id;
  EXPECT_TRUE(siteBars(*leg().findRegion("sciatic_nerve_thigh"), *findTechnique("forearm_glide"), Pressure::Deep));
  EXPECT_FALSE(siteBars(*leg().findRegion("sciatic_nerve_thigh"), *findTechnique("forearm_glide"), Pressure::Firm));
  // The sites lie where their names say.
  EXPECT_TRUE(leg().inRegion(*leg().findRegion("fibular_neck"), around(-0.48f, 90.0f).position));
  EXPECT_TRUE(leg().inRegion(*leg().findRegion("sciatic_nerve_thigh"), around(-0.2f, 185.0f).position));
  EXPECT_FALSE(leg().inRegion(*leg().findRegion("sciatic_nerve_thigh"), around(-0.2f, 0.0f).position));
}

TEST(LessonTruth, TheLessonGuideListsEverySiteAsTheDataSaysIt) {
  const std::string guide = readFile(std::string(LEGATLAS_SOURCE_DIR) + "/docs/lessons.md");
  for (const anatomy::Region& site : leg().description().regions) {
    if (site.kind != "endangerment") continue;
    const size_t row = guide.find("| " + site.name + " | " + site.highestPressure + " |");
    EXPECT_NE(row, std::string::npos) << site.name << " at most " << site.highestPressure << " is not in docs/lessons.md";
    if (row == std::string::npos) continue;
    const std::string line = guide.substr(row, guide.find('\n', row) - row);
    for (const std::string& id : site.barredTechniques)
      EXPECT_NE(line.find(lowerFirst(std::string(findTechnique(id)->name)).substr(0, 8)), std::string::npos) << line << " lacks " << id;
  }
}

TEST(LessonTruth, ASiteBarringAnUnknownTechniqueIsNamed) {
  anatomy::Description d = builtLeg().description();
  auto site = std::find_if(d.regions.begin(), d.regions.end(), [](auto& r) { return r.kind == "endangerment"; });
  ASSERT_NE(site, d.regions.end());
  site->barredTechniques.push_back("kneeding");
  try {
    checkSiteEntries(d);
    FAIL() << "an unknown technique was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(e.file().find("regions.json"), std::string::npos) << e.what();
    EXPECT_NE(e.place().find("bars"), std::string::npos) << e.what();
    EXPECT_NE(e.fix().find("kneading"), std::string::npos) << e.what();
  }
}

// Samples down (or up) the front of the lower abdomen, a second apart per 4 cm.
std::vector<glm::vec4> abdomenPath(bool down) {
  std::vector<glm::vec4> path;
  for (int i = 0; i <= 24; ++i) {
    const float y = down ? 0.15f - 0.005f * i : 0.03f + 0.005f * i;
    path.emplace_back(around(y, -5.0f).position, 0.125f * i);
  }
  return path;
}

TEST(LessonTruth, TheLowerAbdomenDrainsDownToTheInguinalNodes) {
  const Technique* gliding = findTechnique("gliding");
  const PracticeScore down = scorePractice(leg(), {gliding, "lower_abdomen"}, abdomenPath(true));
  EXPECT_GE(down.score, 90) << down.feedback.front();
  const PracticeScore up = scorePractice(leg(), {gliding, "lower_abdomen"}, abdomenPath(false));
  EXPECT_LE(up.score, 20);
  EXPECT_NE(up.feedback.front().find("inguinal"), std::string::npos) << up.feedback.front();
  // The flow field itself points down there, toward the horizontal group.
  const SkinPoint p = around(0.1f, 0.0f);
  EXPECT_LT(leg().lymphFlow().at(p.position, p.normal).y, -0.7f);
  const auto& territories = leg().lymphFlow().territories();
  EXPECT_EQ(territories[leg().lymphFlow().territoryAt(p.position)], "superficial_inguinal_horizontal");
}

// Narrow: at most a fifth of the calf's circumference (72 degrees; the described leg's
// strip measures 60-65 degrees, moving a sample as the tissues beneath it are rebuilt),
// against the half or more the medial bundle drains.
TEST(LessonTruth, ThePoplitealTerritoryIsANarrowPosterolateralStrip) {
  const auto& flow = leg().lymphFlow();
  for (float y : {-0.7f, -0.6f, -0.52f}) {
    int popliteal = 0;
    float lowest = 999, highest = -999;
    for (float a = 90; a <= 270; a += 5) {
      const glm::vec3 p = around(y, a).position;
      if (flow.territories()[flow.territoryAt(p)] != "popliteal") continue;
      ++popliteal, lowest = std::min(lowest, a), highest = std::max(highest, a);
    }
    EXPECT_GT(popliteal, 0) << y;
    EXPECT_LE(popliteal * 5, 72) << "a strip at most 72 degrees wide at y = " << y << ", from " << lowest << " to " << highest;
    EXPECT_GE(lowest, 110.0f) << y;
    EXPECT_LE(highest, 185.0f) << "the medial back of the calf drains to the groin, y = " << y;
  }
}

TEST(LessonTruth, EveryBuiltInStepHasAPositionAndNoLessonTurnsTheClientMoreThanTwice) {
  for (const std::string& name : testing::builtInLessons()) {
    const Lesson lesson = loadLesson(testing::lessonPath(name));
    for (size_t i = 0; i < lesson.steps.size(); ++i) EXPECT_TRUE(lesson.steps[i].position.has_value()) << name << " step " << i + 1;
    const auto strokes = planLesson(lesson, leg());
    EXPECT_LE(turnsOf(stepPositions(lesson, strokes)), kMostTurns) << name;
    EXPECT_TRUE(lessonWarnings(lesson, strokes).empty()) << name;
    EXPECT_TRUE(lesson.sessionMinutes.has_value()) << name;
  }
}

TEST(LessonTruth, ALessonThatKeepsTurningTheClientIsWarned) {
  const std::string front = "  - technique: gliding\n    target: {region: leg_anterior}\n    caption: c\n";
  const std::string back = "  - technique: gliding\n    target: {region: calf_posterior}\n    caption: c\n";
  const Lesson lesson = lessonFrom(front + back + front + back);
  const auto strokes = planLesson(lesson, leg());
  const auto positions = stepPositions(lesson, strokes);
  ASSERT_EQ(positions.size(), 4u);
  EXPECT_EQ(positions[0], ClientPosition::Supine);
  EXPECT_EQ(positions[1], ClientPosition::Prone);
  const auto warnings = lessonWarnings(lesson, strokes);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings.front().find("turns 3 times"), std::string::npos) << warnings.front();
}

glm::vec3 stop(const std::string& name) {
  const char* id = name == "toes" ? "lesser_toes_dorsum" : name == "ankle" ? "ankle_joint_centre" : name == "knee" ? "knee_joint_centre" : "saphenous_opening";
  return *leg().namedPoint(id);
}

TEST(LessonTruth, EveryStepWithASequenceIsPlannedInThatOrder) {
  int sequenced = 0;
  for (const std::string& name : testing::builtInLessons()) {
    const Lesson lesson = loadLesson(testing::lessonPath(name));
    const auto strokes = planLesson(lesson, leg());
    for (size_t i = 0; i < lesson.steps.size(); ++i) {
      if (!lesson.steps[i].sequence) continue;
      ++sequenced;
      const glm::vec3 from = stop(lesson.steps[i].sequence->from), to = stop(lesson.steps[i].sequence->to);
      const glm::vec3 way = glm::normalize(to - from);
      std::vector<float> places;
      for (const Stroke& s : strokes)
        if (s.step == static_cast<int>(i)) places.push_back(glm::dot(s.working.front().position - from, way));
      ASSERT_GE(places.size(), 2u) << name << " step " << i + 1;
      for (size_t k = 1; k < places.size(); ++k)
        EXPECT_GE(places[k], places[k - 1] - 0.005f) << name << " step " << i + 1 << " pass " << k + 1 << " steps back";
      EXPECT_GT(places.back() - places.front(), 0.04f) << name << " step " << i + 1 << ": the passes do not move along";
    }
  }
  EXPECT_GE(sequenced, 3);
}

TEST(LessonTruth, TheCalfStretchHoldsThePalmOnTheSoleWithTheOtherHandAtTheHeel) {
  const Lesson cramp = loadLesson(testing::lessonPath("calf_cramp"));
  ASSERT_EQ(cramp.steps.front().technique->id, "passive_stretch") << "the first-line response comes first";
  const auto strokes = planLesson(cramp, leg());
  ASSERT_EQ(strokes.front().technique->contact, Contact::HeelAndSole);
  const StrokeSample& on = strokes.front().working.front();
  EXPECT_LT(on.normal.y, -0.7f) << "the palm is on the sole, pushing it up toward the shin";
  EXPECT_GE(strokes.front().working.back().time - strokes.front().working.front().time, 20.0f) << "held, not bounced";
  const Pose pose = poseAt(strokes, strokes.front().start() + 1.0f);
  float heelHand = 0;
  for (const PosedPart& p : pose.parts) heelHand = std::max(heelHand, on.position.z - p.centre.z);
  EXPECT_GT(heelHand, 0.1f) << "a second hand cups the heel, behind the ball of the foot";
}

TEST(LessonTruth, TheEdemaScoopTurnsTowardTheInnerKnee) {
  const auto strokes = planLesson(lessonFrom("  - technique: mld_scoop\n    target: {region: calf_posterior}\n    passes: 1\n    caption: c\n"), leg());
  ASSERT_FALSE(strokes.empty());
  int inward = 0;
  for (const Stroke& s : strokes) inward += s.working.back().position.x < s.working.front().position.x;
  EXPECT_GT(inward, int(strokes.size()) / 2);
}

}  // namespace
}  // namespace legatlas::technique
