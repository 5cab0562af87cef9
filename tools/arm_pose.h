#pragma once
// The arms of MakeHuman's rest pose (held out from the body, forearms reaching forward)
// lowered to the sides of the body, as a client lies on a massage table: each upper arm
// turned about its shoulder joint to hang along the torso, each forearm and hand turned
// about the elbow to continue the upper arm's line with the palm toward the thigh. The
// vertices follow by linear-blend skinning. Posing works in MakeHuman's frame
// (decimetres, the character's left on +X); the checks in the model frame (metres).
#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>
#include <map>
#include <string>
#include <vector>

#include "geometry/mesh.h"
#include "makehuman_files.h"

namespace legatlas::tools {

// p -> to + rotation (p - from): a turn about `from`, then `from` carried to `to`.
struct RigidMotion {
  glm::mat3 rotation{1.0f};
  glm::vec3 from{0.0f}, to{0.0f};
  glm::vec3 apply(const glm::vec3& p) const { return to + rotation * (p - from); }
};

struct ArmPoseSettings {
  float outwardDegrees = 0;   // the arm's line: from straight down, away from the body
  float backwardDegrees = 0;  // and toward the back
  // Of the forearm's turn about its own line (the palm to the thigh), the share taken by
  // lowerarm01 (the upper forearm); lowerarm02, the wrist and the hand take all of it.
  float upperForearmTwistShare = 0.5f;
};

struct PosedArm {
  char side = 'L';  // 'L': the character's left, MakeHuman's +X
  glm::vec3 shoulder{0.0f}, elbow{0.0f}, wrist{0.0f};  // rest joints
  glm::vec3 posedElbow{0.0f}, posedWrist{0.0f};
  float upperArmTurnDegrees = 0;  // the upper arm about the shoulder joint
  float straightenDegrees = 0;    // the forearm about the elbow, into the upper arm's line
  float twistDegrees = 0;         // then about that line, the palm to the thigh
  float palmRestToThighDegrees = 0;  // the palm's normal from facing the thigh, before the twist
};

struct ArmPose {
  std::vector<RigidMotion> motions;  // per bone of the skin weights; identity for bones that stay
  std::vector<PosedArm> arms;        // left, right
};

// Motions of upperarm01/02 (about the shoulder joint) and of lowerarm01/02, wrist,
// metacarpals and fingers (about the elbow joint) of both sides; every other bone stays.
// Throws InputError naming `skeletonPath` for a missing joint, `weightsPath` for a
// missing bone.
ArmPose lowerArms(const std::map<std::string, glm::vec3>& heads, const SkinWeights& weights,
                  const ArmPoseSettings& settings, const std::string& skeletonPath, const std::string& weightsPath);

// Each vertex moved by the weighted sum of its influences' motions; a vertex without
// weights stays.
std::vector<glm::vec3> skin(const std::vector<glm::vec3>& rest, const SkinWeights& weights,
                            const std::vector<RigidMotion>& motions);

// How the lowered arms sit, measured on the whole posed body in the model frame.
struct ArmFit {
  size_t armVertices = 0;  // vertices weighted mostly to the arm bones
  // Arm vertices whose nearest torso vertex is closer than 1 cm and whose outward normal
  // points toward it (skin pressed into the torso).
  size_t pressingTorso = 0;
  // Arm vertices inside the rest of the body's surface by more than `kInsideTolerance`.
  size_t insideBody = 0;
  float deepest = 0;  // metres
  glm::vec3 deepestAt{0.0f};
  geometry::Bounds leftHand, rightHand;  // the character's left (model -X) and right hands
  float handGap = 0;                     // the least distance from a hand to the rest of the body
  glm::vec3 frontmost{0.0f};     // the most anterior vertex of the body above `toesBelow`
  glm::vec3 armFrontmost{0.0f};  // and of the arms
};
inline constexpr float kInsideTolerance = 0.003f;

// `body` holds every base-mesh position (unused ones are skipped); the shares are per
// vertex: on all arm bones, on the left and on the right wrist, metacarpals and fingers.
ArmFit checkArms(const geometry::Mesh& body, const std::vector<float>& armShare,
                 const std::vector<float>& leftHandShare, const std::vector<float>& rightHandShare, float toesBelow);

}  // namespace legatlas::tools
