#pragma once
// Closed primitive surfaces: the building blocks for node bodies, vessel tubes and test
// scenes.
#include "geometry/mesh.h"

namespace legatlas::geometry {

// Ellipsoid around `center` with semi-axes `radii`, `rings` latitude bands x `segments`.
Mesh makeEllipsoid(const glm::vec3& center, const glm::vec3& radii, int rings, int segments);
// Closed cylinder along +Y from y0 to y1 (flat caps).
Mesh makeCylinder(const glm::vec3& baseCenter, float radius, float height, int segments);
// Axis-aligned box.
Mesh makeBox(const glm::vec3& min, const glm::vec3& max);

}  // namespace legatlas::geometry
