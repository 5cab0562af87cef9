#pragma once
// What the generator writes beside the meshes: the tissue map, with each tissue's
// anatomy (attachments, vessel paths, where lymph flows next).
#include "anatomy/description.h"
#include "anatomy/model_generator.h"

namespace legatlas::anatomy {

// Adds the described anatomy to every tissue (the paths the generator fitted are kept),
// and names where a node drains to in words (the description gives a node or group id).
void describeAnatomy(GeneratedModel& model, const Description& d);

}  // namespace legatlas::anatomy
