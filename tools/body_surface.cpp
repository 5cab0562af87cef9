#include "body_surface.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <glm/geometric.hpp>
#include <stdexcept>
#include <string>

#include "geometry/triangle_tree.h"

namespace legatlas::tools {

glm::vec3 makeHumanToModel(const glm::vec3& p) { return glm::vec3(-p.x, p.y, p.z) * 0.1f; }

void flipWinding(geometry::Mesh& mesh) {
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
}

void removeTrianglesTouching(geometry::Mesh& mesh, const std::vector<bool>& dropped) {
  std::vector<uint32_t> kept;
  kept.reserve(mesh.indices.size());
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const uint32_t* t = &mesh.indices[i];
    if (!dropped[t[0]] && !dropped[t[1]] && !dropped[t[2]]) kept.insert(kept.end(), t, t + 3);
  }
  mesh.indices = std::move(kept);
}

void weldAndCompact(geometry::Mesh& mesh) {
  // The remap gives equal positions one index and unreferenced vertices none (~0u).
  std::vector<uint32_t> remap(mesh.positions.size());
  const size_t unique = meshopt_generateVertexRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                    mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3));
  std::vector<glm::vec3> positions(unique);
  meshopt_remapVertexBuffer(positions.data(), mesh.positions.data(), mesh.positions.size(), sizeof(glm::vec3),
                            remap.data());
  std::vector<uint32_t> indices;
  indices.reserve(mesh.indices.size());
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const uint32_t a = remap[mesh.indices[i]], b = remap[mesh.indices[i + 1]], c = remap[mesh.indices[i + 2]];
    if (a != b && b != c && a != c) indices.insert(indices.end(), {a, b, c});
  }
  mesh = geometry::Mesh{};
  mesh.positions = std::move(positions);
  mesh.indices = std::move(indices);
  // A collapsed triangle may have been a vertex's only one.
  mesh.dropUnusedVertices();
}

float decimate(geometry::Mesh& mesh, size_t maxTriangles) {
  std::vector<uint32_t> simplified(mesh.indices.size());
  float relativeError = 0;
  size_t count = mesh.indices.size();
  // meshopt_simplify stops early when the next collapse would exceed the error bound:
  // the bound is raised until the triangle budget is met.
  for (float bound = 0.002f; count > maxTriangles * 3; bound *= 2) {
    if (bound > 1.0f) throw std::runtime_error("the body cannot be simplified to " + std::to_string(maxTriangles) + " triangles");
    count = meshopt_simplify(simplified.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                             mesh.positions.size(), sizeof(glm::vec3), maxTriangles * 3, bound, 0, &relativeError);
  }
  if (count == mesh.indices.size()) return 0;
  simplified.resize(count);
  // Triangles in an order the GPU's vertex cache likes; compacting then numbers the
  // vertices in order of first use.
  mesh.indices.resize(count);
  meshopt_optimizeVertexCache(mesh.indices.data(), simplified.data(), count, mesh.positions.size());
  const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
  weldAndCompact(mesh);
  return relativeError * scale;
}

SurfaceDistance distanceToSurface(const geometry::Mesh& points, const geometry::Mesh& surface) {
  geometry::TriangleTree tree;
  tree.add(surface, 0);
  tree.build();
  SurfaceDistance d;
  for (const glm::vec3& p : points.positions) {
    const double distance = tree.closest(p)->distance;
    d.mean += distance;
    d.max = std::max(d.max, distance);
  }
  if (!points.positions.empty()) d.mean /= double(points.positions.size());
  return d;
}

}  // namespace legatlas::tools
