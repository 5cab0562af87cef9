// The therapist's hands on the default leg, the measured female, over every built-in
// lesson (technique/hand_sweep.h): the leg a student sees first, whose skin is measured,
// not drawn from the description.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../technique/hand_sweep.h"
#include "measured_fixture.h"
#include "teaching/therapist_hands.h"

namespace legatlas::measured_test {
namespace {

std::vector<std::string> lessonNames() {
  std::vector<std::string> names;
  for (const auto& file : builtInLessons()) names.push_back(file.stem().string());
  return names;
}

class MeasuredHands : public ::testing::TestWithParam<std::string> {};

TEST_P(MeasuredHands, LieOnTheSkinWithoutSinkingFingersLeadingKneadingInTurn) {
  const PlannedLessons& plan = planned("female");
  static const std::shared_ptr<const technique::HandPlacer> hands = teaching::openHandPlacer(plan.model());
  const auto found = std::find_if(plan.lessons.begin(), plan.lessons.end(),
                                  [](const auto& planned) { return planned.first.id == GetParam(); });
  ASSERT_NE(found, plan.lessons.end()) << GetParam();
  legatlas::testing::expectHandsHold(legatlas::testing::HandSweep(plan.model(), hands).play(found->second, GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Female, MeasuredHands, ::testing::ValuesIn(lessonNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace legatlas::measured_test
