#pragma once
// Coarse copies of surfaces for distant views.
#include "geometry/mesh.h"

namespace legatlas::geometry {

// A copy of `mesh` with as few triangles as edge collapses (meshoptimizer) reach while
// its surface stays within about `maxDistance` (metres) of the original. The copy keeps
// a subset of the original vertices with all their attributes (normals, fibre tangents,
// (u,v)), so its shading and fibres are the full mesh's where it has a vertex. Collapses
// never open a closed surface, but may pinch it where two sheets touch: see
// Mesh::closedAndOutward.
Mesh simplifiedWithin(const Mesh& mesh, float maxDistance);

}  // namespace legatlas::geometry
