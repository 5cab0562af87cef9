// The therapist's hands on the leg, over every built-in lesson played at ten frames a
// second: the contact patch on the skin, nothing sunk into it, the gliding hand's fingers
// leading, the kneading hands taking turns; and the pose file read as the other readers are.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <map>
#include <tuple>

#include "built_leg.h"
#include "core/error.h"
#include "teaching/therapist_hands.h"
#include "technique/animator.h"
#include "technique/hand_placement.h"
#include "technique/hand_track.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

using testing::builtLeg;

constexpr float kFramesPerSecond = 10.0f;
constexpr float kPatchOnSkin = 0.003f;
constexpr float kMostFingerTurnDegrees = 30.0f;

std::shared_ptr<const HandPlacer> placerShared() {
  static const std::shared_ptr<const HandPlacer> hands = teaching::openHandPlacer(builtLeg().model());
  return hands;
}
const HandPlacer& placer() { return *placerShared(); }

// How far p lies outside the skin, measured on the leg itself (negative inside).
float aboveSkin(const glm::vec3& p) {
  const SkinPoint s = builtLeg().model().skinNear(p);
  const float d = glm::length(p - s.position);
  return glm::dot(p - s.position, s.normal) >= 0 ? d : -d;
}

glm::vec3 placed(const PlacedHand& h, const glm::vec3& p) { return glm::vec3(h.placement * glm::vec4(p, 1.0f)); }

// Vertices in runs of nearby ones (by cells `cell` metres wide, in the rest pose).
std::vector<std::vector<uint32_t>> nearbyRuns(const HandRig& rig, const std::vector<uint32_t>& vertices, float cell) {
  std::map<std::tuple<int, int, int>, std::vector<uint32_t>> cells;
  for (uint32_t v : vertices) {
    const glm::ivec3 c(glm::floor(rig.mesh.positions[v] / cell));
    cells[{c.x, c.y, c.z}].push_back(v);
  }
  std::vector<std::vector<uint32_t>> runs;
  for (auto& [at, run] : cells) runs.push_back(std::move(run));
  return runs;
}

// The lowest height above the skin of any of the runs' points (negative inside), measured
// run by run from the one nearest the skin: a run all of whose points must lie higher than
// the lowest found so far (its middle's height less its radius) is passed over.
float lowestAboveSkin(const std::vector<glm::vec3>& points, const std::vector<std::vector<uint32_t>>& runs) {
  std::vector<std::pair<float, size_t>> order;  // (lowest a point of the run can be, run)
  for (size_t r = 0; r < runs.size(); ++r) {
    glm::vec3 centre(0.0f);
    for (uint32_t v : runs[r]) centre += points[v];
    centre /= float(runs[r].size());
    float radius = 0;
    for (uint32_t v : runs[r]) radius = std::max(radius, glm::distance(centre, points[v]));
    order.emplace_back(aboveSkin(centre) - radius, r);
  }
  std::sort(order.begin(), order.end());
  float lowest = 1.0f;
  for (const auto& [bound, r] : order) {
    if (bound >= lowest) break;
    for (uint32_t v : runs[r]) lowest = std::min(lowest, aboveSkin(points[v]));
  }
  return lowest;
}

std::vector<glm::vec3> placedVertices(const PlacedHand& hand) {
  std::vector<glm::vec3> points = placer().rig(hand.side).skinned(hand.pose).positions;
  for (glm::vec3& p : points) p = placed(hand, p);
  return points;
}

// The deepest any vertex of the posed, placed hand lies inside the skin.
float deepestInside(const PlacedHand& hand) {
  static const std::vector<std::vector<uint32_t>> runs = [] {
    const HandRig& rig = placer().rig(HandSide::Right);  // the left's vertices lie alike, mirrored
    std::vector<uint32_t> all(rig.mesh.positions.size());
    for (uint32_t v = 0; v < all.size(); ++v) all[v] = v;
    return nearbyRuns(rig, all, 0.02f);
  }();
  return lowestAboveSkin(placedVertices(hand), runs);
}

// How far the deepest vertex of the hand's contact patch lies from where it should rest:
// the skin pressed in by the hand's dent, or raised by what it rests on.
float patchOffSkin(const PlacedHand& hand) {
  static std::map<std::pair<HandSide, ContactPatch>, std::vector<std::vector<uint32_t>>> runsOf;
  auto found = runsOf.find({hand.side, hand.patch});
  if (found == runsOf.end())
    found = runsOf.emplace(std::make_pair(hand.side, hand.patch),
                           nearbyRuns(placer().rig(hand.side), placer().patchVertices(hand.side, hand.patch), 0.01f)).first;
  return lowestAboveSkin(placedVertices(hand), found->second) - (hand.above - hand.press);
}

glm::vec3 middleFinger(const PlacedHand& hand) {
  const HandRig& rig = placer().rig(hand.side);
  const std::vector<glm::mat4> bones = rig.boneMatrices(hand.pose);
  const size_t metacarpal = rig.boneNamed("metacarpal2"), tip = rig.boneNamed("finger3-3");  // the middle finger's
  const glm::vec3 from = glm::vec3(bones[metacarpal] * glm::vec4(rig.bones[metacarpal].head, 1.0f));
  const glm::vec3 to = glm::vec3(bones[tip] * glm::vec4(rig.bones[tip].tail, 1.0f));
  return placed(hand, to) - placed(hand, from);
}

// The worst of a measure over a lesson, and where it was; with the worst per technique.
struct Worst {
  float value = 0;
  std::string where;
  std::map<std::string, float> byTechnique;
  void keep(float v, const std::string& at, const std::string& technique) {
    if (where.empty() || v > value) value = v, where = at;
    float& worst = byTechnique.try_emplace(technique, v).first->second;
    worst = std::max(worst, v);
  }
  std::string each() const {
    std::string text;
    for (const auto& [technique, v] : byTechnique) text += " " + technique + " " + std::to_string(v);
    return text;
  }
};

struct LessonFindings {
  Worst patchOff, sunk, fingerTurn;
  int frames = 0, kneadingFrames = 0, bothGripping = 0;
  float mostGrip[2] = {0, 0};
};

LessonFindings playWithHands(const std::string& lesson) {
  const std::vector<Stroke> strokes = planLesson(loadLesson(testing::lessonPath(lesson)), builtLeg().model());
  LessonFindings found;
  const float end = lessonDuration(strokes);
  // As a student sees them: through the track, which blends the hands between the moments
  // it solves (tenths of a second from each stroke's start, so the frames here fall
  // anywhere between them).
  const HandTrack track(placerShared(), strokes);
  for (int frame = 0; frame <= int(end * kFramesPerSecond); ++frame) {
    const float time = (float(frame) + 0.5f) / kFramesPerSecond;
    Pose pose = poseAt(strokes, time);
    track.place(time, pose);
    const ContactPoint& c = pose.contact;
    if (c.stroke < 0 || pose.hands.empty()) continue;
    ++found.frames;
    const Stroke& s = strokes[size_t(c.stroke)];
    const std::string at = lesson + " step " + std::to_string(s.step + 1) + " (" + std::string(s.technique->id) +
                           ") at " + std::to_string(time) + " s";
    const bool pressing = c.active && c.working;
    for (const PlacedHand& hand : pose.hands) {
      const std::string technique(s.technique->id);
      found.sunk.keep(-deepestInside(hand) - pose.press, at, technique);
      if (pressing) found.patchOff.keep(std::abs(patchOffSkin(hand)), at, technique);
    }
    if (pressing && s.technique->id == "gliding") {
      const glm::vec3 finger = middleFinger(pose.hands.front());
      const glm::vec3 inPlane = glm::normalize(finger - c.normal * glm::dot(finger, c.normal));
      found.fingerTurn.keep(glm::degrees(std::acos(std::clamp(glm::dot(inPlane, c.direction), -1.0f, 1.0f))), at, "gliding");
    }
    if (pressing && s.technique->contact == Contact::TwoHands && pose.hands.size() == 2) {
      ++found.kneadingFrames;
      found.bothGripping += pose.hands[0].grip > 0.5f && pose.hands[1].grip > 0.5f;
      for (int h = 0; h < 2; ++h) found.mostGrip[h] = std::max(found.mostGrip[h], pose.hands[size_t(h)].grip);
    }
  }
  return found;
}

class HandsInEveryLesson : public ::testing::TestWithParam<std::string> {};

TEST_P(HandsInEveryLesson, LieOnTheSkinWithoutSinkingFingersLeadingKneadingInTurn) {
  const LessonFindings found = playWithHands(GetParam());
  ASSERT_GT(found.frames, 0) << "no hands were placed";
  EXPECT_LE(found.patchOff.value, kPatchOnSkin) << "the contact patch is off the skin by " << found.patchOff.value * 1000
                                                << " mm in " << found.patchOff.where << "; worst by technique (m):" << found.patchOff.each();
  EXPECT_LE(found.sunk.value, kHandSinkAllowance) << "a part of the hand lies " << found.sunk.value * 1000
                                                  << " mm deeper in the skin than the dent, in " << found.sunk.where << "; worst by technique (m):" << found.sunk.each();
  if (!found.fingerTurn.where.empty()) {
    EXPECT_LE(found.fingerTurn.value, kMostFingerTurnDegrees)
        << "the middle finger points " << found.fingerTurn.value << " degrees off the stroke in " << found.fingerTurn.where;
  }
  if (found.kneadingFrames > 0) {
    EXPECT_EQ(found.bothGripping, 0) << "both hands squeeze at once in " << found.bothGripping << " frames";
    EXPECT_GT(found.mostGrip[0], 0.9f) << "the first hand never squeezes";
    EXPECT_GT(found.mostGrip[1], 0.9f) << "the second hand never squeezes";
  }
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
