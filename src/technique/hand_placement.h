#pragma once
// Laying the therapist's hands on the leg: for the stroke playing, each hand the technique
// uses (technique/hand_poses.h) is posed for the stroke's phase and placed so that its
// contact patch lies on the dented skin, turned the way the stroke goes and with the
// limb's surface, and nothing of it sinks into the skin more than the dent allows
// (fingers uncurled, the hand tilted, or at last lifted until it holds).
#include <array>
#include <glm/gtc/quaternion.hpp>
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

// Where a hand goes: the skin point under its patch, the skin's outward normal there, the
// way its lead points, how far the patch presses in and rests above the skin.
struct HandTarget {
  glm::vec3 position{0.0f}, normal{0.0f, 0.0f, 1.0f}, lead{1.0f, 0.0f, 0.0f};
  float press = 0, above = 0;
};
// The target as a frame on the skin: lead, across it, normal, and the point as columns.
glm::mat4 frameOf(const HandTarget& target);

// What one hand is asked to do at one moment, before it meets the skin: its role, the
// joint angles its phase and grip give, where it goes.
struct HandRequest {
  const HandRole* role = nullptr;
  JointAngles angles;
  HandTarget target;
  float grip = 0;
};

// The hands asked for at one moment, and the skin's dents they make (kneading lifts).
struct HandRequests {
  std::vector<HandRequest> hands;
  std::vector<SkinDent> dents;
  bool pressing = false;  // the stroke's working pass (else its contact or return)
};

class HandPlacer {
 public:
  // Keeps its own copy of the leg's skin, so it outlives the leg it was made for.
  HandPlacer(const LegModel& leg, const HandRig& rightHand, HandPoseBook book);

  // Adds the placed hands of the stroke playing in `pose` (from poseAt(strokes, time)).
  // Kneading hands also move the skin's dents under them (one lifts while the other
  // squeezes).
  void place(const std::vector<Stroke>& strokes, float time, Pose& pose) const;

  // The hands asked for at `time` (cheap: no distance to the skin is measured but where an
  // offset patch finds its skin point); none when nothing is held on the skin.
  HandRequests requests(const std::vector<Stroke>& strokes, float time, const Pose& pose) const;
  // One hand as asked, before it meets the skin: its bones' turns.
  HandPose requestedPose(const HandRequest& request) const;
  // One hand laid on the skin: posed, turned and placed, and fixed until nothing sinks.
  PlacedHand solve(const HandRequest& request) const;
  // How far a placed hand must move along `up` (the skin's outward normal under it) so
  // that its patch rests as asked (its deepest point at the dent's depth, `settle`), and
  // how much further it must then rise so that nothing of it sinks deeper than the dent
  // allows (`lift`, 0 when it holds); measured as the solver measures.
  struct Settling {
    float settle = 0, lift = 0;
  };
  Settling settleOnSkin(const PlacedHand& hand, const glm::vec3& up) const;
  // Distances measured earlier (in one solve, or over the checks of one hand): the skin's
  // distance changes by at most how far a point moves, so a point far enough outside need
  // not be measured again. Kept for one hand on one patch (measuring(side)).
  struct Measured {
    std::vector<glm::vec3> clusterAt, vertexAt;
    std::vector<float> clusterDepth, vertexDepth;  // NaN: not measured yet
    std::vector<int> clusterHint, vertexHint;  // the skin triangles found nearest last time
    // The same for the patch's samples (sized when the patch is first measured).
    std::vector<glm::vec3> patchAt;
    std::vector<float> patchDepth;
    std::vector<int> patchHint;
  };
  Measured measuring(HandSide side) const { return nothingMeasured(hand(side)); }
  // The same, for one of several moments of one hand on one patch measured one after another.
  Settling settleOnSkin(const PlacedHand& hand, const glm::vec3& up, Measured& measured) const;

  const HandRig& rig(HandSide side) const { return hand(side).rig; }
  const HandPoseBook& book() const { return book_; }
  // The rig's vertices that make up a contact patch (rest-pose indices).
  const std::vector<uint32_t>& patchVertices(HandSide side, ContactPatch patch) const {
    return hand(side).patches[size_t(patch)];
  }
  // Signed distance from the (undented) skin: negative inside the leg. `hint` is the skin
  // triangle nearest a point close to p, kept between queries (-1 when none): the same
  // answer, found faster.
  float aboveSkin(const glm::vec3& p) const;
  float aboveSkin(const glm::vec3& p, int& hint) const;
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
  // What sinks below `lowest`: the deepest such vertex (depth above `lowest` when none)
  // and, per finger (0 the thumb), the deepest of its vertices.
  struct Deepest {
    float depth = 1;  // signed distance (negative inside)
    uint32_t vertex = 0;
    std::array<float, 5> finger{1, 1, 1, 1, 1};
  };

  // One try at laying a hand on the skin, and the fixes made to it so far.
  struct Attempt {
    JointAngles angles;
    HandTarget target;
    glm::quat tilt{1.0f, 0.0f, 0.0f, 0.0f};
    float lift = 0, slid = 0;
    float swing = 0, swingSide = 1;  // radians the hand is turned about the skin's normal, and which way
    float unswung = 0;                // how deep the forearm sank before it swung
    bool swungBack = false;           // the first side tried made it sink deeper
  };
  // A hand laid on the skin as an attempt asks: the posed rest positions and the placement.
  struct Laid {
    HandPose pose;
    std::vector<glm::vec3> posed;
    glm::mat4 placement{1.0f};
    glm::vec3 at{0.0f};  // where the patch's centre went
  };

  const RiggedHand& hand(HandSide side) const { return side == HandSide::Right ? right_ : left_; }
  static Measured nothingMeasured(const RiggedHand& hand);
  RiggedHand prepare(HandRig rig) const;
  Laid lay(const RiggedHand& hand, const HandRole& role, const Attempt& attempt, const HandTarget& start,
           Measured& measured) const;
  Deepest deepestVertex(const RiggedHand& hand, const std::vector<glm::vec3>& posed, const glm::mat4& placement,
                        float lowest, Measured& measured) const;
  float deepestOfPatch(const std::vector<uint32_t>& samples, const std::vector<glm::vec3>& posed,
                       const glm::mat4& placement, Measured& measured) const;
  // How far along `along` the patch must move from `placement` for its deepest sample to
  // rest at `resting` (measured again after each move, until within kSettled: where the
  // skin under that sample faces otherwise, a move changes its depth by less).
  float patchSettle(const std::vector<uint32_t>& samples, const std::vector<glm::vec3>& posed, const glm::mat4& placement,
                    const glm::vec3& along, float resting, Measured& measured) const;
  // The fixes, tried in this order; each changes the attempt and says whether it did.
  bool uncurlSinkingFingers(const HandRole& role, const Deepest& deepest, float lowest, Attempt& attempt) const;
  bool raiseWrist(const HandRig& rig, const HandRole& role, const Deepest& deepest, Attempt& attempt) const;
  bool swingAside(const HandRig& rig, const HandRole& role, const Laid& laid, const Deepest& deepest,
                  const HandTarget& start, Attempt& attempt) const;
  bool slideAhead(const HandRig& rig, const HandRole& role, const Deepest& deepest, const HandTarget& start,
                  const JointAngles& startAngles, Attempt& attempt) const;
  void tiltAway(const Laid& laid, const Deepest& deepest, float lowest, Attempt& attempt) const;
  void liftOffRemaining(const RiggedHand& hand, const Laid& laid, float lowest, Measured& measured,
                        glm::mat4& placement) const;
  HandTarget targetOf(const HandRole& role, const Stroke& stroke, const ContactPoint& contact) const;

  std::vector<geometry::Mesh> skin_;
  geometry::TriangleTree skinTree_;
  RiggedHand right_, left_;
  HandPoseBook book_;
};

}  // namespace legatlas::technique
