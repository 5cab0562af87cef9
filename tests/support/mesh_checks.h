#pragma once
// Checks on generated surfaces that several test files share.
#include <string>

#include "geometry/mesh.h"

namespace legatlas::testing {

// Empty when every edge is used exactly once in each direction (closed and consistently
// oriented) and no triangle has zero area; otherwise what is wrong, for the failure message.
std::string closedSurfaceProblem(const geometry::Mesh& mesh);

// Sum over triangles of (geometric normal . stored normal) is positive when the winding
// agrees with the normals; also used to check that a closed surface faces outward.
bool windingAgreesWithNormals(const geometry::Mesh& mesh);

// Distance from `point` to the nearest vertex.
float nearestVertexDistance(const geometry::Mesh& mesh, const glm::vec3& point);

}  // namespace legatlas::testing
