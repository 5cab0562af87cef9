#include "geometry/mesh_simplify.h"

#include <meshoptimizer.h>

namespace legatlas::geometry {

Mesh simplifiedWithin(const Mesh& mesh, float maxDistance) {
  if (mesh.indices.empty()) return mesh;
  // meshoptimizer measures error relative to the mesh's extent.
  const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
  if (scale <= 0.0f) return mesh;
  std::vector<uint32_t> kept(mesh.indices.size());
  // No triangle target: collapsing goes on until the next collapse would exceed the error.
  kept.resize(meshopt_simplify(kept.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                               mesh.positions.size(), sizeof(glm::vec3), 0, maxDistance / scale, 0, nullptr));
  Mesh copy = mesh;
  copy.indices.resize(kept.size());
  // Triangles in an order the vertex cache likes; unused vertices go with their attributes.
  meshopt_optimizeVertexCache(copy.indices.data(), kept.data(), kept.size(), copy.positions.size());
  copy.dropUnusedVertices();
  return copy;
}

}  // namespace legatlas::geometry
