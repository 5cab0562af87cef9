#include "technique/animator.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

namespace legatlas::technique {
namespace {

// Where along a run of samples `time` falls: the segment and the share of it.
std::pair<size_t, float> locate(const std::vector<StrokeSample>& samples, float time) {
  const auto after = std::upper_bound(samples.begin(), samples.end(), time,
                                      [](float t, const StrokeSample& s) { return t < s.time; });
  if (after == samples.begin()) return {0, 0.0f};
  if (after == samples.end()) return {samples.size() - 1, 0.0f};
  const size_t i = static_cast<size_t>(after - samples.begin()) - 1;
  const float span = samples[i + 1].time - samples[i].time;
  return {i, span > 0 ? (time - samples[i].time) / span : 0.0f};
}

glm::vec3 inSkinPlane(glm::vec3 v, const glm::vec3& normal, const glm::vec3& fallback) {
  v -= normal * glm::dot(v, normal);
  if (glm::length(v) > 1e-6f) return glm::normalize(v);
  glm::vec3 f = fallback - normal * glm::dot(fallback, normal);
  return glm::length(f) > 1e-6f ? glm::normalize(f) : glm::normalize(glm::cross(normal, glm::vec3(1, 0, 0)));
}

// The frame the hand is posed in: along the travel, across it, out of the skin.
struct HandFrame {
  glm::vec3 at, along, across, out;
  glm::vec3 point(float a, float c, float o) const { return at + along * a + across * c + out * o; }
};

PosedPart part(const glm::vec3& centre, const glm::vec3& axis1, const glm::vec3& axis2, const glm::vec3& axis3,
               PosedPart::Material material = PosedPart::Material::Hand) {
  return {material, centre, glm::mat3(axis1, axis2, axis3)};
}

// A finger (or thumb) from `base` toward `direction`, with its flat facing `up`.
PosedPart digit(const glm::vec3& base, glm::vec3 direction, const glm::vec3& up, float length, float width) {
  direction = glm::normalize(direction);
  const glm::vec3 side = glm::normalize(glm::cross(up, direction));
  const glm::vec3 flat = glm::cross(direction, side);
  return part(base + direction * length, direction * length, side * width, flat * width * 0.9f);
}

// A flat hand on the skin, fingers leading, moulded to the limb.
void flatHand(const HandFrame& f, float lift, std::vector<PosedPart>& parts) {
  const glm::vec3 palm = f.point(-0.02f, 0.0f, 0.013f + lift);
  parts.push_back(part(palm, f.along * 0.05f, f.across * 0.043f, f.out * 0.013f));
  for (float offset : {-0.027f, -0.009f, 0.009f, 0.027f}) {
    const glm::vec3 base = palm + f.along * 0.045f + f.across * offset - f.out * 0.002f;
    parts.push_back(digit(base, f.along - f.out * 0.2f, f.out, offset == 0.027f || offset == -0.027f ? 0.03f : 0.036f, 0.0085f));
  }
  parts.push_back(digit(palm + f.across * 0.04f, f.along * 0.5f + f.across * 0.85f - f.out * 0.15f, f.out, 0.026f, 0.011f));
  // The wrist rises off the skin behind the palm, so the forearm does not hide the stroke.
  const glm::vec3 wrist = glm::normalize(-f.along * 0.55f + f.out * 0.85f);
  parts.push_back(part(palm - f.along * 0.035f + wrist * 0.07f, wrist * 0.06f, f.across * 0.03f,
                       glm::normalize(glm::cross(wrist, f.across)) * 0.024f));
}

// The thumb pad presses at the contact; the hand wraps around the side of the limb.
void thumbHand(const HandFrame& f, float depth, std::vector<PosedPart>& parts) {
  // The thumb lies along the stroke, its pad at the contact.
  parts.push_back(digit(f.point(-0.05f, 0.0f, 0.011f - depth), f.along + f.out * 0.12f, f.out, 0.028f, 0.0105f));
  // The palm stands beside the limb, the fingers wrapping round behind it.
  const glm::vec3 palm = f.point(-0.055f, 0.06f, -0.035f);
  parts.push_back(part(palm, f.along * 0.045f, f.out * 0.04f, f.across * 0.013f));
  for (float offset : {-0.024f, -0.008f, 0.008f, 0.024f})
    parts.push_back(digit(palm + f.along * offset - f.out * 0.035f, -f.out - f.across * 0.45f, f.across, 0.03f, 0.0085f));
  const glm::vec3 wrist = glm::normalize(-f.along * 0.7f + f.across * 0.7f);
  parts.push_back(part(palm + wrist * 0.08f, wrist * 0.06f, f.out * 0.03f, glm::normalize(glm::cross(wrist, f.out)) * 0.024f));
}

// The flat of the forearm near the elbow on the skin, the fist behind, the upper arm up.
void forearm(const HandFrame& f, float depth, std::vector<PosedPart>& parts) {
  parts.push_back(part(f.point(-0.08f, 0.0f, 0.034f - depth), f.along * 0.14f, f.across * 0.038f, f.out * 0.033f));
  parts.push_back(part(f.point(-0.235f, 0.0f, 0.045f - depth), f.along * 0.045f, f.across * 0.04f, f.out * 0.035f));
  parts.push_back(part(f.point(0.05f, 0.0f, 0.16f - depth), f.out * 0.13f, f.across * 0.045f, f.along * 0.045f));
}

// Two hands grasp the belly from either side; one lifts and squeezes while the other holds.
void kneadingHands(const HandFrame& f, float lifting, std::vector<PosedPart>& parts) {
  for (float side : {-1.0f, 1.0f}) {
    const float lift = side > 0 ? std::max(lifting, 0.0f) : std::max(-lifting, 0.0f);
    const glm::vec3 palm = f.point(0.0f, side * (0.06f - 0.012f * lift / 0.008f), 0.02f + lift);
    parts.push_back(part(palm, f.along * 0.048f, f.out * 0.042f, f.across * 0.014f));
    for (float offset : {-0.027f, -0.009f, 0.009f, 0.027f})
      parts.push_back(digit(palm + f.along * offset + f.out * 0.03f, -f.across * side * 0.8f + f.out * 0.3f,
                            -f.across * side, 0.032f, 0.0085f));
    const glm::vec3 wrist = glm::normalize(f.across * side * 0.6f + f.out);
    parts.push_back(part(palm + wrist * 0.075f, wrist * 0.06f, f.along * 0.03f, glm::normalize(glm::cross(wrist, f.along)) * 0.024f));
  }
}

}  // namespace

float dentDepth(Pressure pressure) {
  switch (pressure) {
    case Pressure::VeryLight: return 0.001f;
    case Pressure::Light: return 0.003f;
    case Pressure::Moderate: return 0.006f;
    case Pressure::Firm: return 0.009f;
    case Pressure::Deep: return 0.012f;
  }
  return 0.003f;
}

float lessonDuration(const std::vector<Stroke>& strokes) { return strokes.empty() ? 0.0f : strokes.back().end(); }

ContactPoint contactAt(const std::vector<Stroke>& strokes, float time) {
  ContactPoint c;
  if (strokes.empty()) return c;
  const auto after = std::upper_bound(strokes.begin(), strokes.end(), time,
                                      [](float t, const Stroke& s) { return t < s.start(); });
  const size_t index = after == strokes.begin() ? 0 : static_cast<size_t>(after - strokes.begin()) - 1;
  const Stroke& s = strokes[index];
  c.stroke = static_cast<int>(index);
  c.active = time >= s.start() && time <= s.end();
  const float workingEnd = s.working.back().time;
  c.working = time <= workingEnd || s.back.empty();
  const std::vector<StrokeSample>& run = c.working ? s.working : s.back;
  const auto [i, share] = locate(run, std::clamp(time, run.front().time, run.back().time));
  const size_t next = std::min(i + 1, run.size() - 1);
  c.position = glm::mix(run[i].position, run[next].position, share);
  c.normal = glm::normalize(glm::mix(run[i].normal, run[next].normal, share) + glm::vec3(1e-6f));
  // The hand keeps facing the way the working phase goes, also on its way back.
  const auto [wi, ws] = locate(s.working, std::clamp(time, s.working.front().time, workingEnd));
  (void)ws;
  const size_t wn = std::min(wi + 1, s.working.size() - 1);
  glm::vec3 travel = s.working[wn].position - s.working[wi].position;
  if (glm::length(travel) < 1e-6f) travel = s.working.back().position - s.working.front().position;
  c.direction = inSkinPlane(travel, c.normal, glm::vec3(0, 1, 0));
  const float span = workingEnd - s.working.front().time;
  c.progress = span > 0 ? std::clamp((time - s.working.front().time) / span, 0.0f, 1.0f) : 1.0f;
  return c;
}

namespace {

// Kneading: one grip cycle lifts and squeezes with the right hand, then the left.
// `time` < 0: the hands rest on the skin without working.
void poseKneading(const HandFrame& frame, const ContactPoint& c, float cyclesPerSecond, float time, float depth,
                  float hover, Pose& pose) {
  const float phase = time >= 0 ? std::fmod(time * std::max(cyclesPerSecond, 0.1f), 1.0f) : 0.0f;
  const float lifting = time >= 0 ? 0.008f * std::sin(2 * glm::pi<float>() * phase) : 0.0f;
  kneadingHands(frame, lifting + hover, pose.parts);
  const float side = lifting >= 0 ? 1.0f : -1.0f;
  pose.dents.push_back({c.position + frame.across * side * 0.02f, c.normal, -std::abs(lifting), 0.04f});
  pose.dents.push_back({c.position - frame.across * side * 0.045f, c.normal, depth * 0.5f, 0.03f});
}

// The calf stretch: the palm flat on the sole, fingers toward the toes; the other hand
// cups the heel from behind. The foot is drawn up toward the shin and held: no travel.
void poseStretch(const ContactPoint& c, float depth, float hover, Pose& pose) {
  const glm::vec3 toes = inSkinPlane(glm::vec3(0, 0, 1), c.normal, glm::vec3(0, 0, 1));
  flatHand(HandFrame{c.position, toes, glm::normalize(glm::cross(c.normal, toes)), c.normal}, hover - depth, pose.parts);
  const glm::vec3 heel = c.position + glm::vec3(0.0f, 0.035f, -0.16f);
  const glm::vec3 up(0, 1, 0), back(0, 0, -1);
  flatHand(HandFrame{heel + back * 0.02f, up, glm::normalize(glm::cross(back, up)), back}, 0.0f, pose.parts);
  pose.dents.push_back({c.position, c.normal, depth, 0.04f});
}

}  // namespace

Pose poseAt(const std::vector<Stroke>& strokes, float time) {
  Pose pose;
  pose.contact = contactAt(strokes, time);
  const ContactPoint& c = pose.contact;
  if (c.stroke < 0) return pose;
  const Stroke& s = strokes[c.stroke];
  const Technique& t = *s.technique;
  const HandFrame frame{c.position, c.direction, glm::normalize(glm::cross(c.normal, c.direction)), c.normal};
  const bool pressing = c.active && c.working;
  float depth = pressing ? dentDepth(s.pressure) : 0.0f;
  // Off the skin between strokes and on a lifted return.
  const float hover = c.active && !c.working && (t.reachesMuscle || t.contact == Contact::Stone) ? 0.02f : (c.active ? 0.0f : 0.03f);
  pose.hover = hover;
  switch (t.contact) {
    case Contact::Palm:
    case Contact::FlatFingers:
      if (t.motion == Motion::ShortPushes && pressing) depth *= 0.5f + 0.5f * std::sin(glm::pi<float>() * c.progress);
      flatHand(frame, hover - depth, pose.parts);
      pose.dents.push_back({c.position, c.normal, depth, 0.05f});
      break;
    case Contact::Thumb:
      thumbHand(frame, depth - hover, pose.parts);
      pose.dents.push_back({c.position, c.normal, depth, 0.022f});
      break;
    case Contact::Forearm:
      forearm(frame, depth - hover, pose.parts);
      pose.dents.push_back({c.position - c.direction * 0.06f, c.normal, depth, 0.06f});
      break;
    case Contact::TwoHands:
      poseKneading(frame, c, t.cyclesPerSecond, pressing ? time : -1.0f, depth, hover, pose);
      break;
    case Contact::Stone:
      pose.parts.push_back(part(frame.point(0.0f, 0.0f, 0.011f + hover - depth), frame.along * 0.036f, frame.across * 0.026f,
                                frame.out * 0.011f, PosedPart::Material::Stone));
      flatHand(HandFrame{frame.point(0.0f, 0.0f, 0.018f), frame.along, frame.across, frame.out}, hover - depth, pose.parts);
      pose.dents.push_back({c.position, c.normal, depth, 0.035f});
      break;
    case Contact::HeelAndSole:
      poseStretch(c, depth, hover, pose);
      break;
    case Contact::Pad:
      pose.parts.push_back(part(frame.point(0.0f, 0.0f, 0.007f), frame.along * 0.09f, frame.across * 0.07f,
                                frame.out * 0.007f, PosedPart::Material::Pad));
      pose.dents.push_back({c.position, c.normal, c.active ? 0.001f : 0.0f, 0.08f});
      break;
  }
  for (const SkinDent& d : pose.dents) pose.press = std::max(pose.press, d.depth);
  return pose;
}

}  // namespace legatlas::technique
