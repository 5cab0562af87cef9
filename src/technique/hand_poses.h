#pragma once
// How a therapist's hands are held for each technique, as data
// (assets/techniques/hand_poses.yaml): per technique the hands it uses, each with the part
// of it that touches the skin, which way it points, where it sits relative to the stroke's
// contact and its joints in each phase of a stroke. Angles are degrees about the rig's
// axes (technique/hand_rig.h): flexion bends toward the palm, spread turns a finger or
// the thumb toward the thumb's side.
#include <array>
#include <glm/vec3.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "technique/hand_rig.h"

namespace legatlas::technique {

// The part of the hand that lies on the skin.
enum class ContactPatch { Palm, ThumbPad, FingerPads, ForearmBorder };

// The part of the hand that points the way the hand is turned.
enum class HandLead { Fingers, Thumb, Elbow };

// Which way that part points: along the stroke, across it, or a fixed way in the model
// frame (laid in the plane of the skin).
enum class LeadToward { Stroke, Across, Model };

// The joints of one hand, degrees. Fingers index 0..3 are the index to the little finger;
// each has its knuckle, middle and end joint.
struct JointAngles {
  float wristFlex = 0, wristDeviation = 0;  // deviation: toward the thumb
  std::array<std::array<float, 3>, 4> fingers{};
  std::array<float, 4> spread{};
  std::array<float, 3> thumb{};
  float thumbSpread = 0;
};

enum class StrokePhase { Contact, Working, Return };

struct HandRole {
  HandSide side = HandSide::Right;
  ContactPatch patch = ContactPatch::Palm;
  HandLead lead = HandLead::Fingers;
  LeadToward toward = LeadToward::Stroke;
  glm::vec3 towardModel{0.0f};  // for LeadToward::Model
  // Where the patch goes: metres along and across the stroke from its contact, or from
  // the contact in the model frame when `atModel` is set.
  float along = 0, across = 0;
  std::optional<glm::vec3> atModel;
  bool held = false;   // placed at the stroke's start and kept there: a supporting hand
  float above = 0;     // metres above the skin the patch rests (on a stone)
  // Kneading: the share of a grip cycle by which this hand's squeeze comes late; none
  // for a hand that does not squeeze.
  std::optional<float> squeezeLag;
  float squeezeFlex = 0;  // degrees more at every finger joint at the height of a squeeze
  std::array<JointAngles, 3> phases;  // indexed by StrokePhase
  int line = 0;
};

struct TechniqueHands {
  std::string technique;
  std::vector<HandRole> hands;  // none: nothing is held on the skin (a resting pad)
};

struct HandPoseBook {
  std::string file;
  std::vector<TechniqueHands> techniques;
  const TechniqueHands* find(std::string_view technique) const;
};

// Reads the book. Throws InputError naming the file, the line and field, and the fix for
// a file that is missing, not YAML, names an unknown technique or field, or holds an
// angle out of a joint's range.
HandPoseBook parseHandPoses(const std::string& text, const std::string& file);
HandPoseBook readHandPoses(const std::string& file);

// The pose of `rig` for these joint angles.
HandPose poseOf(const HandRig& rig, const JointAngles& angles);
// Joint angles part way from `a` to `b`.
JointAngles blendAngles(const JointAngles& a, const JointAngles& b, float share);
// Every finger and thumb joint bent by `degrees` more.
JointAngles curled(JointAngles angles, float degrees);

std::string_view patchId(ContactPatch patch);

}  // namespace legatlas::technique
