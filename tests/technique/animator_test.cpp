// The hands follow the planned strokes: where, which way, how deep, and posed per technique.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "built_leg.h"
#include "technique/animator.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;
using testing::lessonFrom;

std::vector<Stroke> plan(const std::string& steps) { return planLesson(lessonFrom(steps), builtLeg().model()); }

// How far p lies outside the skin (negative inside).
float aboveSkin(const glm::vec3& p) {
  const SkinPoint s = builtLeg().model().skinNear(p);
  return glm::dot(p - s.position, s.normal);
}

TEST(Animator, TheContactFollowsTheWorkingPathThenReturns) {
  const auto strokes = plan("  - technique: gliding\n    target: {region: leg_anterior}\n    passes: 2\n    caption: c\n");
  ASSERT_EQ(strokes.size(), 2u);
  const Stroke& s = strokes[0];
  const StrokeSample& middle = s.working[s.working.size() / 2];
  const ContactPoint c = contactAt(strokes, middle.time);
  EXPECT_TRUE(c.active);
  EXPECT_TRUE(c.working);
  EXPECT_LT(glm::length(c.position - middle.position), 0.006f);
  EXPECT_GT(c.direction.y, 0.5f) << "travelling up the shin";
  EXPECT_NEAR(c.progress, (middle.time - s.start()) / (s.working.back().time - s.start()), 0.05f);
  const ContactPoint back = contactAt(strokes, s.back[s.back.size() / 2].time);
  EXPECT_FALSE(back.working);
  EXPECT_GT(back.direction.y, 0.5f) << "the hand keeps facing the way the stroke goes";
  EXPECT_EQ(contactAt(strokes, strokes[1].start() + 0.01f).stroke, 1);
}

TEST(Animator, HandsRestOnTheSkinAndPressItInByThePressure) {
  const auto light = plan("  - technique: gliding\n    target: {region: thigh_anterior}\n    passes: 1\n    caption: c\n");
  const auto deep = plan("  - technique: thumb_stroke\n    target: {tissue: tibialis_anterior}\n    passes: 1\n    caption: c\n");
  for (const auto* strokes : {&light, &deep}) {
    const Stroke& s = strokes->front();
    const float t = s.working[s.working.size() / 2].time;
    const Pose pose = poseAt(*strokes, t);
    ASSERT_GE(pose.parts.size(), 5u) << "palm, fingers and thumb";
    ASSERT_FALSE(pose.dents.empty());
    EXPECT_FLOAT_EQ(pose.dents.front().depth, dentDepth(s.pressure));
    for (const PosedPart& part : pose.parts) {
      EXPECT_LT(glm::length(part.centre - pose.contact.position), 0.25f) << "a part of the hand at the contact";
      EXPECT_GT(aboveSkin(part.centre), -0.004f - dentDepth(s.pressure)) << "inside the leg";
    }
  }
  EXPECT_GT(dentDepth(Pressure::Deep), dentDepth(Pressure::Light));
}

TEST(Animator, KneadingLiftsTheSkinOnAlternateSides) {
  const auto strokes = plan("  - technique: kneading\n    target: {tissue: gastrocnemius_medial_head}\n    passes: 1\n    caption: c\n");
  const Stroke& s = strokes.front();
  const float start = s.start() + 1.0f;
  const Pose first = poseAt(strokes, start + 0.25f), second = poseAt(strokes, start + 0.75f);
  ASSERT_FALSE(first.dents.empty());
  ASSERT_FALSE(second.dents.empty());
  EXPECT_LT(first.dents.front().depth, -0.004f) << "lifted";
  EXPECT_LT(second.dents.front().depth, -0.004f);
  EXPECT_GT(glm::length(first.dents.front().centre - second.dents.front().centre), 0.02f) << "on the other side";
}

TEST(Animator, HeatRestsAPadWithoutHands) {
  const auto strokes = plan("  - technique: heat\n    target: {tissue: soleus}\n    duration_s: 60\n    caption: c\n");
  const Pose pose = poseAt(strokes, strokes.front().start() + 30.0f);
  ASSERT_EQ(pose.parts.size(), 1u);
  EXPECT_EQ(pose.parts.front().material, PosedPart::Material::Pad);
  EXPECT_GT(lessonDuration(strokes), 59.0f);
}

}  // namespace
}  // namespace legatlas::technique
