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

// The part of a closed surface right of the plane x = `x` (the side of +X), closed by a
// flat face on the plane: remeshed from its signed distance on a grid of `voxelSize`, so
// that any section (a bone's, with its canals and curves) closes cleanly, then simplified.
Mesh keepRightOf(const Mesh& closedMesh, float x, float voxelSize);

// Cuts every triangle that the line uv.x = `u` crosses, adding one vertex where it
// crosses each edge (attributes interpolated), so that each triangle lies wholly on one
// side and a closed surface stays closed. Used to part a muscle's tendinous end from its
// belly along a clean line. A mesh without uvs is left as it is.
void cutAlongU(Mesh& mesh, float u);

}  // namespace legatlas::geometry
