// The viewer's edema simulation without a window: a lesson about swelling turns it on,
// the lesson's strokes act as it plays and stepping back puts the swelling back as it
// was, and a student's practice stroke acts as it is drawn (toward the foot, it pushes
// the fluid down to the ankle).
#include <gtest/gtest.h>

#include <memory>

#include "anatomy/tissue_map.h"
#include "generated_leg.h"
#include "scene/model_loader.h"
#include "teaching/lesson_library.h"
#include "teaching/lesson_playback.h"
#include "ui/simulation_mode.h"

using namespace legatlas;

namespace {

const teaching::Leg& builtLeg() {
  static const std::unique_ptr<teaching::Leg> leg = [] {
    const std::string glb = LEGATLAS_BUILT_LEG;
    const anatomy::TissueMap map = anatomy::TissueMap::load(glb.substr(0, glb.size() - 4) + ".tissues.json");
    return std::make_unique<teaching::Leg>(scene::loadModel(glb, &map), legatlas::testing::leg());
  }();
  return *leg;
}

std::unique_ptr<ui::SimulationMode> simulating() {
  auto mode = std::make_unique<ui::SimulationMode>();
  ui::Stage stage;
  stage.scene = &builtLeg().scene();
  stage.leg = &builtLeg();
  mode->setLeg(stage);
  EXPECT_FALSE(mode->on()) << "off until asked";
  mode->lessonOpened(technique::loadLesson(teaching::lessonFile("edema")));
  EXPECT_TRUE(mode->on()) << "a lesson about swelling turns it on";
  return mode;
}

double fluidBelow(const teaching::EdemaSession& session, float y) {
  const auto& skin = session.model().fluid().skin();
  double ml = 0;
  for (size_t i = 0; i < skin.size(); ++i)
    if (skin.positions[i].y < y) ml += session.model().fluid().excess()[i];
  return ml;
}

TEST(SimulationMode, TheLessonActsAsItPlaysAndSteppingBackPutsTheSwellingBack) {
  const auto mode = simulating();
  ASSERT_NE(mode->swelling(), nullptr);
  const teaching::LessonPlayback playback = teaching::planPlayback("edema", builtLeg().model());
  const double start = mode->session()->model().fluid().held();
  const int version = mode->swelling()->version;
  for (float t = 0; t < playback.stepStart(11); t += 1.0f / 30.0f) mode->followLesson(&playback, t);
  const double played = mode->session()->model().fluid().held();
  EXPECT_LT(played, 0.9 * start) << "ten steps of the edema lesson drain the leg";
  EXPECT_GT(mode->swelling()->version, version) << "the skin is drawn again";
  EXPECT_GT(mode->session()->history().size(), 20u) << "the plot has the session's course";
  mode->followLesson(&playback, playback.stepStart(2));
  EXPECT_GT(mode->session()->model().fluid().held(), played) << "back at step 3, the swelling as it was then";
  EXPECT_LT(mode->session()->model().fluid().held(), start + 1e-9);
  mode->reset();
  EXPECT_DOUBLE_EQ(mode->session()->model().fluid().held(), start);
  EXPECT_EQ(mode->session()->history().size(), 1u);
}

TEST(SimulationMode, APracticeStrokeActsAsItIsDrawn) {
  const auto mode = simulating();
  const technique::LegModel& leg = builtLeg().model();
  const float ankle = mode->session()->ankleHeight();
  const double before = fluidBelow(*mode->session(), ankle + 0.03f);
  // A lymph-drainage pump drawn down the front of the shin, toward the foot.
  teaching::PracticeSession practice;
  practice.arm(technique::findTechnique("mld_pump"), "leg_anterior");
  for (int i = 0; i <= 30; ++i) {
    const float y = ankle + 0.2f - 0.17f * float(i) / 30.0f;
    const glm::vec3 centre = leg.limbCentre(y);
    const technique::SkinPoint hit = leg.skinToward(centre, glm::vec3(0.0f, 0.0f, 1.0f));
    if (i == 0) practice.press(0.0, hit);
    else practice.move(0.1 * i, hit);
    mode->followPractice(practice);
  }
  EXPECT_GT(fluidBelow(*mode->session(), ankle + 0.03f), before) << "the student pushed fluid down to the ankle";
  EXPECT_GT(mode->session()->model().seconds(), 120.0) << "three drawn seconds count as minutes of work";
}

}  // namespace
