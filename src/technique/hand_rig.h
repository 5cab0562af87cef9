#pragma once
// A therapist's hand and forearm: MakeHuman's CC0 right hand (assets/hands/), a skinned
// mesh and its bones, posed on the CPU here; the GPU poses it with the same matrices.
//
// The hand frame (assets/hands/README.md): metres; the origin at the wrist joint; +Y from
// the wrist toward the middle finger's knuckle; +Z out of the back of the hand, so the
// palm faces -Z; for the right hand +X toward the thumb. It has the model frame's
// handedness, so a rotation and a translation place a hand on the leg. The left hand is
// the right one mirrored (x negated): its thumb lies toward -X.
#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <glm/gtc/type_precision.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::technique {

// The length of the GPU's bone-matrix array; the committed hand has 22 bones.
inline constexpr size_t kMostHandBones = 32;
inline constexpr size_t kInfluencesPerHandVertex = 4;

enum class HandSide { Right, Left };

struct HandBone {
  std::string name;      // MakeHuman's, with the side: "finger2-1.R" is the index's proximal phalanx
  int parent = -1;       // an earlier bone; -1 only for the root, the forearm (lowerarm01)
  glm::vec3 head{0.0f};  // the joint it turns about, rest pose
  glm::vec3 tail{0.0f};  // where it ends (along a finger, the next bone's head)
};

// Per bone, a turn about the bone's head joint, its axis given in the hand frame at rest
// (the bones carry no rest orientation of their own, so one axis means the same on every
// bone). A bone turns after its parent has carried it. Identity everywhere is the rest pose.
struct HandPose {
  std::vector<glm::quat> rotations;  // one per bone of the rig
};

class HandRig {
 public:
  HandSide side = HandSide::Right;
  std::vector<HandBone> bones;  // parents before children; bones[0] is the root
  geometry::Mesh mesh;          // rest pose: positions, normals, indices (counter-clockwise from outside)
  // Per vertex, the bones that move it and how much: weights sum to 1, strongest first,
  // unused slots weigh 0 (their index is 0).
  std::vector<glm::u8vec4> boneIndices;
  std::vector<glm::vec4> boneWeights;

  // The bone of that name, with or without the side ("finger2-1.R" or "finger2-1").
  std::optional<size_t> bone(std::string_view name) const;
  // The same; throws std::out_of_range for a name the rig lacks (a fault of the program).
  size_t boneNamed(std::string_view name) const;

  HandPose restPose() const;
  // The axis about which a positive turn of `bone` bends it toward the palm (-Z): across
  // the bone, in the hand frame. For the fingers this is flexion; for the thumb, whose
  // palm-ward direction is not across its nail, it is only roughly so.
  glm::vec3 flexionAxis(size_t bone) const;

  // Per bone, the skinning matrix: posed from rest, down the parent chain, each bone
  // turning about its own head joint. Throws std::invalid_argument when the pose has not
  // one rotation per bone.
  std::vector<glm::mat4> boneMatrices(const HandPose& pose) const;
  // The mesh in `pose` by linear-blend skinning: positions, and normals turned by the
  // same blend (the matrices are rigid) and normalised.
  geometry::Mesh skinned(const HandPose& pose) const;
  // The skinned positions alone, from bone matrices already made (boneMatrices): what the
  // solver measures against the skin many times a solve.
  std::vector<glm::vec3> skinnedPositions(const std::vector<glm::mat4>& matrices) const;

  // A coarse copy for hands small on screen: triangles collapsed (meshoptimizer) while
  // the surface stays within about `maxDistance` metres of this one; it keeps a subset of
  // the vertices, each with its normal and its bones and weights unchanged.
  HandRig simplified(float maxDistance) const;

  // The other hand: positions, normals and joints with x negated, each triangle's winding
  // reversed (so it still faces outward), ".R" names as ".L" and the reverse.
  HandRig mirrored() const;
};

}  // namespace legatlas::technique
