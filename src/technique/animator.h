#pragma once
// What the hands do at a moment of a lesson: where the contact is, which way it travels,
// how far the skin is pressed in (or lifted, in kneading), and the hands' parts posed for
// the technique. No drawing here: the renderer is given shapes and dents.
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <vector>

#include "technique/hand_poses.h"
#include "technique/stroke.h"

namespace legatlas::technique {

struct ContactPoint {
  bool active = false;    // a stroke is under way
  bool working = false;   // in its working phase (else returning, or resting between)
  int stroke = -1;        // index into the strokes
  glm::vec3 position{0.0f}, normal{0.0f, 0.0f, 1.0f};
  glm::vec3 direction{0.0f, 1.0f, 0.0f};  // of travel, in the plane of the skin
  float progress = 0;     // 0..1 through the working phase
};

// One simple shaped part of a hand, forearm, stone or pad: an ellipsoid whose semi-axes
// are the columns of `axes`.
struct PosedPart {
  enum class Material { Hand, Stone, Pad } material = Material::Hand;
  glm::vec3 centre{0.0f};
  glm::mat3 axes{1.0f};
};

// The skin pressed in by `depth` metres (negative: lifted) within `radius` of `centre`.
struct SkinDent {
  glm::vec3 centre{0.0f}, normal{0.0f, 0.0f, 1.0f};
  float depth = 0, radius = 0;
};

// A hand of the rig laid on the leg: its joints, and where the hand frame goes in the model
// frame (a rotation and a translation; technique/hand_placement.h puts it there).
struct PlacedHand {
  HandSide side = HandSide::Right;
  ContactPatch patch = ContactPatch::Palm;
  glm::mat4 placement{1.0f};  // hand frame to model frame
  HandPose pose;
  float grip = 0;   // kneading: 0 released .. 1 at the height of the squeeze
  float press = 0;  // metres the patch presses the skin in (the dent under it)
  float above = 0;  // metres the patch rests above the skin (on a stone, lifted with it, hovering)
};

struct Pose {
  ContactPoint contact;
  std::vector<PosedPart> parts;
  std::vector<SkinDent> dents;  // at most kMostDents
  float press = 0;   // how far the working hand presses the skin in, metres
  float hover = 0;   // how far it is lifted off the skin, metres (between strokes, on a return)
  std::vector<PlacedHand> hands;  // filled by a HandPlacer; empty from poseAt alone
};

inline constexpr int kMostDents = 2;

// Where the contact is at `time` seconds into the lesson.
ContactPoint contactAt(const std::vector<Stroke>& strokes, float time);
// The hands and the skin at `time`.
Pose poseAt(const std::vector<Stroke>& strokes, float time);
// How far a pressure presses the skin in, in metres.
float dentDepth(Pressure pressure);
// The lesson's length in seconds.
float lessonDuration(const std::vector<Stroke>& strokes);

}  // namespace legatlas::technique
