// The therapist's hands on the leg the build generates, over every built-in lesson
// (hand_sweep.h); the hands each technique uses, and the pose file read as the other
// readers are.
#include <gtest/gtest.h>

#include <algorithm>
#include <glm/geometric.hpp>

#include "built_leg.h"
#include "hand_sweep.h"
#include "core/error.h"
#include "teaching/therapist_hands.h"
#include "technique/animator.h"
#include "technique/hand_placement.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;

std::shared_ptr<const HandPlacer> placerShared() {
  static const std::shared_ptr<const HandPlacer> hands = teaching::openHandPlacer(builtLeg().model());
  return hands;
}
const HandPlacer& placer() { return *placerShared(); }

class HandsInEveryLesson : public ::testing::TestWithParam<std::string> {};

TEST_P(HandsInEveryLesson, LieOnTheSkinWithoutSinkingFingersLeadingKneadingInTurn) {
  const std::string lesson = GetParam();
  const std::vector<Stroke> strokes = planLesson(loadLesson(testing::lessonPath(lesson)), builtLeg().model());
  testing::expectHandsHold(testing::HandSweep(builtLeg().model(), placerShared()).play(strokes, lesson));
}

INSTANTIATE_TEST_SUITE_P(BuiltIn, HandsInEveryLesson, ::testing::ValuesIn(testing::builtInLessons()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(HandPoses, EveryTechniqueOfTheCatalogueHasItsHands) {
  const HandPoseBook& book = placer().book();
  for (const Technique& t : catalogue()) {
    const TechniqueHands* hands = book.find(t.id);
    ASSERT_NE(hands, nullptr) << t.id;
    EXPECT_EQ(hands->hands.empty(), t.contact == Contact::Pad) << t.id << ": only the heat pad rests without a hand";
  }
  EXPECT_EQ(book.find("kneading")->hands.size(), 2u) << "two hands grip in turn";
  EXPECT_EQ(book.find("thumb_stroke")->hands.size(), 2u) << "the other hand steadies the limb";
  EXPECT_EQ(book.find("thumb_stroke")->hands.front().patch, ContactPatch::ThumbPad);
  EXPECT_EQ(book.find("forearm_glide")->hands.front().patch, ContactPatch::ForearmBorder);
}

void expectRefused(const std::string& text, const std::string& place, const std::string& words) {
  try {
    parseHandPoses(text, "poses.yaml");
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "poses.yaml");
    EXPECT_NE(e.place().find(place), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(HandPoses, AMistakeIsReportedWithTheLineTheFieldAndTheFix) {
  const std::string hand = "  gliding:\n    - hand: right\n      patch: palm\n      lead: fingers\n";
  expectRefused("techniques:\n  gliding_x: []\n", "line 2", "did you mean 'gliding'");
  expectRefused("techniques:\n" + hand + "      phases: {working: {fingers: [5, 5]}}\n", "line 6", "'fingers' must be a list of 3 numbers");
  expectRefused("techniques:\n" + hand + "      phases: {working: {fingers: [5, 5, 500]}}\n", "fingers[2]", "degrees");
  expectRefused("techniques:\n" + hand + "      phases: {working: {fingrs: [5, 5, 5]}}\n", "line 6", "did you mean 'fingers'");
  expectRefused("techniques:\n  gliding:\n    - hand: right\n      patch: plam\n      lead: fingers\n      phases: {working: {}}\n",
                "line 4", "did you mean 'palm'");
  expectRefused("techniques:\n" + hand, "phases", "working phase");
  expectRefused("techniques: [", "line", "not readable as YAML");
}

TEST(HandPoses, AFlexedKnuckleBendsTheFingerTowardThePalm) {
  const HandRig& rig = placer().rig(HandSide::Right);
  JointAngles bent;
  bent.fingers[1] = {60, 0, 0};
  const std::vector<glm::mat4> bones = rig.boneMatrices(poseOf(rig, bent));
  const size_t tip = rig.boneNamed("finger3-3");
  const glm::vec3 rest = rig.bones[tip].tail, moved = glm::vec3(bones[tip] * glm::vec4(rest, 1.0f));
  EXPECT_LT(moved.z, rest.z - 0.03f) << "toward the palm, -Z";
  const glm::vec3 index = rig.bones[rig.boneNamed("finger2-3")].tail;
  EXPECT_EQ(glm::vec3(bones[rig.boneNamed("finger2-3")] * glm::vec4(index, 1.0f)), index) << "the index stays";
}

}  // namespace
}  // namespace legatlas::technique
