// Laying one hand on the skin (HandPlacer::solve): posed as asked, turned onto the skin
// and settled on its patch, then fixed, one step at a time, until nothing of it sinks
// deeper than the dent allows.
#include <algorithm>
#include <cmath>
#include <limits>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include "technique/hand_geometry.h"
#include "technique/hand_placement.h"

namespace legatlas::technique {
namespace {

using hand_geometry::inPlane;
using hand_geometry::startsWith;
using hand_geometry::transformPoint;

constexpr int kMostFixes = 48;              // uncurls, raises, swings, slides and tilts before the hand is simply lifted
constexpr float kUncurlDegrees = 12.0f;
constexpr float kMostUncurled = 50.0f;      // degrees a knuckle may be straightened back to
constexpr float kMostTiltDegrees = 12.0f;
constexpr float kWristRaiseDegrees = 10.0f;
constexpr float kMostExtendedWrist = 70.0f;
constexpr float kSlideStep = 0.01f;         // metres the hand moves ahead when its forearm meets the limb
constexpr float kMostSlide = 0.04f;
constexpr float kMostSlideTurnDegrees = 20.0f;
// The patch is moved along the skin's normal under its target until its deepest point
// rests within kSettled of the dent's depth: where the skin under that point faces
// otherwise (round the thigh, under a gripping hand), a move changes its depth by less.
constexpr int kSettlePasses = 6;
constexpr float kSettled = 0.0001f;
constexpr float kSwingDegrees = 8.0f;
constexpr float kMostSwingDegrees = 24.0f;  // the fingers still lead within 30 degrees of the stroke
// Placed hands keep this much inside the allowance, for the vertices between those measured
// (a finger's curve rises about 0.3 mm between vertices 4 mm apart; posed, a little more),
// and for the hands blended between two solutions (technique/hand_track.h).
constexpr float kSinkMargin = 0.0014f;

// The rest-pose positions moved by the bones (linear blend), positions only.
glm::vec3 posedNormal(const HandRig& rig, const std::vector<glm::mat4>& bones, uint32_t v) {
  glm::vec3 n(0.0f);
  for (size_t k = 0; k < kInfluencesPerHandVertex; ++k) {
    const float w = rig.boneWeights[v][int(k)];
    if (w > 0) n += w * (glm::mat3(bones[rig.boneIndices[v][int(k)]]) * rig.mesh.normals[v]);
  }
  return n;
}

// A bone's joint where the pose has carried it: a head moves with the bone's parent turn
// and its own (which leaves the head in place), a tail with the bone.
glm::vec3 posedHead(const HandRig& rig, const std::vector<glm::mat4>& bones, size_t b) {
  return transformPoint(bones[b], rig.bones[b].head);
}
glm::vec3 posedTail(const HandRig& rig, const std::vector<glm::mat4>& bones, size_t b) {
  return transformPoint(bones[b], rig.bones[b].tail);
}

// In the hand frame, the way the leading part of the hand points.
glm::vec3 leadOf(const HandRig& rig, const std::vector<glm::mat4>& bones, HandLead lead) {
  switch (lead) {
    case HandLead::Fingers:  // the middle finger, from its knuckle's metacarpal to its tip
      return posedTail(rig, bones, rig.boneNamed("finger3-3")) - posedHead(rig, bones, rig.boneNamed("metacarpal2"));
    case HandLead::Thumb:
      return posedTail(rig, bones, rig.boneNamed("finger1-3")) - posedHead(rig, bones, rig.boneNamed("finger1-2"));
    case HandLead::Elbow:
      return posedHead(rig, bones, rig.boneNamed("lowerarm01")) - posedHead(rig, bones, rig.boneNamed("wrist"));
  }
  return {0.0f, 1.0f, 0.0f};
}

// The rotation taking the hand's (lead, patch normal) onto the skin's (lead, inward normal).
glm::mat3 alignment(const glm::vec3& handLead, const glm::vec3& handNormal, const glm::vec3& skinLead,
                    const glm::vec3& skinInward) {
  const glm::vec3 fh = inPlane(handLead, handNormal, glm::vec3(0, 1, 0));
  const glm::vec3 fw = inPlane(skinLead, skinInward, glm::vec3(0, 1, 0));
  const glm::mat3 hand(fh, handNormal, glm::cross(fh, handNormal));
  const glm::mat3 skin(fw, skinInward, glm::cross(fw, skinInward));
  return skin * glm::transpose(hand);
}

// `turn` turned about the skin's normal so that the lead it gives points along `lead` in the
// skin's plane again: tilts about several axes, one after another, also swing the hand
// round, and a tilt is meant to lift a side of it, not to change the way it points.
glm::mat3 keepingHeading(const glm::mat3& turn, const glm::vec3& handLead, const glm::vec3& lead, const glm::vec3& normal) {
  const glm::vec3 led = turn * handLead;
  const glm::vec3 flat = led - normal * glm::dot(led, normal);
  if (glm::length(flat) < 1e-6f) return turn;
  const glm::vec3 from = glm::normalize(flat);
  const float angle = std::atan2(glm::dot(glm::cross(from, lead), normal), glm::dot(from, lead));
  return glm::mat3_cast(glm::angleAxis(angle, normal)) * turn;
}

}  // namespace

float HandPlacer::deepestOfPatch(const std::vector<uint32_t>& samples, const std::vector<glm::vec3>& posed,
                                 const glm::mat4& placement, Measured& measured) const {
  // A sample lies no deeper than it was measured less how far it has moved since: those
  // that may lie deepest are measured first, until none left may lie deeper than found.
  const float unknown = -std::numeric_limits<float>::infinity();
  measured.patchAt.resize(samples.size());
  measured.patchDepth.resize(samples.size(), std::nanf(""));
  measured.patchHint.resize(samples.size(), -1);
  std::vector<std::pair<float, uint32_t>> order(samples.size());
  std::vector<glm::vec3> at(samples.size());
  for (uint32_t i = 0; i < samples.size(); ++i) {
    at[i] = transformPoint(placement, posed[samples[i]]);
    const float was = measured.patchDepth[i];
    order[i] = {std::isnan(was) ? unknown : was - glm::distance(measured.patchAt[i], at[i]), i};
  }
  std::sort(order.begin(), order.end());
  float deepest = 1.0f;
  for (const auto& [mayBe, i] : order) {
    if (mayBe >= deepest) break;
    measured.patchAt[i] = at[i];
    measured.patchDepth[i] = aboveSkin(at[i], measured.patchHint[i]);
    deepest = std::min(deepest, measured.patchDepth[i]);
  }
  return deepest;
}

HandPlacer::Deepest HandPlacer::deepestVertex(const RiggedHand& hand, const std::vector<glm::vec3>& posed,
                                              const glm::mat4& placement, float lowest, Measured& measured) const {
  // At least as deep as `d` was at `then`, now at `now`: no deeper than d - the move.
  const auto mayBeBelow = [lowest](float d, const glm::vec3& then, const glm::vec3& now, float radius) {
    return std::isnan(d) || d - glm::distance(then, now) - radius <= lowest + 0.0005f;
  };
  Deepest deepest;
  for (size_t c = 0; c < hand.clusters.size(); ++c) {
    const std::vector<uint32_t>& cluster = hand.clusters[c];
    glm::vec3 centre(0.0f);
    for (uint32_t v : cluster) centre += posed[v];
    centre /= float(cluster.size());
    float radius = 0;
    for (uint32_t v : cluster) radius = std::max(radius, glm::distance(centre, posed[v]));
    const glm::vec3 at = transformPoint(placement, centre);
    if (!mayBeBelow(measured.clusterDepth[c], measured.clusterAt[c], at, radius)) continue;
    measured.clusterAt[c] = at;
    measured.clusterDepth[c] = aboveSkin(at, measured.clusterHint[c]);
    // A ball wholly clear of `lowest` holds no vertex that sinks.
    if (!mayBeBelow(measured.clusterDepth[c], at, at, radius)) continue;
    for (uint32_t v : cluster) {
      const glm::vec3 p = transformPoint(placement, posed[v]);
      if (!mayBeBelow(measured.vertexDepth[v], measured.vertexAt[v], p, 0.0f)) continue;
      const float d = measured.vertexDepth[v] = aboveSkin(p, measured.vertexHint[v]);
      measured.vertexAt[v] = p;
      if (d < deepest.depth) deepest.depth = d, deepest.vertex = v;
      const int finger = hand.finger[hand.rig.boneIndices[v][0]];
      if (finger >= 0) deepest.finger[size_t(finger)] = std::min(deepest.finger[size_t(finger)], d);
    }
  }
  return deepest;
}

HandPlacer::Laid HandPlacer::lay(const RiggedHand& hand, const HandRole& role, const Attempt& attempt,
                                 const HandTarget& start, Measured& measured) const {
  const HandRig& rig = hand.rig;
  const HandTarget& target = attempt.target;
  Laid laid;
  laid.pose = poseOf(rig, attempt.angles);
  const std::vector<glm::mat4> bones = rig.boneMatrices(laid.pose);
  laid.posed = rig.skinnedPositions(bones);
  const std::vector<uint32_t>& patch = hand.patches[size_t(role.patch)];
  glm::vec3 centre(0.0f), normal(0.0f);
  for (uint32_t v : patch) centre += laid.posed[v], normal += posedNormal(rig, bones, v);
  centre /= float(patch.size());
  normal = glm::normalize(normal);
  const glm::vec3 handLead = leadOf(rig, bones, role.lead);
  // The heading kept is the stroke's, on the skin where the stroke is (the hand may have
  // moved ahead onto skin that faces a little otherwise).
  const glm::vec3 lead = glm::angleAxis(attempt.swing, target.normal) * target.lead;
  const glm::vec3 heading = glm::angleAxis(attempt.swing, start.normal) * start.lead;
  const glm::mat3 turn = keepingHeading(glm::mat3_cast(attempt.tilt) * alignment(handLead, normal, lead, -target.normal),
                                        handLead, heading, start.normal);
  const float resting = target.above - target.press;  // where the deepest of the patch goes
  laid.at = target.position + target.normal * resting;
  const auto placement = [&] {
    return glm::translate(glm::mat4(1.0f), laid.at) * glm::mat4(turn) * glm::translate(glm::mat4(1.0f), -centre);
  };
  // Settle the patch: its deepest point at the dent's depth (the skin is curved under it,
  // so the patch's centre alone does not say how deep it lies).
  laid.at += target.normal * (patchSettle(hand.patchSamples[size_t(role.patch)], laid.posed, placement(), target.normal,
                                           resting, measured) +
                               attempt.lift);
  laid.placement = placement();
  return laid;
}

bool HandPlacer::uncurlSinkingFingers(const HandRole& role, const Deepest& deepest, float lowest,
                                      Attempt& attempt) const {
  // Fingers (or the thumb) that sink straighten, away from the palm and the skin, all at
  // once and by how far they sink.
  bool uncurled = false;
  for (size_t f = 0; f < deepest.finger.size(); ++f) {
    const bool isPatch = (f == 0 && role.patch == ContactPatch::ThumbPad) || (f >= 1 && role.patch == ContactPatch::FingerPads);
    auto& joints = f == 0 ? attempt.angles.thumb : attempt.angles.fingers[f - 1];
    if (isPatch || deepest.finger[f] >= lowest || joints[0] <= -kMostUncurled) continue;
    const float degrees = kUncurlDegrees + glm::degrees((lowest - deepest.finger[f]) / 0.03f);
    for (float& j : joints) j -= degrees;
    uncurled = true;
  }
  return uncurled;
}

bool HandPlacer::raiseWrist(const HandRig& rig, const HandRole& role, const Deepest& deepest, Attempt& attempt) const {
  // The forearm trails into the limb behind the hand: raise it at the wrist, as a
  // therapist does, leaving the palm where it lies.
  const bool forearmSinks = startsWith(rig.bones[rig.boneIndices[deepest.vertex][0]].name, "lowerarm");
  if (!forearmSinks || role.patch == ContactPatch::ForearmBorder || attempt.angles.wristFlex <= -kMostExtendedWrist)
    return false;
  attempt.angles.wristFlex -= kWristRaiseDegrees;
  return true;
}

bool HandPlacer::swingAside(const HandRig& rig, const HandRole& role, const Laid& laid, const Deepest& deepest,
                            const HandTarget& start, Attempt& attempt) const {
  // A flat hand raised as far as a wrist goes whose forearm still meets the limb behind it
  // (the foot, under a hand at the front of the ankle): the forearm swings aside, turning
  // the hand about the skin's normal, to the side where the limb falls away under it, as a
  // therapist's arm comes in from the side of the table.
  const bool forearmSinks = startsWith(rig.bones[rig.boneIndices[deepest.vertex][0]].name, "lowerarm");
  if (!forearmSinks || role.patch != ContactPatch::Palm || role.held ||
      std::abs(attempt.swing) >= glm::radians(kMostSwingDegrees) - 1e-4f)
    return false;
  if (attempt.swing == 0) {
    const glm::vec3 sunk = transformPoint(laid.placement, laid.posed[deepest.vertex]);
    const glm::vec3 moves = glm::cross(start.normal, sunk - laid.at);  // where a turn by + carries it
    attempt.swingSide = glm::dot(moves, skinUnder(sunk).normal) >= 0 ? 1.0f : -1.0f;
    attempt.unswung = deepest.depth;
  } else if (!attempt.swungBack && deepest.depth < attempt.unswung) {
    // The first turn sank the forearm deeper (the limb rises on that side further along
    // it): the other side.
    attempt.swingSide = -attempt.swingSide, attempt.swing = 0, attempt.swungBack = true;
  }
  attempt.swing = attempt.swingSide * std::min(std::abs(attempt.swing) + glm::radians(kSwingDegrees), glm::radians(kMostSwingDegrees));
  return true;
}

bool HandPlacer::slideAhead(const HandRig& rig, const HandRole& role, const Deepest& deepest, const HandTarget& start,
                            const JointAngles& startAngles, Attempt& attempt) const {
  // A flat hand raised as far as a wrist goes whose heel still meets a rise of the limb
  // behind it (the instep, under a hand on the front of the ankle): the hand moves ahead
  // along the way it leads, onto the skin there, as a therapist's does.
  const bool forearmSinks = startsWith(rig.bones[rig.boneIndices[deepest.vertex][0]].name, "lowerarm");
  if (!forearmSinks || role.patch != ContactPatch::Palm || role.held || attempt.slid >= kMostSlide) return false;
  HandTarget& target = attempt.target;
  const SkinPoint ahead = skinUnder(target.position + target.lead * kSlideStep);
  // Not round a bend of the limb: the way the hand leads would turn with it.
  if (glm::dot(ahead.normal, start.normal) < std::cos(glm::radians(kMostSlideTurnDegrees))) {
    attempt.slid = kMostSlide;
    return true;
  }
  // The fixes so far were for the skin where the hand lay: begin again here.
  attempt.slid += glm::distance(ahead.position, target.position);
  attempt.lift = 0, attempt.tilt = glm::quat(1, 0, 0, 0), attempt.angles = startAngles;
  target.position = ahead.position;
  target.normal = ahead.normal;
  target.lead = inPlane(target.lead, target.normal, target.lead);
  return true;
}

void HandPlacer::tiltAway(const Laid& laid, const Deepest& deepest, float lowest, Attempt& attempt) const {
  // The palm, wrist or forearm sinks: tilt the hand about its patch, lifting that side.
  const HandTarget& target = attempt.target;
  const glm::vec3 sunk = transformPoint(laid.placement, laid.posed[deepest.vertex]);
  const glm::vec3 arm = inPlane(sunk - laid.at, target.normal, target.lead);
  const glm::vec3 out = sunk - laid.at;
  const float reach = std::max(glm::length(out - target.normal * glm::dot(out, target.normal)), 0.01f);
  const float degrees = std::min(glm::degrees(std::atan2(lowest - deepest.depth, reach)) * 1.3f + 1.0f, kMostTiltDegrees);
  attempt.tilt = glm::angleAxis(glm::radians(degrees), glm::normalize(glm::cross(arm, target.normal))) * attempt.tilt;
}

void HandPlacer::liftOffRemaining(const RiggedHand& hand, const Laid& laid, float lowest, Measured& measured,
                                  glm::mat4& placement) const {
  // Out of fixes: lift by what is left over, along the skin's normal under what sinks.
  for (int pass = 0; pass < 3; ++pass) {
    const Deepest left = deepestVertex(hand, laid.posed, placement, lowest, measured);
    if (left.depth >= lowest) break;
    const SkinPoint under = skinUnder(transformPoint(placement, laid.posed[left.vertex]));
    placement = glm::translate(glm::mat4(1.0f), under.normal * (lowest - left.depth + 0.0005f)) * placement;
  }
}

HandPlacer::Measured HandPlacer::nothingMeasured(const RiggedHand& hand) {
  const float unknown = std::nanf("");
  const size_t vertices = hand.rig.mesh.positions.size();
  return {std::vector<glm::vec3>(hand.clusters.size()), std::vector<glm::vec3>(vertices),
          std::vector<float>(hand.clusters.size(), unknown), std::vector<float>(vertices, unknown),
          std::vector<int>(hand.clusters.size(), -1), std::vector<int>(vertices, -1), {}, {}, {}};
}

float HandPlacer::patchSettle(const std::vector<uint32_t>& samples, const std::vector<glm::vec3>& posed,
                              const glm::mat4& placement, const glm::vec3& along, float resting, Measured& measured) const {
  float moved = 0;
  for (int pass = 0; pass < kSettlePasses; ++pass) {
    const float off =
        resting - deepestOfPatch(samples, posed, glm::translate(glm::mat4(1.0f), along * moved) * placement, measured);
    moved += off;
    if (std::abs(off) < kSettled) break;
  }
  return moved;
}

HandPlacer::Settling HandPlacer::settleOnSkin(const PlacedHand& placed, const glm::vec3& up) const {
  Measured measured = measuring(placed.side);
  return settleOnSkin(placed, up, measured);
}

HandPlacer::Settling HandPlacer::settleOnSkin(const PlacedHand& placed, const glm::vec3& up, Measured& measured) const {
  const RiggedHand& hand = this->hand(placed.side);
  const float resting = placed.above - placed.press;
  const float lowest = -(placed.press + kHandSinkAllowance - kSinkMargin);
  const std::vector<glm::vec3> posed = hand.rig.skinnedPositions(hand.rig.boneMatrices(placed.pose));
  const auto moved = [&](float by) { return glm::translate(glm::mat4(1.0f), up * by) * placed.placement; };
  Settling s;
  s.settle = patchSettle(hand.patchSamples[size_t(placed.patch)], posed, placed.placement, up, resting, measured);
  // Rising along `up` lifts a vertex off skin that faces otherwise by less than the rise:
  // measured again after each.
  for (int pass = 0; pass < 4; ++pass) {
    const Deepest deepest = deepestVertex(hand, posed, moved(s.settle + s.lift), lowest, measured);
    if (deepest.depth >= lowest) break;
    s.lift += lowest - deepest.depth + 0.0002f;
  }
  return s;
}

PlacedHand HandPlacer::solve(const HandRequest& request) const {
  const HandRole& role = *request.role;
  const RiggedHand& hand = this->hand(role.side);
  const HandTarget& start = request.target;
  const float resting = start.above - start.press;
  const float lowest = -(start.press + kHandSinkAllowance - kSinkMargin);
  Measured measured = nothingMeasured(hand);
  Attempt attempt{request.angles, start};
  Laid laid;
  for (int fix = 0; fix <= kMostFixes; ++fix) {
    laid = lay(hand, role, attempt, start, measured);
    const Deepest deepest = deepestVertex(hand, laid.posed, laid.placement, lowest, measured);
    if (deepest.depth >= lowest || fix == kMostFixes) break;
    if (hand.inPatch[size_t(role.patch)][deepest.vertex]) {
            // A part of the patch between those measured lies deeper: the patch rides up onto it.
      attempt.lift += resting - deepest.depth;
      continue;
    }
    if (uncurlSinkingFingers(role, deepest, lowest, attempt) || raiseWrist(hand.rig, role, deepest, attempt) ||
        swingAside(hand.rig, role, laid, deepest, start, attempt) ||
        slideAhead(hand.rig, role, deepest, start, request.angles, attempt))
      continue;
    if (fix < kMostFixes - 2) tiltAway(laid, deepest, lowest, attempt);
    else attempt.lift += lowest - deepest.depth;  // at last, lift the hand off the skin until it holds
  }
  liftOffRemaining(hand, laid, lowest, measured, laid.placement);
  return PlacedHand{role.side, role.patch, laid.placement, std::move(laid.pose), request.grip, start.press, start.above};
}

}  // namespace legatlas::technique
