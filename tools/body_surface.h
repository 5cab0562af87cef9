#pragma once
// Mesh steps of the body import: the frame change, cleaning, decimation and how far the
// decimated surface strays from the source.
#include <glm/vec3.hpp>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::tools {

// MakeHuman (decimetres, character's right on -X) to the model frame (metres, the
// subject's right on +X). A mirror: meshes also need flipWinding.
glm::vec3 makeHumanToModel(const glm::vec3& p);
void flipWinding(geometry::Mesh& mesh);

// Removes every triangle with a corner marked in `dropped` (one flag per position).
void removeTrianglesTouching(geometry::Mesh& mesh, const std::vector<bool>& dropped);

// Merges vertices at the same position, drops triangles that collapse and vertices no
// triangle uses.
void weldAndCompact(geometry::Mesh& mesh);

// Simplifies to at most `maxTriangles`, allowing as little error as that needs. Returns
// the error estimate in metres.
float decimate(geometry::Mesh& mesh, size_t maxTriangles);

struct SurfaceDistance {
  double mean = 0, max = 0;  // metres
};
// Distance from each vertex of `points` to the nearest point of `surface`.
SurfaceDistance distanceToSurface(const geometry::Mesh& points, const geometry::Mesh& surface);

}  // namespace legatlas::tools
