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

std::shared_ptr<const scene::HandSkin> handSkinOf(const technique::HandPlacer& placer) {
  auto skin = std::make_shared<scene::HandSkin>();
  const technique::HandRig& right = placer.rig(technique::HandSide::Right);
  skin->right = right.mesh;
  skin->left = placer.rig(technique::HandSide::Left).mesh;
  skin->boneIndices = right.boneIndices;
  skin->boneWeights = right.boneWeights;
  return skin;
}

}  // namespace legatlas::teaching
