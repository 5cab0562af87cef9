#pragma once
// Muscle fascicle directions on a closed surface, after Choi & Blemker (2013): a harmonic
// field held at 0 on the origin area and 1 on the insertion area; the fibres follow its
// surface gradient, so they run from origin to insertion and bend with the muscle.
#include <cstdint>
#include <glm/vec3.hpp>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::geometry {

struct FibreFieldResult {
  std::vector<float> value;          // harmonic value per vertex, 0 at origin .. 1 at insertion
  std::vector<glm::vec3> direction;  // unit surface gradient per vertex (toward insertion)
};

// `origin` and `insertion`: vertex indices held at 0 and 1. Throws std::runtime_error when
// the mesh is empty, a set is empty or out of range, or the sets share a vertex. Vertices on
// pieces that touch neither set get 0.5 and the origin-to-insertion direction.
FibreFieldResult harmonicFibres(const Mesh& mesh, const std::vector<uint32_t>& origin,
                                const std::vector<uint32_t>& insertion);

// Holds the vertices within `reach` metres of each point (or, if none, the nearest one),
// solves, and writes mesh.tangents = (direction, 1).
void setFibreTangents(Mesh& mesh, const glm::vec3& originPoint, const glm::vec3& insertionPoint, float reach);

}  // namespace legatlas::geometry
