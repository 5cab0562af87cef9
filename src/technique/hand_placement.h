#pragma once
// Laying the therapist's hands on the leg: for the stroke playing, each hand the technique
// uses (technique/hand_poses.h) is posed for the stroke's phase and placed so that its
// contact patch lies on the dented skin, turned the way the stroke goes and with the
// limb's surface, and nothing of it sinks into the skin more than the dent allows
// (fingers uncurled, the hand tilted, or at last lifted until it holds).
#include <array>
#include <cstdint>
#include <vector>

#include "geometry/triangle_tree.h"
#include "technique/animator.h"
#include "technique/hand_poses.h"
#include "technique/hand_rig.h"
#include "technique/leg_model.h"

namespace legatlas::technique {

// How much deeper than the dent any part of a placed hand may lie inside the skin.
inline constexpr float kHandSinkAllowance = 0.002f;

class HandPlacer {
 public:
  // Keeps its own copy of the leg's skin, so it outlives the leg it was made for.
  HandPlacer(const LegModel& leg, const HandRig& rightHand, HandPoseBook book);

  // Adds the placed hands of the stroke playing in `pose` (from poseAt(strokes, time)).
  // Kneading hands also move the skin's dents under them (one lifts while the other
  // squeezes).
  void place(const std::vector<Stroke>& strokes, float time, Pose& pose) const;

  const HandRig& rig(HandSide side) const { return hand(side).rig; }
  const HandPoseBook& book() const { return book_; }
  // The rig's vertices that make up a contact patch (rest-pose indices).
  const std::vector<uint32_t>& patchVertices(HandSide side, ContactPatch patch) const {
    return hand(side).patches[size_t(patch)];
  }
  // Signed distance from the (undented) skin: negative inside the leg.
  float aboveSkin(const glm::vec3& p) const;
  // The skin point nearest to p.
  SkinPoint skinUnder(const glm::vec3& p) const;

 private:
  struct RiggedHand {
    HandRig rig;
    std::array<std::vector<uint32_t>, 4> patches;  // indexed by ContactPatch
    std::array<std::vector<bool>, 4> inPatch;      // per patch, per vertex
    std::array<std::vector<uint32_t>, 4> patchSamples;  // per patch, the vertices measured to settle it
    std::vector<std::vector<uint32_t>> clusters;   // nearby vertices of one bone, for culling
    std::vector<int> finger;                       // per bone: 0 thumb, 1..4 index..little, -1 none
  };
  // Where a hand goes: the skin point under its patch and the way its lead points.
  struct Target {
    glm::vec3 position, normal, lead;
    float press = 0, above = 0;
  };
  // What sinks below `lowest`: the deepest such vertex (depth above `lowest` when none)
  // and, per finger (0 the thumb), the deepest of its vertices.
  struct Deepest {
    float depth = 1;  // signed distance (negative inside)
    uint32_t vertex = 0;
    std::array<float, 5> finger{1, 1, 1, 1, 1};
  };
  // Distances measured earlier in one solve: the skin's distance changes by at most how
  // far a point moves, so a point far enough outside need not be measured again.
  struct Measured {
    std::vector<glm::vec3> clusterAt, vertexAt;
    std::vector<float> clusterDepth, vertexDepth;  // NaN: not measured yet
  };

  const RiggedHand& hand(HandSide side) const { return side == HandSide::Right ? right_ : left_; }
  RiggedHand prepare(HandRig rig) const;
  PlacedHand solve(const RiggedHand& hand, const HandRole& role, JointAngles angles, Target target) const;
  Deepest deepestVertex(const RiggedHand& hand, const std::vector<glm::vec3>& posed, const glm::mat4& placement,
                        float lowest, Measured& measured) const;
  float deepestOfPatch(const std::vector<uint32_t>& samples, const std::vector<glm::vec3>& posed,
                       const glm::mat4& placement) const;
  Target targetOf(const HandRole& role, const Stroke& stroke, const ContactPoint& contact) const;

  std::vector<geometry::Mesh> skin_;
  geometry::TriangleTree skinTree_;
  RiggedHand right_, left_;
  HandPoseBook book_;
};

}  // namespace legatlas::technique
