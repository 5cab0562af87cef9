#include "hand_sweep.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <mutex>
#include <tuple>

#include "technique/hand_track.h"

namespace legatlas::testing {
namespace {

using namespace technique;

// Ten frames a second, as the checks ask; the sanitized build looks at fewer (the
// same code runs, at a fraction of the time the sanitizers would take over every tenth).
#ifndef LEGATLAS_HAND_SWEEP_FRAMES_PER_SECOND
#define LEGATLAS_HAND_SWEEP_FRAMES_PER_SECOND 10
#endif
constexpr float kFramesPerSecond = LEGATLAS_HAND_SWEEP_FRAMES_PER_SECOND;
constexpr float kPatchOnSkin = 0.003f;
constexpr float kMostFingerTurnDegrees = 30.0f;

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

}  // namespace

using namespace technique;

void Worst::keep(float v, const std::string& at, const std::string& technique) {
  if (where.empty() || v > value) value = v, where = at;
  float& worst = byTechnique.try_emplace(technique, v).first->second;
  worst = std::max(worst, v);
}

std::string Worst::each() const {
  std::string text;
  for (const auto& [technique, v] : byTechnique) text += " " + technique + " " + std::to_string(v);
  return text;
}

float HandSweep::aboveSkin(const glm::vec3& p) const {
  const SkinPoint s = leg_.skinNear(p);
  const float d = glm::length(p - s.position);
  return glm::dot(p - s.position, s.normal) >= 0 ? d : -d;
}

// The lowest height above the skin of any of the runs' points (negative inside), measured
// run by run from the one nearest the skin: a run all of whose points must lie higher than
// the lowest found so far (its middle's height less its radius) is passed over.
float HandSweep::lowestAboveSkin(const std::vector<glm::vec3>& points, const Runs& runs) const {
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

std::vector<glm::vec3> HandSweep::placedVertices(const PlacedHand& hand) const {
  std::vector<glm::vec3> points = placer_->rig(hand.side).skinned(hand.pose).positions;
  for (glm::vec3& p : points) p = placed(hand, p);
  return points;
}

float HandSweep::deepestInside(const PlacedHand& hand) const {
  // The rig's runs are the same for every leg and placer (the left's lie alike, mirrored).
  static const Runs runs = [&] {
    const HandRig& rig = placer_->rig(HandSide::Right);  // the left's vertices lie alike, mirrored
    std::vector<uint32_t> all(rig.mesh.positions.size());
    for (uint32_t v = 0; v < all.size(); ++v) all[v] = v;
    return nearbyRuns(rig, all, 0.02f);
  }();
  return lowestAboveSkin(placedVertices(hand), runs);
}

float HandSweep::patchOffSkin(const PlacedHand& hand) const {
  static std::map<std::pair<HandSide, ContactPatch>, Runs> runsOf;
  static std::mutex guard;
  const std::lock_guard<std::mutex> lock(guard);
  auto found = runsOf.find({hand.side, hand.patch});
  if (found == runsOf.end())
    found = runsOf.emplace(std::make_pair(hand.side, hand.patch),
                           nearbyRuns(placer_->rig(hand.side), placer_->patchVertices(hand.side, hand.patch), 0.01f)).first;
  return lowestAboveSkin(placedVertices(hand), found->second) - (hand.above - hand.press);
}

glm::vec3 HandSweep::middleFinger(const PlacedHand& hand) const {
  const HandRig& rig = placer_->rig(hand.side);
  const std::vector<glm::mat4> bones = rig.boneMatrices(hand.pose);
  const size_t metacarpal = rig.boneNamed("metacarpal2"), tip = rig.boneNamed("finger3-3");  // the middle finger's
  const glm::vec3 from = glm::vec3(bones[metacarpal] * glm::vec4(rig.bones[metacarpal].head, 1.0f));
  const glm::vec3 to = glm::vec3(bones[tip] * glm::vec4(rig.bones[tip].tail, 1.0f));
  return placed(hand, to) - placed(hand, from);
}

HandFindings HandSweep::play(const std::vector<Stroke>& strokes, const std::string& lesson) const {
  HandFindings found;
  const float end = lessonDuration(strokes);
  // As a student sees them: through the track, which blends the hands between the moments
  // it solves (tenths of a second from each stroke's start, so the frames here fall
  // anywhere between them).
  const HandTrack track(placer_, strokes);
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

void expectHandsHold(const HandFindings& found) {
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

}  // namespace legatlas::testing
