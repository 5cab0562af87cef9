#pragma once
// The skin: one closed, smooth surface around everything beneath it. Its outline follows
// the described reference sections of the limb and the outline of the foot, which leaves
// a thick fat layer where the limb is fleshy (thigh, buttock, calf); wherever a tissue
// comes closer to that outline than the thinnest fat allows (the tibial crest, patella,
// malleoli), the skin lies a few millimetres over that tissue instead. The sole is flat
// where the foot stands on the ground.
#include "anatomy/description.h"
#include "anatomy/tissue_fitting.h"
#include "geometry/level_set.h"

namespace legatlas::anatomy {

inline constexpr float kThinnestFat = 0.005f;  // metres of skin and fat over bony points

// Signed distance to the outline described by the skin sections (negative inside),
// interpolated smoothly from section to section.
float outlineDistance(const std::vector<SkinSection>& sections, const glm::vec3& p);

// The skin as a signed distance field around `contents` (bone, muscle, tendon: covered by
// at least the thinnest fat) and the lymph `nodes` (which lie in the fat, closer under it).
geometry::LevelSet skinField(const Description& description, const PlacedTissues& contents, const PlacedTissues& nodes);

}  // namespace legatlas::anatomy
