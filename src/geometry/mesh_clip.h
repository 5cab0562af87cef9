#pragma once
// Cutting a closed surface by a horizontal plane: what lies above is removed and the cut
// is closed with a flat cap, so the surface stays closed. Used where a measured muscle
// (the psoas, which rises to the lumbar spine) reaches above the part of the body the
// program draws.
#include "geometry/mesh.h"

namespace legatlas::geometry {

// Removes everything above height `y` and caps each cut outline with a fan from its
// centre (the outlines of a limb's muscles are near convex). Returns whether anything
// was cut. Attributes other than positions are dropped; normals are recomputed.
bool clipAbove(Mesh& mesh, float y);

}  // namespace legatlas::geometry
