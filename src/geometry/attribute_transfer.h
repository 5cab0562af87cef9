#pragma once
// Carries per-vertex attributes from one surface to another that approximates it, e.g.
// from a swept muscle to the same muscle re-meshed after other tissue was cut out of it.
#include "geometry/mesh.h"

namespace legatlas::geometry {

// Gives each vertex of `target` the (u,v) and tangent (fibre direction) of the nearest
// vertex of `source`, which must have both. The fibre direction is kept as it is, not
// flattened onto the new surface: on a cut face it still says which way the fibres run.
void transferSurfaceAttributes(const Mesh& source, Mesh& target);

}  // namespace legatlas::geometry
