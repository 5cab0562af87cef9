#include "technique/hand_placement.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace legatlas::technique {
namespace {

constexpr float kSettleSeconds = 0.4f;      // the hand shapes itself from its contact pose to its working pose
constexpr float kKneadingLift = 0.008f;     // metres a grip lifts the skin at its height
constexpr float kKneadingLiftRadius = 0.04f;
constexpr float kClusterCell = 0.02f;       // metres: vertices of one bone within a cell are culled together
constexpr float kMeasuredCell = 0.004f;     // metres: one vertex of a bone per cell this size is measured
constexpr float kPatchSampleCell = 0.004f;  // metres: one patch vertex a cell is measured when settling the patch
constexpr int kMostFixes = 30;              // uncurls and tilts before the hand is simply lifted
constexpr float kUncurlDegrees = 12.0f;
constexpr float kMostUncurled = 50.0f;      // degrees a knuckle may be straightened back to
constexpr float kMostTiltDegrees = 12.0f;
constexpr float kWristRaiseDegrees = 10.0f;
constexpr float kMostExtendedWrist = 70.0f;
constexpr float kSlideStep = 0.01f;         // metres the hand moves ahead when its forearm meets the limb
constexpr float kMostSlide = 0.04f;
constexpr float kMostSlideTurnDegrees = 20.0f;
// Placed hands keep this much inside the allowance, for the vertices between those measured
// (a finger's curve rises about 0.3 mm between vertices 4 mm apart; posed, a little more),
// and for the hands blended between two solutions (technique/hand_track.h).
constexpr float kSinkMargin = 0.0014f;

glm::vec3 inPlane(glm::vec3 v, const glm::vec3& normal, const glm::vec3& fallback) {
  v -= normal * glm::dot(v, normal);
  if (glm::length(v) > 1e-6f) return glm::normalize(v);
  glm::vec3 f = fallback - normal * glm::dot(fallback, normal);
  return glm::length(f) > 1e-6f ? glm::normalize(f) : glm::normalize(glm::cross(normal, glm::vec3(1, 0, 0)));
}

glm::vec3 transformPoint(const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

bool startsWith(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The rest-pose positions moved by the bones (linear blend), positions only.
std::vector<glm::vec3> posedPositions(const HandRig& rig, const std::vector<glm::mat4>& bones) {
  std::vector<glm::vec3> out(rig.mesh.positions.size());
  for (size_t v = 0; v < out.size(); ++v) {
    const glm::vec4 rest(rig.mesh.positions[v], 1.0f);
    glm::vec3 p(0.0f);
    for (size_t k = 0; k < kInfluencesPerHandVertex; ++k) {
      const float w = rig.boneWeights[v][int(k)];
      if (w > 0) p += w * glm::vec3(bones[rig.boneIndices[v][int(k)]] * rest);
    }
    out[v] = p;
  }
  return out;
}

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

HandPlacer::HandPlacer(const LegModel& leg, const HandRig& rightHand, HandPoseBook book)
    : right_(prepare(rightHand)), left_(prepare(rightHand.mirrored())), book_(std::move(book)) {
  const scene::Scene& scene = leg.scene();
  size_t count = 0;
  for (const scene::SceneMesh& m : scene.meshes)
    count += m.detail == 0 && scene.tissues[m.tissueIndex].layer == anatomy::Layer::Skin;
  skin_.reserve(count);  // the tree keeps pointers into this list
  for (const scene::SceneMesh& m : scene.meshes)
    if (m.detail == 0 && scene.tissues[m.tissueIndex].layer == anatomy::Layer::Skin) {
      skin_.push_back(m.mesh);
      skinTree_.add(skin_.back(), m.tissueIndex);
    }
  skinTree_.build();
}

HandPlacer::RiggedHand HandPlacer::prepare(HandRig rig) const {
  RiggedHand h;
  const glm::vec3 thumbSide(rig.side == HandSide::Right ? 1.0f : -1.0f, 0.0f, 0.0f);
  h.finger.assign(rig.bones.size(), -1);
  std::vector<glm::vec3> padward(rig.bones.size());
  for (size_t b = 0; b < rig.bones.size(); ++b) {
    const std::string& name = rig.bones[b].name;
    if (startsWith(name, "finger")) h.finger[b] = name[6] - '1';
    const glm::vec3 along = glm::normalize(rig.bones[b].tail - rig.bones[b].head);
    padward[b] = glm::normalize(glm::cross(rig.flexionAxis(b), along));  // palm-ward, across the bone
  }
  std::map<std::tuple<int, int, int, int>, size_t> clusterOf;
  std::set<std::tuple<int, int, int, int>> measuredCells;
  for (uint32_t v = 0; v < rig.mesh.positions.size(); ++v) {
    const size_t b = rig.boneIndices[v][0];
    const std::string& name = rig.bones[b].name;
    const glm::vec3 p = rig.mesh.positions[v], n = rig.mesh.normals[v];
    if ((startsWith(name, "metacarpal") || (startsWith(name, "wrist") && p.y > 0.0f)) && n.z < -0.6f)
      h.patches[size_t(ContactPatch::Palm)].push_back(v);
    if (startsWith(name, "finger1-3") && glm::dot(n, padward[b]) > 0.5f) h.patches[size_t(ContactPatch::ThumbPad)].push_back(v);
    if (h.finger[b] >= 1 && name[8] == '3' && glm::dot(n, padward[b]) > 0.5f)
      h.patches[size_t(ContactPatch::FingerPads)].push_back(v);
    if (startsWith(name, "lowerarm01") && glm::dot(n, -thumbSide) > 0.7f)
      h.patches[size_t(ContactPatch::ForearmBorder)].push_back(v);
    // One vertex a small cell stands for its neighbours (kSinkMargin covers the rest).
    const glm::ivec3 fine = glm::ivec3(glm::floor(p / kMeasuredCell));
    if (!measuredCells.emplace(int(b), fine.x, fine.y, fine.z).second) continue;
    const glm::ivec3 cell = glm::ivec3(glm::floor(p / kClusterCell));
    const auto key = std::make_tuple(int(b), cell.x, cell.y, cell.z);
    const auto [at, added] = clusterOf.emplace(key, h.clusters.size());
    if (added) h.clusters.emplace_back();
    h.clusters[at->second].push_back(v);
  }
  for (size_t p = 0; p < h.patches.size(); ++p) {
    if (h.patches[p].empty())
      throw std::logic_error("the hand rig has no vertices for the " + std::string(patchId(ContactPatch(p))) + " patch");
    h.inPatch[p].assign(rig.mesh.positions.size(), false);
    for (uint32_t v : h.patches[p]) h.inPatch[p][v] = true;
    // One vertex a small cell, so a ridge of the limb (the shin's crest) under the patch
    // meets a measured vertex wherever it lies.
    std::set<std::tuple<int, int, int>> cells;
    for (uint32_t v : h.patches[p]) {
      const glm::ivec3 c = glm::ivec3(glm::floor(rig.mesh.positions[v] / kPatchSampleCell));
      if (cells.emplace(c.x, c.y, c.z).second) h.patchSamples[p].push_back(v);
    }
  }
  h.rig = std::move(rig);
  return h;
}

float HandPlacer::aboveSkin(const glm::vec3& p) const {
  const auto hit = skinTree_.closest(p);
  if (!hit) return 1.0f;
  const float side = glm::dot(p - hit->point, hit->normal);
  return side >= 0 ? hit->distance : -hit->distance;
}

SkinPoint HandPlacer::skinUnder(const glm::vec3& p) const {
  const auto hit = skinTree_.closest(p);
  return hit ? SkinPoint{hit->point, hit->normal} : SkinPoint{p, glm::vec3(0, 0, 1)};
}

float HandPlacer::deepestOfPatch(const std::vector<uint32_t>& samples, const std::vector<glm::vec3>& posed,
                                 const glm::mat4& placement) const {
  float deepest = 1.0f;
  for (uint32_t v : samples) deepest = std::min(deepest, aboveSkin(transformPoint(placement, posed[v])));
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
    measured.clusterDepth[c] = aboveSkin(at);
    // A ball wholly clear of `lowest` holds no vertex that sinks.
    if (!mayBeBelow(measured.clusterDepth[c], at, at, radius)) continue;
    for (uint32_t v : cluster) {
      const glm::vec3 p = transformPoint(placement, posed[v]);
      if (!mayBeBelow(measured.vertexDepth[v], measured.vertexAt[v], p, 0.0f)) continue;
      const float d = measured.vertexDepth[v] = aboveSkin(p);
      measured.vertexAt[v] = p;
      if (d < deepest.depth) deepest.depth = d, deepest.vertex = v;
      const int finger = hand.finger[hand.rig.boneIndices[v][0]];
      if (finger >= 0) deepest.finger[size_t(finger)] = std::min(deepest.finger[size_t(finger)], d);
    }
  }
  return deepest;
}

PlacedHand HandPlacer::solve(const RiggedHand& hand, const HandRole& role, JointAngles angles, Target target) const {
  const HandRig& rig = hand.rig;
  const std::vector<uint32_t>& patch = hand.patches[size_t(role.patch)];
  const float resting = target.above - target.press;  // where the deepest of the patch goes
  const float lowest = -(target.press + kHandSinkAllowance - kSinkMargin);
  const float unknown = std::nanf("");
  Measured measured{std::vector<glm::vec3>(hand.clusters.size()), std::vector<glm::vec3>(rig.mesh.positions.size()),
                    std::vector<float>(hand.clusters.size(), unknown), std::vector<float>(rig.mesh.positions.size(), unknown)};
  glm::quat tilt(1, 0, 0, 0);
  float lift = 0, slid = 0;
  const glm::vec3 startNormal = target.normal, startLead = target.lead;
  const JointAngles startAngles = angles;
  PlacedHand placed{role.side, role.patch, glm::mat4(1.0f), {}, 0.0f, target.press, target.above};
  std::vector<glm::vec3> posed;
  for (int fix = 0; fix <= kMostFixes; ++fix) {
    placed.pose = poseOf(rig, angles);
    const std::vector<glm::mat4> bones = rig.boneMatrices(placed.pose);
    posed = posedPositions(rig, bones);
    glm::vec3 centre(0.0f), normal(0.0f);
    for (uint32_t v : patch) centre += posed[v], normal += posedNormal(rig, bones, v);
    centre /= float(patch.size());
    normal = glm::normalize(normal);
    const glm::vec3 handLead = leadOf(rig, bones, role.lead);
    // The heading kept is the stroke's, on the skin where the stroke is (the hand may have
    // moved ahead onto skin that faces a little otherwise).
    const glm::mat3 turn = keepingHeading(glm::mat3_cast(tilt) * alignment(handLead, normal, target.lead, -target.normal),
                                          handLead, startLead, startNormal);
    glm::vec3 at = target.position + target.normal * resting;
    const auto placement = [&] { return glm::translate(glm::mat4(1.0f), at) * glm::mat4(turn) * glm::translate(glm::mat4(1.0f), -centre); };
    // Settle the patch: its deepest point at the dent's depth (the skin is curved under
    // it, so the patch's centre alone does not say how deep it lies).
    const std::vector<uint32_t>& samples = hand.patchSamples[size_t(role.patch)];
    for (int pass = 0; pass < 2; ++pass) at += target.normal * (resting - deepestOfPatch(samples, posed, placement()));
    at += target.normal * lift;
    placed.placement = placement();
    const Deepest deepest = deepestVertex(hand, posed, placed.placement, lowest, measured);
    if (deepest.depth >= lowest || fix == kMostFixes) break;
    if (hand.inPatch[size_t(role.patch)][deepest.vertex]) {
      // A part of the patch between those measured lies deeper: the patch rides up onto it.
      lift += resting - deepest.depth;
      continue;
    }
    // Fingers (or the thumb) that sink straighten, away from the palm and the skin, all
    // at once and by how far they sink.
    bool uncurled = false;
    for (size_t f = 0; f < deepest.finger.size(); ++f) {
      const bool isPatch = (f == 0 && role.patch == ContactPatch::ThumbPad) || (f >= 1 && role.patch == ContactPatch::FingerPads);
      auto& joints = f == 0 ? angles.thumb : angles.fingers[f - 1];
      if (isPatch || deepest.finger[f] >= lowest || joints[0] <= -kMostUncurled) continue;
      const float degrees = kUncurlDegrees + glm::degrees((lowest - deepest.finger[f]) / 0.03f);
      for (float& j : joints) j -= degrees;
      uncurled = true;
    }
    if (uncurled) continue;
    const bool forearmSinks = startsWith(rig.bones[rig.boneIndices[deepest.vertex][0]].name, "lowerarm");
    if (forearmSinks && role.patch != ContactPatch::ForearmBorder && angles.wristFlex > -kMostExtendedWrist) {
      // The forearm trails into the limb behind the hand: raise it at the wrist, as a
      // therapist does, leaving the palm where it lies.
      angles.wristFlex -= kWristRaiseDegrees;
      continue;
    }
    if (forearmSinks && role.patch == ContactPatch::Palm && !role.held && slid < kMostSlide) {
      // A flat hand raised as far as a wrist goes whose heel still meets a rise of the
      // limb behind it (the instep, under a hand on the front of the ankle): the hand
      // moves ahead along the way it leads, onto the skin there, as a therapist's does.
      const SkinPoint ahead = skinUnder(target.position + target.lead * kSlideStep);
      // Not round a bend of the limb: the way the hand leads would turn with it.
      if (glm::dot(ahead.normal, startNormal) < std::cos(glm::radians(kMostSlideTurnDegrees))) {
        slid = kMostSlide;
        continue;
      }
      slid += glm::distance(ahead.position, target.position);
      // The fixes so far were for the skin where the hand lay: begin again here.
      lift = 0, tilt = glm::quat(1, 0, 0, 0), angles = startAngles;
      target.position = ahead.position;
      target.normal = ahead.normal;
      target.lead = inPlane(target.lead, target.normal, target.lead);
      continue;
    }
    if (fix < kMostFixes - 2) {
      // The palm, wrist or forearm sinks: tilt the hand about its patch, lifting that side.
      const glm::vec3 sunk = transformPoint(placed.placement, posed[deepest.vertex]);
      const glm::vec3 arm = inPlane(sunk - at, target.normal, target.lead);
      const float reach = std::max(glm::length(glm::vec3(sunk - at) - target.normal * glm::dot(sunk - at, target.normal)), 0.01f);
      const float degrees = std::min(glm::degrees(std::atan2(lowest - deepest.depth, reach)) * 1.3f + 1.0f, kMostTiltDegrees);
      tilt = glm::angleAxis(glm::radians(degrees), glm::normalize(glm::cross(arm, target.normal))) * tilt;
      continue;
    }
    lift += lowest - deepest.depth;  // at last, lift the hand off the skin until it holds
  }
  // Out of fixes: lift by what is left over, along the skin's normal under what sinks.
  for (int pass = 0; pass < 3; ++pass) {
    const Deepest left = deepestVertex(hand, posed, placed.placement, lowest, measured);
    if (left.depth >= lowest) break;
    const glm::vec3 sunk = transformPoint(placed.placement, posed[left.vertex]);
    const SkinPoint under = skinUnder(sunk);
    placed.placement = glm::translate(glm::mat4(1.0f), under.normal * (lowest - left.depth + 0.0005f)) * placed.placement;
  }
  return placed;
}

HandPlacer::Target HandPlacer::targetOf(const HandRole& role, const Stroke& stroke, const ContactPoint& c) const {
  glm::vec3 base = c.position, normal = c.normal, way = c.direction;
  if (role.held) {
    const std::vector<StrokeSample>& w = stroke.working;
    base = w.front().position, normal = w.front().normal;
    way = inPlane(w[std::min<size_t>(3, w.size() - 1)].position - base, normal, c.direction);
  }
  const glm::vec3 across = glm::normalize(glm::cross(normal, way));
  Target t{base, normal, way};
  const bool offset = role.atModel || role.along != 0 || role.across != 0;
  if (offset) {
    const glm::vec3 wanted = role.atModel ? base + *role.atModel : base + way * role.along + across * role.across;
    if (const auto hit = skinTree_.closest(wanted)) t.position = hit->point, t.normal = hit->normal;
  }
  const glm::vec3 lead = role.toward == LeadToward::Across ? across : role.toward == LeadToward::Model ? role.towardModel : way;
  t.lead = inPlane(lead, t.normal, way);
  return t;
}

void HandPlacer::place(const std::vector<Stroke>& strokes, float time, Pose& pose) const {
  const ContactPoint& c = pose.contact;
  if (c.stroke < 0) return;
  const Stroke& s = strokes[size_t(c.stroke)];
  const TechniqueHands* hands = book_.find(s.technique->id);
  if (!hands) return;
  const bool pressing = c.active && c.working;
  const float settled = std::clamp((time - s.start()) / kSettleSeconds, 0.0f, 1.0f);
  std::vector<SkinDent> lifts;
  for (const HandRole& role : hands->hands) {
    JointAngles angles = !pressing ? role.phases[size_t(StrokePhase::Return)]
                                   : blendAngles(role.phases[size_t(StrokePhase::Contact)],
                                                 role.phases[size_t(StrokePhase::Working)], settled);
    Target target = targetOf(role, s, c);
    const bool offset = role.held || role.atModel || role.along != 0 || role.across != 0;
    target.press = offset ? 0.0f : pose.press;
    target.above = role.above + pose.hover;
    float grip = 0;
    if (role.squeezeLag && pressing) {
      const float cycles = (time - s.start()) * std::max(s.technique->cyclesPerSecond, 0.1f) - *role.squeezeLag;
      grip = std::max(0.0f, std::sin(2.0f * glm::pi<float>() * cycles));
      angles = curled(angles, role.squeezeFlex * grip);
      target.above += kKneadingLift * grip;  // the hand rises with the skin it lifts
    }
    if (role.squeezeLag)
      lifts.push_back({target.position, target.normal, -kKneadingLift * grip, kKneadingLiftRadius});
    PlacedHand placed = solve(hand(role.side), role, angles, target);
    placed.grip = grip;
    pose.hands.push_back(std::move(placed));
  }
  if (!lifts.empty()) {
    // The skin rises under the gripping hand, not under both at once.
    lifts.resize(std::min<size_t>(lifts.size(), kMostDents));
    pose.dents = lifts;
  }
}

}  // namespace legatlas::technique
