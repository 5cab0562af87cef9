#pragma once
// The therapist's hands for a leg: the committed rig (assets/hands/hand.rig) and the
// poses of each technique (assets/techniques/hand_poses.yaml), ready to be laid on its skin.
#include <memory>
#include <string>

#include "scene/overlays.h"
#include "technique/hand_placement.h"
#include "technique/leg_model.h"

namespace legatlas::teaching {

std::string builtInHandRigPath();
std::string builtInHandPosesPath();

// Throws InputError naming the file when the rig or the poses cannot be read.
std::shared_ptr<const technique::HandPlacer> openHandPlacer(const technique::LegModel& leg);
// The placer's two hands at rest, as the renderer skins them.
std::shared_ptr<const scene::HandSkin> handSkinOf(const technique::HandPlacer& placer);

}  // namespace legatlas::teaching
