// The edema simulation on a built-in leg: what the edema lesson does to a swollen ankle
// and lower leg, played as written, with every stroke reversed, and with its steps from
// the groin down or from the foot up; pressure; conservation; the tape; the conditions.
// Compiled into the described leg's tests and (LEGATLAS_SIMULATE_ON_MEASURED) the
// measured female leg's, the leg `make run` opens.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "teaching/edema_lesson.h"
#include "teaching/lesson_library.h"
#include "technique/stroke_planner.h"
#ifdef LEGATLAS_SIMULATE_ON_MEASURED
#include "../measured/measured_fixture.h"
#else
#include "built_leg.h"
#endif

namespace legatlas::teaching {
namespace {

const Leg& leg() {
#ifdef LEGATLAS_SIMULATE_ON_MEASURED
  return *measured_test::planned("female").leg;
#else
  return testing::builtLeg();
#endif
}

const technique::Lesson& edemaLesson() {
  static const technique::Lesson lesson = technique::loadLesson(lessonFile("edema"));
  return lesson;
}

const SimulationReport& edema(const SimulationOptions& how) {
  static std::map<std::pair<bool, StepOrder>, SimulationReport> reports;
  const auto key = std::make_pair(how.reverse, how.order);
  auto found = reports.find(key);
  if (found == reports.end())
    found = reports.emplace(key, simulateLesson(leg(), edemaLesson(), findCondition("ankle_lower_leg"), how)).first;
  return found->second;
}

// Millilitres in the tissue below a height.
double fluidBelow(const simulation::EdemaModel& model, float y) {
  double ml = 0;
  for (size_t i = 0; i < model.fluid().skin().size(); ++i)
    if (model.fluid().skin().positions[i].y < y) ml += model.fluid().excess()[i];
  return ml;
}

TEST(EdemaSimulation, TheEdemaLessonDrainsAClearShareOfASwollenLowerLeg) {
  const SimulationReport& forward = edema({});
  EXPECT_GT(forward.removedShare(), 0.25) << "removed " << forward.removedShare() * 100 << " %";
  EXPECT_LT(forward.steps.back().tapeExcessMl, 0.8 * forward.startTapeExcessMl) << "the tape shows it too";
  // Every step leaves less in the tissue than there was before it.
  double before = forward.startMl;
  for (const SimulatedStep& s : forward.steps) {
    EXPECT_LE(s.tissueMl, before + 1e-9) << "step " << s.step + 1;
    before = s.tissueMl;
  }
}

TEST(EdemaSimulation, TheSameStrokesReversedRemoveLessThanAThird) {
  const SimulationReport &forward = edema({}), &reversed = edema({true, StepOrder::AsWritten});
  EXPECT_LT(reversed.removedShare(), forward.removedShare() / 3.0)
      << "reversed " << reversed.removedShare() * 100 << " %, forward " << forward.removedShare() * 100 << " %";
}

TEST(EdemaSimulation, ClearingFromTheGroinDownRemovesMoreThanFromTheFootUp) {
  const SimulationReport &proximal = edema({false, StepOrder::ProximalFirst}),
                         &distal = edema({false, StepOrder::DistalFirst});
  ASSERT_NEAR(proximal.steps.back().sessionMinutes, distal.steps.back().sessionMinutes, 0.1) << "the same time";
  EXPECT_GT(proximal.removedShare(), distal.removedShare() + 0.1)
      << "proximal-first " << proximal.removedShare() * 100 << " %, distal-first " << distal.removedShare() * 100 << " %";
}

TEST(EdemaSimulation, FluidIsConservedOverAWholeLesson) {
  for (const SimulationOptions& how : {SimulationOptions{}, SimulationOptions{true, StepOrder::DistalFirst}}) {
    const SimulationReport& r = edema(how);
    EXPECT_LT(std::abs(r.unaccountedMl), 0.001 * r.startMl) << r.unaccountedMl << " ml unaccounted for";
  }
}

TEST(EdemaSimulation, AVeryLightHandMovesMoreFluidIntoTheLymphaticsThanAFirmOne) {
  technique::Lesson firm = edemaLesson();
  for (technique::LessonStep& step : firm.steps) step.pressure = technique::Pressure::Firm;
  const SimulationReport pressed = simulateLesson(leg(), firm, findCondition("ankle_lower_leg"));
  const SimulationReport& light = edema({});
  EXPECT_GT(light.steps.back().takenUpMl, 2.0 * pressed.steps.back().takenUpMl)
      << light.steps.back().takenUpMl << " ml taken up under a very light hand, " << pressed.steps.back().takenUpMl
      << " ml under a firm one";
}

TEST(EdemaSimulation, AStrokeTowardTheFootRaisesTheDistalExcess) {
  // The edema lesson's pumps down the front of the leg, played backwards: toward the foot.
  const technique::Lesson& lesson = edemaLesson();
  const auto pumps = std::find_if(lesson.steps.begin(), lesson.steps.end(), [](const technique::LessonStep& s) {
    return s.technique->id == "mld_pump" && s.target.ids.front() == "leg_anterior";
  });
  ASSERT_NE(pumps, lesson.steps.end());
  technique::Lesson oneStep = lesson;
  oneStep.steps = {*pumps};
  const auto strokes = technique::planLesson(oneStep, leg().model());
  EdemaSession towardFoot(leg().model(), findCondition("ankle_lower_leg")),
      towardGroin(leg().model(), findCondition("ankle_lower_leg"));
  const float ankle = towardFoot.ankleHeight();
  const double before = fluidBelow(towardFoot.model(), ankle + 0.04f);
  const simulation::StrokesOnTissue down(reversedStrokes(strokes), simulation::sessionScale(oneStep, strokes));
  const simulation::StrokesOnTissue up(strokes, simulation::sessionScale(oneStep, strokes));
  towardFoot.play(down, 0.0f, down.end());
  towardGroin.play(up, 0.0f, up.end());
  EXPECT_GT(fluidBelow(towardFoot.model(), ankle + 0.04f), before) << "pushed down to the ankle";
  EXPECT_LT(fluidBelow(towardGroin.model(), ankle + 0.04f), fluidBelow(towardFoot.model(), ankle + 0.04f));
}

TEST(EdemaSimulation, TheTapeMeasuresTheSwelling) {
  EdemaSession session(leg().model(), findCondition("ankle_lower_leg"));
  const auto tape = session.tape();
  ASSERT_GE(tape.size(), 12u) << "marks every 4 cm from the ankle to the buttock's fold";
  for (const simulation::TapeMark& m : tape) EXPECT_GT(m.circumference, 0.15) << m.aboveAnkle;
  // The tape's excess volume is about the fluid between its first and last marks.
  double between = 0;
  const auto& skin = session.model().fluid().skin();
  for (size_t i = 0; i < skin.size(); ++i)
    if (skin.positions[i].y >= tape.front().height && skin.positions[i].y <= tape.back().height)
      between += session.model().fluid().excess()[i];
  EXPECT_GT(session.tapeExcessMl(tape), 0.6 * between);
  EXPECT_LT(session.tapeExcessMl(tape), 1.4 * between);
  // The swollen circumference above the ankle exceeds the unswollen one by about 2π times the swelling.
  simulation::TissueFluid dry(skin);
  const auto unswollen = simulation::measureWithTape(skin, skin.positions, tape.front().height, tape.back().height);
  EXPECT_GT(tape[2].circumference, unswollen[2].circumference + 0.01) << "8 cm above the ankle, over 1 cm more";
  EXPECT_NEAR(tape.back().circumference, unswollen.back().circumference, 0.002) << "the thigh is not swollen";
}

TEST(EdemaSimulation, EveryConditionPutsItsFluidWhereItSays) {
  const technique::LegModel& model = leg().model();
  const auto perArea = [&](const EdemaSession& s, float y0, float y1, const char* region) {
    const auto& skin = s.model().fluid().skin();
    const anatomy::Region* r = region ? model.findRegion(region) : nullptr;
    double ml = 0, area = 0;
    for (size_t i = 0; i < skin.size(); ++i) {
      if (skin.positions[i].y < y0 || skin.positions[i].y > y1 || (r && !model.inRegion(*r, skin.positions[i]))) continue;
      ml += s.model().fluid().excess()[i];
      area += skin.areas[i];
    }
    return area > 0 ? ml / area : 0.0;
  };
  const float ankle = model.namedPoint("medial_malleolus")->y, knee = model.namedPoint("tibial_tuberosity")->y;
  const float midThigh = model.namedPoint("linea_aspera_middle")->y;
  for (const simulation::Condition& c : builtInConditions()) {
    EdemaSession s(model, c);
    EXPECT_NEAR(s.startMl(), c.excessMl, 1e-6 * c.excessMl) << c.id;
  }
  const EdemaSession ankleSwelling(model, findCondition("ankle_lower_leg"));
  EXPECT_GT(perArea(ankleSwelling, ankle, ankle + 0.05f, nullptr), 4.0 * perArea(ankleSwelling, knee - 0.03f, knee + 0.03f, nullptr));
  EXPECT_EQ(perArea(ankleSwelling, midThigh - 0.05f, midThigh + 0.05f, nullptr), 0.0);
  const EdemaSession calf(model, findCondition("post_exercise_calf"));
  const float midCalf = 0.5f * (ankle + knee);
  EXPECT_GT(perArea(calf, midCalf - 0.05f, midCalf + 0.05f, "calf_posterior"),
            2.0 * perArea(calf, midCalf - 0.05f, midCalf + 0.05f, "leg_anterior"));
  const EdemaSession whole(model, findCondition("whole_limb"));
  EXPECT_GT(perArea(whole, midThigh - 0.05f, midThigh + 0.05f, nullptr), 0.3 * perArea(whole, ankle, ankle + 0.05f, nullptr));
}

TEST(EdemaSimulation, AnUnknownConditionIsRefusedWithTheChoices) {
  try {
    findCondition("ankle_swelling");
    FAIL() << "accepted an unknown condition";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("ankle_lower_leg"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace legatlas::teaching
