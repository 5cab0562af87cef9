#pragma once
// Carries per-vertex attributes from one surface to another that approximates it, e.g.
// from a swept muscle to the same muscle re-meshed after other tissue was cut out of it.
#include "geometry/mesh.h"

namespace legatlas::geometry {

// Gives each vertex of `target` the (u,v) and tangent (fibre direction) of the nearest
// vertex of `source`, where the source has them; u (along a sweep) is interpolated on the
// nearest triangle instead, so that a line of equal u (where a belly turns to tendon)
// runs smoothly across the new surface. The fibre direction is kept as it is, not
// flattened onto the new surface: on a cut face it still says which way the fibres run.
void transferSurfaceAttributes(const Mesh& source, Mesh& target);

}  // namespace legatlas::geometry
