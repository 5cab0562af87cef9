#include "teaching/therapist_hands.h"

#include "teaching/leg_source.h"
#include "technique/hand_rig_file.h"

namespace legatlas::teaching {

std::string builtInHandRigPath() { return assetPath("hands/hand.rig"); }
std::string builtInHandPosesPath() { return assetPath("techniques/hand_poses.yaml"); }

std::shared_ptr<const technique::HandPlacer> openHandPlacer(const technique::LegModel& leg) {
  return std::make_shared<const technique::HandPlacer>(leg, technique::loadHandRig(builtInHandRigPath()),
                                                       technique::readHandPoses(builtInHandPosesPath()));
}

namespace {

scene::HandSkin::Level levelOf(const technique::HandRig& right) {
  return {right.mesh, right.mirrored().mesh, right.boneIndices, right.boneWeights};
}

}  // namespace

std::shared_ptr<const scene::HandSkin> handSkinOf(const technique::HandPlacer& placer) {
  auto skin = std::make_shared<scene::HandSkin>();
  const technique::HandRig& right = placer.rig(technique::HandSide::Right);
  skin->fine = levelOf(right);
  skin->coarse = levelOf(right.simplified(scene::kCoarseHandError));
  return skin;
}

}  // namespace legatlas::teaching
