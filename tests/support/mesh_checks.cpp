#include "mesh_checks.h"

#include <glm/geometric.hpp>
#include <map>

namespace legatlas::testing {

std::string closedSurfaceProblem(const geometry::Mesh& mesh) {
  std::map<std::pair<uint32_t, uint32_t>, int> edges;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                    c = mesh.positions[mesh.indices[i + 2]];
    if (glm::length(glm::cross(b - a, c - a)) <= 1e-14f) return "triangle " + std::to_string(i / 3) + " has no area";
    for (int e = 0; e < 3; ++e) ++edges[{mesh.indices[i + e], mesh.indices[i + (e + 1) % 3]}];
  }
  for (const auto& [edge, count] : edges) {
    if (count != 1) return "edge " + std::to_string(edge.first) + "-" + std::to_string(edge.second) + " used twice in one direction";
    if (!edges.count({edge.second, edge.first})) return "open edge " + std::to_string(edge.first) + "-" + std::to_string(edge.second);
  }
  return {};
}

bool windingAgreesWithNormals(const geometry::Mesh& mesh) {
  double agreement = 0.0;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                    c = mesh.positions[mesh.indices[i + 2]];
    const glm::vec3 stored = mesh.normals[mesh.indices[i]] + mesh.normals[mesh.indices[i + 1]] + mesh.normals[mesh.indices[i + 2]];
    agreement += glm::dot(glm::cross(b - a, c - a), stored);
  }
  return agreement > 0.0;
}

float nearestVertexDistance(const geometry::Mesh& mesh, const glm::vec3& point) {
  float best = 1e9f;
  for (const glm::vec3& p : mesh.positions) best = std::min(best, glm::distance(p, point));
  return best;
}

}  // namespace legatlas::testing
