#include "simulation/skin_graph.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <glm/geometric.hpp>
#include <numeric>
#include <utility>

#include "core/error.h"

namespace legatlas::simulation {
namespace {

constexpr double kClosestNeighbours = 1e-6;  // metres: closer vertices are treated as this far
constexpr double kWeldMetres = 1e-5;         // vertices closer than a hundredth of a millimetre are one

}  // namespace

double SkinGraph::totalArea() const { return std::accumulate(areas.begin(), areas.end(), 0.0); }

SkinGraph skinGraph(const geometry::Mesh& skin) {
  if (skin.triangleCount() == 0)
    throw InputError("skin", "", "the skin has no triangles to hold fluid under", "load a leg with a skin surface");
  SkinGraph g;
  // Vertices at one place are one node (a surface written with seams repeats them), so
  // that fluid crosses the seams.
  std::map<std::array<int64_t, 3>, uint32_t> at;
  std::vector<uint32_t> node(skin.positions.size());
  for (size_t i = 0; i < skin.positions.size(); ++i) {
    const glm::vec3& p = skin.positions[i];
    const std::array<int64_t, 3> key{std::llround(p.x / kWeldMetres), std::llround(p.y / kWeldMetres),
                                     std::llround(p.z / kWeldMetres)};
    const auto [found, added] = at.emplace(key, static_cast<uint32_t>(g.positions.size()));
    node[i] = found->second;
    if (added) {
      g.positions.push_back(p);
      g.normals.push_back(i < skin.normals.size() ? skin.normals[i] : glm::vec3(0.0f));
    }
  }
  g.areas.assign(g.positions.size(), 0.0);
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  edges.reserve(skin.indices.size() * 2);
  for (size_t t = 0; t + 2 < skin.indices.size(); t += 3) {
    const uint32_t a = node[skin.indices[t]], b = node[skin.indices[t + 1]], c = node[skin.indices[t + 2]];
    if (a == b || b == c || c == a) continue;
    const double area = 0.5 * glm::length(glm::cross(g.positions[b] - g.positions[a], g.positions[c] - g.positions[a]));
    for (uint32_t v : {a, b, c}) g.areas[v] += area / 3.0;
    g.triangles.insert(g.triangles.end(), {a, b, c});
    for (auto [u, v] : {std::pair{a, b}, std::pair{b, c}, std::pair{c, a}}) {
      edges.emplace_back(u, v);
      edges.emplace_back(v, u);
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  g.first.assign(g.positions.size() + 1, 0);
  for (const auto& e : edges) ++g.first[e.first + 1];
  std::partial_sum(g.first.begin(), g.first.end(), g.first.begin());
  g.neighbour.reserve(edges.size());
  g.conductance.reserve(edges.size());
  for (const auto& [u, v] : edges) {
    // The graph Laplacian of a fairly even mesh: flux between two vertices grows with the
    // skin they share and falls with the square of their distance.
    const double distance = std::max<double>(glm::distance(g.positions[u], g.positions[v]), kClosestNeighbours);
    g.neighbour.push_back(v);
    g.conductance.push_back(0.5 * (g.areas[u] + g.areas[v]) / (distance * distance));
  }
  return g;
}

SkinGraph skinGraph(const scene::Scene& scene) {
  geometry::Mesh full, coarse;
  for (const scene::SceneMesh& m : scene.meshes) {
    if (scene.tissues[m.tissueIndex].layer != anatomy::Layer::Skin) continue;
    (m.detail == 0 ? full : coarse).append(m.mesh);
  }
  if (full.triangleCount() == 0 && coarse.triangleCount() == 0)
    throw InputError(scene.sourcePath, "", "the model has no skin to hold fluid under",
                     "load a leg whose tissue map names a skin");
  return skinGraph(coarse.triangleCount() > 0 ? coarse : full);
}

}  // namespace legatlas::simulation
