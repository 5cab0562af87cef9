#pragma once
// Fits a bone the leg lacks to the measured cartilage over its joints. The data of a
// measured leg hold the femur's cartilage caps (the head, the condyles and trochlea) but
// not the femur between them; the bone drawn from the description and carried onto the
// subject reaches the caps only roughly (its condyles sit up to a centimetre off them).
// Each end is moved onto its cap by the affine map that best lays the bone's surface
// under the cap (iterated closest points), in full at the joint and fading out along the
// bone, so the shaft between the two ends bends smoothly from one fit to the other.
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::anatomy {

struct CapFit {
  float meanBefore = 0, meanAfter = 0;  // metres: mean distance from the cap to the bone
};

// `cap` is the cartilage over one end of `bone` (one or more surfaces joined). Vertices of
// the bone beyond the cap's lowest reach toward that end move in full; those further back
// than `fade` from it fade to not moving.
CapFit fitEndToCap(geometry::Mesh& bone, const geometry::Mesh& cap, float fade);

}  // namespace legatlas::anatomy
