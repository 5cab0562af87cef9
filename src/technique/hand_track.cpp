#include "technique/hand_track.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/quaternion.hpp>

namespace legatlas::technique {
namespace {

// Solutions kept before the oldest are let go: about six minutes of strokes.
constexpr size_t kMostSolved = 4096;

bool sameHands(const std::vector<PlacedHand>& a, const std::vector<PlacedHand>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].side != b[i].side || a[i].patch != b[i].patch) return false;
  return true;
}

SkinDent blendDents(const SkinDent& a, const SkinDent& b, float share) {
  return {glm::mix(a.centre, b.centre, share), glm::normalize(glm::mix(a.normal, b.normal, share) + glm::vec3(1e-6f)),
          glm::mix(a.depth, b.depth, share), glm::mix(a.radius, b.radius, share)};
}

}  // namespace

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
  return solved_.emplace(key, Solved{std::move(pose.hands), std::move(pose.dents)}).first->second;
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
  if (!sameHands(a.hands, b.hands)) {
    placer_->place(strokes, time, pose);
    return;
  }
  const float share = std::clamp((time - before) / (after - before), 0.0f, 1.0f);
  for (size_t i = 0; i < a.hands.size(); ++i) pose.hands.push_back(blendHands(a.hands[i], b.hands[i], share));
  // Kneading hands move the skin's dents with them (HandPlacer), blended the same way.
  if (!a.hands.empty() && a.dents.size() == b.dents.size() && a.dents.size() == pose.dents.size()) {
    for (size_t i = 0; i < a.dents.size(); ++i) pose.dents[i] = blendDents(a.dents[i], b.dents[i], share);
  }
}

}  // namespace legatlas::technique
