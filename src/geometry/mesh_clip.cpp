#include "geometry/mesh_clip.h"

#include <algorithm>
#include <cmath>
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <map>
#include <unordered_map>

#include "geometry/level_set.h"
#include "geometry/mesh_simplify.h"

namespace legatlas::geometry {

namespace {

// New vertices where the plane crosses an edge, one per edge.
class EdgeCuts {
 public:
  EdgeCuts(Mesh& mesh, float y) : mesh_(mesh), y_(y) {}
  uint32_t at(uint32_t a, uint32_t b) {
    const uint64_t key = uint64_t(std::min(a, b)) << 32 | std::max(a, b);
    const auto found = cuts_.find(key);
    if (found != cuts_.end()) return found->second;
    const glm::vec3 pa = mesh_.positions[a], pb = mesh_.positions[b];
    const float t = (y_ - pa.y) / (pb.y - pa.y);
    mesh_.positions.push_back(pa + (pb - pa) * t);
    return cuts_[key] = static_cast<uint32_t>(mesh_.positions.size() - 1);
  }

 private:
  Mesh& mesh_;
  float y_;
  std::unordered_map<uint64_t, uint32_t> cuts_;
};

// Keeps the part of triangle (a, b, c) at or below the plane; records each cut edge as
// it runs along the kept part's boundary, in the triangle's winding.
void clipTriangle(const uint32_t t[3], const Mesh& mesh, float y, EdgeCuts& cuts, std::vector<uint32_t>& kept,
                  std::map<uint32_t, uint32_t>& boundary) {
  int below = 0;
  for (int k = 0; k < 3; ++k) below += mesh.positions[t[k]].y <= y ? 1 : 0;
  if (below == 3) {
    kept.insert(kept.end(), t, t + 3);
    return;
  }
  if (below == 0) return;
  // Rotate so that the lone vertex (below when one is, above when two are) comes first.
  int lone = 0;
  for (int k = 0; k < 3; ++k) {
    if ((mesh.positions[t[k]].y <= y) == (below == 1)) lone = k;
  }
  const uint32_t a = t[lone], b = t[(lone + 1) % 3], c = t[(lone + 2) % 3];
  const uint32_t ab = cuts.at(a, b), ac = cuts.at(a, c);
  if (below == 1) {
    kept.insert(kept.end(), {a, ab, ac});
    boundary[ab] = ac;  // the kept triangle's edge along the cut runs ab -> ac
  } else {
    kept.insert(kept.end(), {ab, b, c, ab, c, ac});
    boundary[ac] = ab;
  }
}

}  // namespace

bool clipAbove(Mesh& mesh, float y) {
  if (mesh.bounds().max.y <= y) return false;
  const std::vector<uint32_t> triangles = mesh.indices;
  EdgeCuts cuts(mesh, y);
  std::vector<uint32_t> kept;
  std::map<uint32_t, uint32_t> boundary;  // cut edges, from -> to, in the kept surface's winding
  for (size_t i = 0; i + 2 < triangles.size(); i += 3) clipTriangle(&triangles[i], mesh, y, cuts, kept, boundary);
  // Each closed outline of cut edges gets a fan from its centre, wound the other way so
  // that the cap faces up, out of the kept solid.
  while (!boundary.empty()) {
    std::vector<uint32_t> loop;
    for (uint32_t v = boundary.begin()->first; boundary.count(v); ) {
      loop.push_back(v);
      const uint32_t next = boundary[v];
      boundary.erase(v);
      v = next;
    }
    glm::vec3 centre(0.0f);
    for (uint32_t v : loop) centre += mesh.positions[v];
    mesh.positions.push_back(centre / float(loop.size()));
    const auto hub = static_cast<uint32_t>(mesh.positions.size() - 1);
    for (size_t k = 0; k < loop.size(); ++k) kept.insert(kept.end(), {hub, loop[(k + 1) % loop.size()], loop[k]});
  }
  mesh.indices = std::move(kept);
  mesh.normals.clear();
  mesh.tangents.clear();
  mesh.uvs.clear();
  mesh.dropUnusedVertices();
  mesh.computeNormals();
  return true;
}

Mesh keepRightOf(const Mesh& closedMesh, float x, float voxelSize) {
  const NarrowBand band{3 * voxelSize, 3 * voxelSize};
  const LevelSet whole = LevelSet::fromMesh(closedMesh, voxelSize, band);
  Bounds right = closedMesh.bounds();
  right.min.x = std::max(right.min.x, x - 2 * voxelSize);
  const LevelSet half = LevelSet::fromFunction(right, voxelSize, [&](const glm::vec3& p) { return std::max(whole.distance(p), x - p.x); }, band);
  // The grid's many small triangles, simplified within a fifth of a voxel.
  return simplifiedWithin(half.toMesh(), 0.2f * voxelSize);
}

namespace {

// The vertex where the line uv.x = u crosses edge (a, b), made once per edge.
class UCuts {
 public:
  UCuts(Mesh& mesh, float u) : mesh_(mesh), u_(u) {}
  uint32_t at(uint32_t a, uint32_t b) {
    const uint64_t key = uint64_t(std::min(a, b)) << 32 | std::max(a, b);
    const auto found = cuts_.find(key);
    if (found != cuts_.end()) return found->second;
    const glm::vec2 ua = mesh_.uvs[a], ub = mesh_.uvs[b];
    const float t = (u_ - ua.x) / (ub.x - ua.x);
    mesh_.positions.push_back(glm::mix(mesh_.positions[a], mesh_.positions[b], t));
    mesh_.normals.push_back(glm::normalize(glm::mix(mesh_.normals[a], mesh_.normals[b], t)));
    if (mesh_.tangents.size() + 1 == mesh_.positions.size()) {
      const glm::vec4 ta = mesh_.tangents[a], tb = mesh_.tangents[b];
      const glm::vec3 along = glm::mix(glm::vec3(ta), glm::vec3(tb), t);
      mesh_.tangents.emplace_back(glm::length(along) > 1e-12f ? glm::normalize(along) : glm::vec3(ta), ta.w);
    }
    // uv.y goes once round the section and wraps from 1 to 0: across the wrap, take
    // the nearer end's rather than a value from the far side.
    const float around = std::abs(ua.y - ub.y) > 0.5f ? (t < 0.5f ? ua.y : ub.y) : glm::mix(ua.y, ub.y, t);
    mesh_.uvs.emplace_back(u_, around);
    return cuts_[key] = static_cast<uint32_t>(mesh_.positions.size() - 1);
  }

 private:
  Mesh& mesh_;
  float u_;
  std::unordered_map<uint64_t, uint32_t> cuts_;
};

}  // namespace

void cutAlongU(Mesh& mesh, float u) {
  if (mesh.uvs.size() != mesh.positions.size() || mesh.normals.size() != mesh.positions.size()) return;
  // A vertex lying on the line would leave a triangle of no area: move the line off it.
  for (bool onVertex = true; onVertex;) {
    onVertex = std::any_of(mesh.uvs.begin(), mesh.uvs.end(), [u](const glm::vec2& uv) { return std::abs(uv.x - u) < 1e-6f; });
    if (onVertex) u += 4e-6f;
  }
  UCuts cuts(mesh, u);
  const std::vector<uint32_t> triangles = std::move(mesh.indices);
  mesh.indices.clear();
  for (size_t i = 0; i + 2 < triangles.size(); i += 3) {
    const uint32_t* t = &triangles[i];
    bool beyond[3];
    for (int k = 0; k < 3; ++k) beyond[k] = mesh.uvs[t[k]].x > u;
    if (beyond[0] == beyond[1] && beyond[1] == beyond[2]) {
      mesh.indices.insert(mesh.indices.end(), t, t + 3);
      continue;
    }
    // Turn the triangle (keeping its winding) so that its lone vertex comes first.
    const int lone = beyond[1] == beyond[2] ? 0 : beyond[0] == beyond[2] ? 1 : 2;
    const uint32_t a = t[lone], b = t[(lone + 1) % 3], c = t[(lone + 2) % 3];
    const uint32_t ab = cuts.at(a, b), ca = cuts.at(c, a);
    mesh.indices.insert(mesh.indices.end(), {a, ab, ca, ab, b, c, ab, c, ca});
  }
}

}  // namespace legatlas::geometry
