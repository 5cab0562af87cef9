#include "teaching/lesson_playback.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>

#include "teaching/lesson_library.h"
#include "teaching/therapist_hands.h"
#include "technique/animator.h"
#include "technique/stroke_planner.h"

namespace legatlas::teaching {
namespace {

constexpr float kTrailFadeSeconds = 4.0f;
constexpr float kStepMargin = 0.1f;  // metres of leg shown around a step's strokes
constexpr float kTableViewElevationDegrees = 30.0f;
constexpr float kSteeperForSkinFacingUp = 30.0f;
constexpr float kInnerSide = 0.5f;             // strokes whose skin faces this much medially
constexpr float kSteeperForInnerSide = 20.0f;
constexpr float kFaintestTrail = 0.15f;
constexpr float kArrowLength = 0.045f;
const glm::vec3 kHandColor{0.62f, 0.80f, 0.86f};  // a pale glove, distinct from the skin
const glm::vec3 kStoneColor{0.90f, 0.90f, 0.92f};
const glm::vec3 kPadColor{0.86f, 0.33f, 0.22f};

glm::vec3 colorOf(technique::PosedPart::Material material) {
  switch (material) {
    case technique::PosedPart::Material::Hand: return kHandColor;
    case technique::PosedPart::Material::Stone: return kStoneColor;
    case technique::PosedPart::Material::Pad: return kPadColor;
  }
  return kHandColor;
}

// The working path of a stroke up to `time`, fading with age.
void addTrail(const technique::Stroke& s, float time, std::vector<scene::TrailPoint>& trail) {
  for (const technique::StrokeSample& sample : s.working) {
    if (sample.time > time) break;
    const float age = time - sample.time;
    trail.push_back({sample.position, sample.normal, std::max(kFaintestTrail, 1.0f - age / kTrailFadeSeconds)});
  }
}

// How far ahead of the contact the arrow points, so that the hand does not cover it.
float arrowLead(technique::Contact contact) {
  switch (contact) {
    case technique::Contact::Palm:
    case technique::Contact::FlatFingers:
    case technique::Contact::Stone: return 0.16f;  // past the fingertips
    case technique::Contact::Thumb: return 0.07f;
    default: return 0.09f;
  }
}

// The working sample `lead` metres further along the path than the contact at `time`.
size_t pathAhead(const technique::Stroke& s, const glm::vec3& contact, float time, float lead) {
  size_t i = 0;
  while (i + 1 < s.working.size() && s.working[i + 1].time <= time) ++i;
  float travelled = glm::length(s.working[std::min(i + 1, s.working.size() - 1)].position - contact);
  for (++i; i + 1 < s.working.size() && travelled < lead; ++i)
    travelled += glm::length(s.working[i + 1].position - s.working[i].position);
  return std::min(i, s.working.size() - 1);
}

}  // namespace

float LessonPlayback::duration() const { return strokes.empty() ? 0.0f : strokes.back().end(); }

float LessonPlayback::stepStart(int step) const {
  for (const technique::Stroke& s : strokes)
    if (s.step >= step) return s.start();
  return duration();
}

int LessonPlayback::stepAt(float time) const {
  int step = 0;
  for (const technique::Stroke& s : strokes) {
    if (s.start() > time) break;
    step = s.step;
  }
  return step;
}

geometry::Bounds LessonPlayback::stepBounds(int step) const {
  geometry::Bounds box;
  for (const technique::Stroke& s : strokes)
    if (s.step == step)
      for (const technique::StrokeSample& sample : s.working) box.add(sample.position);
  return box;
}

LessonPlayback planPlayback(const std::string& nameOrFile, const technique::LegModel& leg) {
  LessonPlayback playback;
  playback.lesson = technique::loadLesson(lessonFile(nameOrFile));
  playback.strokes = technique::planLesson(playback.lesson, leg);
  playback.hands = std::make_shared<const technique::HandTrack>(openHandPlacer(leg), playback.strokes);
  playback.handSkin = handSkinOf(playback.hands->placer());
  return playback;
}

void addPose(const technique::Pose& pose, scene::Overlays& overlays) {
  for (const technique::PosedPart& part : pose.parts)
    if (pose.hands.empty() || part.material != technique::PosedPart::Material::Hand)
      overlays.solids.push_back({part.centre, part.axes, colorOf(part.material)});
  for (const technique::SkinDent& d : pose.dents) overlays.dents.push_back({d.centre, d.normal, d.depth, d.radius});
}

void addPlacedHands(const technique::Pose& pose, const technique::HandPlacer& placer,
                    std::shared_ptr<const scene::HandSkin> skin, float opacity, scene::Overlays& overlays) {
  static_assert(scene::kMostSkinnedHandBones == technique::kMostHandBones, "one bone array length");
  for (const technique::PlacedHand& hand : pose.hands) {
    const bool right = hand.side == technique::HandSide::Right;
    overlays.hands.push_back({right ? scene::SkinnedHand::Side::Right : scene::SkinnedHand::Side::Left, hand.placement,
                              placer.rig(hand.side).boneMatrices(hand.pose), opacity});
  }
  if (!pose.hands.empty()) overlays.handSkin = std::move(skin);
}

scene::Overlays overlaysAt(const LessonPlayback& playback, float time, float handOpacity) {
  scene::Overlays overlays;
  technique::Pose pose = technique::poseAt(playback.strokes, time);
  const technique::ContactPoint& c = pose.contact;
  if (c.stroke < 0) return overlays;
  if (playback.hands) {
    playback.hands->place(time, pose);
    addPlacedHands(pose, playback.hands->placer(), playback.handSkin, handOpacity, overlays);
  }
  addPose(pose, overlays);
  const technique::Stroke& s = playback.strokes[c.stroke];
  // The previous stroke of the same step stays as a fading trail (circles repeat on a spot).
  overlays.trails.emplace_back();
  if (c.stroke > 0 && playback.strokes[c.stroke - 1].step == s.step)
    addTrail(playback.strokes[c.stroke - 1], time, overlays.trails.back().points);
  addTrail(s, time, overlays.trails.back().points);
  if (s.workingLength() > kArrowLength) {
    // The arrow lies on the stroke's path ahead of the hand (at its end once it is done).
    const size_t at = c.working ? pathAhead(s, c.position, time, arrowLead(s.technique->contact)) : s.working.size() - 1;
    const size_t before = at > 0 ? at - 1 : 0, after = std::min(at + 1, s.working.size() - 1);
    const glm::vec3 direction = s.working[after].position - s.working[before].position;
    if (glm::length(direction) > 1e-6f)
      overlays.arrows.push_back({s.working[at].position, glm::normalize(direction), s.working[at].normal, kArrowLength});
  }
  if (s.technique->contact == technique::Contact::HeelAndSole && c.active) {
    // A held stretch has no path: the arrow shows the push, the foot drawn up toward the shin.
    // Drawn in the leg's side plane, so it shows from either side of the table.
    const glm::vec3 push(0.0f, 1.0f, 0.0f);
    overlays.arrows.push_back({c.position + c.normal * 0.045f + push * 0.04f, push, glm::vec3(1, 0, 0), kArrowLength * 1.5f});
  }
  if (c.active && c.working && s.region.empty()) overlays.workedTissue = s.tissue;
  return overlays;
}

scene::ViewPreset viewFacing(const LessonPlayback& playback, int step) {
  glm::vec3 normals(0.0f);
  for (const technique::Stroke& s : playback.strokes)
    if (s.step == step)
      for (const technique::StrokeSample& sample : s.working) normals += sample.normal;
  scene::ViewPreset best = scene::ViewPreset::Anterior;
  float bestScore = -2.0f;
  for (scene::ViewPreset preset : {scene::ViewPreset::Anterior, scene::ViewPreset::Posterior,
                                    scene::ViewPreset::Lateral, scene::ViewPreset::Medial}) {
    // A view looks along -normal at the skin it faces.
    const float score = glm::length(normals) > 0
                            ? glm::dot(-scene::viewDirection(preset), glm::normalize(normals))
                            : 0.0f;
    if (score > bestScore) bestScore = score, best = preset;
  }
  return best;
}

void aimAtStep(scene::Camera& camera, const LessonPlayback& playback, int step, float aspect,
               std::optional<scene::ViewPreset> view, std::optional<glm::vec3> roomUp) {
  camera.setVertical(roomUp.value_or(glm::vec3(0, 1, 0)));
  if (view || !roomUp) {
    camera.setPreset(view.value_or(viewFacing(playback, step)));
  } else {
    // As a therapist at the table sees the step: from the side of the table the strokes
    // face, looking down at them.
    glm::vec3 normals(0.0f);
    for (const technique::Stroke& s : playback.strokes)
      if (s.step == step)
        for (const technique::StrokeSample& sample : s.working) normals += sample.normal;
    // The therapist stands at the treated (right) leg's side of the table; with the client
    // on their side, in front of or behind them, whichever the strokes face.
    // Inner-side work is seen from over the other leg, from higher up, as a therapist leans
    // over to see it.
    glm::vec3 side(1, 0, 0);
    float steeper = 0.0f;
    if (std::abs(roomUp->x) > 0.5f) {
      side = glm::vec3(0, 0, normals.z < 0 ? -1.0f : 1.0f);
    } else if (glm::length(normals) > 0 && glm::normalize(normals).x < -kInnerSide) {
      side = glm::vec3(-1, 0, 0);
      steeper = kSteeperForInnerSide;
    }
    // Skin that faces the ceiling is seen from higher up.
    const float facingUp = glm::length(normals) > 0 ? std::max(0.0f, glm::dot(glm::normalize(normals), *roomUp)) : 0.0f;
    const float elevation = glm::radians(kTableViewElevationDegrees + kSteeperForSkinFacingUp * facingUp + steeper);
    const glm::vec3 toEye = glm::normalize(glm::normalize(side) * std::cos(elevation) + *roomUp * std::sin(elevation));
    camera.lookAlong(-toEye, *roomUp);
  }
  geometry::Bounds around = playback.stepBounds(step);
  if (around.empty()) return;
  around.add(around.min - glm::vec3(kStepMargin));
  around.add(around.max + glm::vec3(kStepMargin));
  camera.frame(around, aspect);
}

std::optional<technique::ClientPosition> stepPosition(const LessonPlayback& playback, int step) {
  for (const technique::Stroke& s : playback.strokes)
    if (s.step == step) return s.position;
  return std::nullopt;
}

}  // namespace legatlas::teaching
