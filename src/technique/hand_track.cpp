#include "technique/hand_track.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/quaternion.hpp>

namespace legatlas::technique {
namespace {

// Solutions kept before the oldest are let go: about six minutes of strokes.
constexpr size_t kMostSolved = 4096;

// A blend is only as good as its two ends are alike: the solver's fixes (a finger
// straightened, the hand tilted or lifted) come in steps, and two solutions a tenth of a
// second apart that took different steps have nothing sound between them.
// Compared where each hand lies from the stroke's contact at its moment (the contact itself
// travels centimetres in a tenth of a second).
constexpr float kMostBlendedMove = 0.006f;       // metres
constexpr float kMostBlendedTurnDegrees = 8.0f;  // the hand, or any bone
// Metres a blended hand is lifted half-way between its two solutions (a 6 mm move or an 8
// degree turn of the hand about its patch sags a fraction of a millimetre off the limb).
constexpr float kBlendSag = 0.0005f;

float degreesBetween(const glm::quat& a, const glm::quat& b) {
  return glm::degrees(2.0f * std::acos(std::clamp(std::abs(glm::dot(a, b)), 0.0f, 1.0f)));
}

bool blendable(const HandTrack::Solved& a, const HandTrack::Solved& b) {
  if (a.hands.size() != b.hands.size()) return false;
  const glm::mat4 fromA = glm::inverse(a.contactFrame), fromB = glm::inverse(b.contactFrame);
  for (size_t i = 0; i < a.hands.size(); ++i) {
    const PlacedHand &ha = a.hands[i], &hb = b.hands[i];
    if (ha.side != hb.side || ha.patch != hb.patch) return false;
    const glm::mat4 localA = fromA * ha.placement, localB = fromB * hb.placement;
    if (glm::distance(glm::vec3(localA[3]), glm::vec3(localB[3])) > kMostBlendedMove) return false;
    const glm::quat turnA = glm::quat_cast(glm::mat3(localA)), turnB = glm::quat_cast(glm::mat3(localB));
    if (degreesBetween(turnA, turnB) > kMostBlendedTurnDegrees) return false;
    for (size_t r = 0; r < ha.pose.rotations.size() && r < hb.pose.rotations.size(); ++r)
      if (degreesBetween(ha.pose.rotations[r], hb.pose.rotations[r]) > kMostBlendedTurnDegrees) return false;
  }
  return true;
}

SkinDent blendDents(const SkinDent& a, const SkinDent& b, float share) {
  return {glm::mix(a.centre, b.centre, share), glm::normalize(glm::mix(a.normal, b.normal, share) + glm::vec3(1e-6f)),
          glm::mix(a.depth, b.depth, share), glm::mix(a.radius, b.radius, share)};
}

glm::mat4 blendFrames(const glm::mat4& a, const glm::mat4& b, float share) {
  glm::mat4 out = glm::mat4_cast(glm::slerp(glm::quat_cast(glm::mat3(a)), glm::quat_cast(glm::mat3(b)), share));
  out[3] = glm::vec4(glm::mix(glm::vec3(a[3]), glm::vec3(b[3]), share), 1.0f);
  return out;
}

bool sameFrame(const glm::mat4& a, const glm::mat4& b) {
  return glm::distance(glm::vec3(a[3]), glm::vec3(b[3])) <= kMostBlendedMove &&
         degreesBetween(glm::quat_cast(glm::mat3(a)), glm::quat_cast(glm::mat3(b))) <= kMostBlendedTurnDegrees;
}

}  // namespace

glm::mat4 contactFrameOf(const ContactPoint& c) {
  glm::mat4 frame(1.0f);
  frame[0] = glm::vec4(c.direction, 0.0f);
  frame[1] = glm::vec4(glm::cross(c.normal, c.direction), 0.0f);
  frame[2] = glm::vec4(c.normal, 0.0f);
  frame[3] = glm::vec4(c.position, 1.0f);
  return frame;
}

PlacedHand blendHands(const PlacedHand& a, const PlacedHand& b, float share) {
  PlacedHand out = a;
  const glm::quat turnA = glm::quat_cast(glm::mat3(a.placement)), turnB = glm::quat_cast(glm::mat3(b.placement));
  out.placement = glm::mat4_cast(glm::slerp(turnA, turnB, share));
  out.placement[3] = glm::vec4(glm::mix(glm::vec3(a.placement[3]), glm::vec3(b.placement[3]), share), 1.0f);
  for (size_t i = 0; i < out.pose.rotations.size() && i < b.pose.rotations.size(); ++i)
    out.pose.rotations[i] = glm::slerp(a.pose.rotations[i], b.pose.rotations[i], share);
  out.grip = glm::mix(a.grip, b.grip, share);
  out.press = glm::mix(a.press, b.press, share);
  out.above = glm::mix(a.above, b.above, share);
  return out;
}

HandTrack::HandTrack(std::shared_ptr<const HandPlacer> placer) : placer_(std::move(placer)) {}

const HandTrack::Solved& HandTrack::solvedAt(const std::vector<Stroke>& strokes, int stroke, int tenth,
                                             float time) const {
  const auto key = std::make_pair(stroke, tenth);
  if (const auto found = solved_.find(key); found != solved_.end()) return found->second;
  Pose pose = poseAt(strokes, time);
  placer_->place(strokes, time, pose);
  const glm::mat4 contactFrame = contactFrameOf(pose.contact);
  return solved_.emplace(key, Solved{std::move(pose.hands), std::move(pose.dents), contactFrame}).first->second;
}

void HandTrack::place(const std::vector<Stroke>& strokes, float time, Pose& pose) const {
  const ContactPoint& c = pose.contact;
  if (c.stroke < 0) return;
  const Stroke& s = strokes[size_t(c.stroke)];
  // The stroke's hands last until the next stroke begins (they hover between the two).
  const size_t next = size_t(c.stroke) + 1;
  const float until = next < strokes.size() ? strokes[next].start() : s.end() + 3600.0f;
  const float into = std::max(time - s.start(), 0.0f);
  const int tenth = int(std::floor(into / kSolveEvery));
  const float before = s.start() + float(tenth) * kSolveEvery;
  // The moment after, kept inside the stroke's own span so the same hands are solved.
  const float after = std::min(before + kSolveEvery, until - 1e-4f);
  std::lock_guard<std::mutex> lock(mutex_);
  if (strokes.size() != strokeCount_ || solved_.size() >= kMostSolved) solved_.clear(), strokeCount_ = strokes.size();
  if (after <= before + 1e-5f) {  // too close to the next stroke to blend: solve the moment itself
    placer_->place(strokes, time, pose);
    return;
  }
  const Solved& a = solvedAt(strokes, c.stroke, tenth, before);
  const Solved& b = solvedAt(strokes, c.stroke, tenth + 1, after);
  if (!blendable(a, b)) {
    placer_->place(strokes, time, pose);
    return;
  }
  const float share = std::clamp((time - before) / (after - before), 0.0f, 1.0f);
  // Nor is a blend sound where the stroke itself turns or bends between the two moments
  // (a circle's tight turn, the corner at the end of a pass): the contact blended the same
  // way must be the contact now.
  if (!sameFrame(blendFrames(a.contactFrame, b.contactFrame, share), contactFrameOf(c))) {
    placer_->place(strokes, time, pose);
    return;
  }
  // A blend moves the hand along a chord where the solved hands follow the curved limb:
  // it is lifted by about the chord's sag, nothing at the solved moments, most half-way.
  const glm::vec3 lift = c.normal * (4.0f * share * (1.0f - share) * kBlendSag);
  for (size_t i = 0; i < a.hands.size(); ++i) {
    PlacedHand hand = blendHands(a.hands[i], b.hands[i], share);
    hand.placement[3] += glm::vec4(lift, 0.0f);
    pose.hands.push_back(std::move(hand));
  }
  // Kneading hands move the skin's dents with them (HandPlacer), blended the same way.
  if (!a.hands.empty() && a.dents.size() == b.dents.size() && a.dents.size() == pose.dents.size()) {
    for (size_t i = 0; i < a.dents.size(); ++i) pose.dents[i] = blendDents(a.dents[i], b.dents[i], share);
  }
}

}  // namespace legatlas::technique
