#include "skinned_surface.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <map>
#include <stdexcept>
#include <utility>

namespace legatlas::tools {

namespace {

using EdgeKey = std::pair<uint32_t, uint32_t>;  // smaller vertex first

EdgeKey edgeKey(uint32_t a, uint32_t b) { return a < b ? EdgeKey{a, b} : EdgeKey{b, a}; }

struct Edge {
  uint32_t a = 0, b = 0;
  std::vector<uint32_t> faces;  // one (boundary) or two
};

// Every edge once, numbered in the order the faces meet them.
struct EdgeTable {
  std::vector<Edge> edges;
  std::map<EdgeKey, uint32_t> index;

  explicit EdgeTable(const std::vector<std::vector<uint32_t>>& faces) {
    for (uint32_t f = 0; f < faces.size(); ++f) {
      const std::vector<uint32_t>& face = faces[f];
      for (size_t i = 0; i < face.size(); ++i) {
        const EdgeKey key = edgeKey(face[i], face[(i + 1) % face.size()]);
        const auto [it, added] = index.emplace(key, uint32_t(edges.size()));
        if (added) edges.push_back({key.first, key.second, {}});
        edges[it->second].faces.push_back(f);
        if (edges[it->second].faces.size() > 2) throw std::runtime_error("an edge is shared by more than two faces");
      }
    }
  }
  uint32_t of(uint32_t a, uint32_t b) const { return index.at(edgeKey(a, b)); }
};

// The mean of several vertices' influences, kept to the strongest `count`.
std::vector<Influence> meanInfluences(const std::vector<const std::vector<Influence>*>& sources, size_t count) {
  std::map<uint32_t, double> sum;
  for (const std::vector<Influence>* source : sources)
    for (const Influence& influence : *source) sum[influence.bone] += influence.weight;
  std::vector<Influence> mixed;
  for (const auto& [bone, weight] : sum) mixed.push_back({bone, float(weight / double(sources.size()))});
  return strongest(std::move(mixed), count);
}

// Catmull-Clark's new position of an old vertex.
glm::vec3 movedVertex(uint32_t v, const SkinnedSurface& surface, const EdgeTable& table,
                      const std::vector<uint32_t>& vertexEdges, const std::vector<glm::vec3>& facePoints) {
  const glm::vec3& old = surface.positions[v];
  std::vector<uint32_t> boundary;
  glm::vec3 edgeMidpoints(0.0f), faceMean(0.0f);
  std::vector<uint32_t> faces;
  for (uint32_t e : vertexEdges) {
    const Edge& edge = table.edges[e];
    const uint32_t other = edge.a == v ? edge.b : edge.a;
    if (edge.faces.size() == 1) boundary.push_back(other);
    edgeMidpoints += (old + surface.positions[other]) * 0.5f;
    for (uint32_t f : edge.faces)
      if (std::find(faces.begin(), faces.end(), f) == faces.end()) faces.push_back(f);
  }
  if (!boundary.empty()) {
    if (boundary.size() != 2) throw std::runtime_error("the boundary crosses itself at a vertex");
    return (surface.positions[boundary[0]] + 6.0f * old + surface.positions[boundary[1]]) / 8.0f;
  }
  for (uint32_t f : faces) faceMean += facePoints[f];
  const float n = float(vertexEdges.size());
  faceMean /= float(faces.size());
  edgeMidpoints /= n;
  return (faceMean + 2.0f * edgeMidpoints + (n - 3.0f) * old) / n;
}

}  // namespace

std::vector<Influence> strongest(std::vector<Influence> influences, size_t count) {
  std::sort(influences.begin(), influences.end(), [](const Influence& a, const Influence& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.bone < b.bone;
  });
  if (influences.size() > count) influences.resize(count);
  double total = 0;
  for (const Influence& influence : influences) total += influence.weight;
  if (!(total > 0)) return {};
  for (Influence& influence : influences) influence.weight = float(influence.weight / total);
  return influences;
}

SkinnedSurface clipped(const SkinnedSurface& surface, const glm::vec3& point, const glm::vec3& keep, float snap,
                       size_t influenceCount) {
  SkinnedSurface in = surface;
  std::vector<float> side(in.positions.size());
  for (size_t v = 0; v < in.positions.size(); ++v) {
    side[v] = glm::dot(in.positions[v] - point, keep);
    if (std::abs(side[v]) < snap) in.positions[v] -= side[v] * keep, side[v] = 0;
  }
  SkinnedSurface out;
  std::vector<uint32_t> renumbered(in.positions.size(), ~0u);
  std::map<EdgeKey, uint32_t> crossings;  // the new vertex on each cut edge
  const auto kept = [&](uint32_t v) {
    if (renumbered[v] == ~0u) {
      renumbered[v] = uint32_t(out.positions.size());
      out.positions.push_back(in.positions[v]);
      out.influences.push_back(in.influences[v]);
    }
    return renumbered[v];
  };
  const auto crossing = [&](uint32_t a, uint32_t b) {
    const auto [it, added] = crossings.emplace(edgeKey(a, b), uint32_t(out.positions.size()));
    if (added) {
      const float t = side[a] / (side[a] - side[b]);
      out.positions.push_back(glm::mix(in.positions[a], in.positions[b], t));
      std::vector<Influence> mixed;
      for (const Influence& influence : in.influences[a]) mixed.push_back({influence.bone, influence.weight * (1 - t)});
      for (const Influence& influence : in.influences[b]) mixed.push_back({influence.bone, influence.weight * t});
      std::map<uint32_t, float> sum;  // one entry per bone
      for (const Influence& influence : mixed) sum[influence.bone] += influence.weight;
      mixed.clear();
      for (const auto& [bone, weight] : sum) mixed.push_back({bone, weight});
      out.influences.push_back(strongest(std::move(mixed), influenceCount));
    }
    return it->second;
  };
  for (const std::vector<uint32_t>& face : in.faces) {
    // A face with a corner beyond the plane keeps that corner and two more at least
    // (on the plane, beyond it, or where an edge crosses it).
    if (std::none_of(face.begin(), face.end(), [&side](uint32_t v) { return side[v] > 0; })) continue;
    std::vector<uint32_t> polygon;
    for (size_t i = 0; i < face.size(); ++i) {
      const uint32_t a = face[i], b = face[(i + 1) % face.size()];
      if (side[a] >= 0) polygon.push_back(kept(a));
      if ((side[a] > 0 && side[b] < 0) || (side[a] < 0 && side[b] > 0)) polygon.push_back(crossing(a, b));
    }
    out.faces.push_back(std::move(polygon));
  }
  return out;
}

SkinnedSurface subdivideCatmullClark(const SkinnedSurface& surface, size_t influenceCount) {
  const EdgeTable table(surface.faces);
  const uint32_t vertexCount = uint32_t(surface.positions.size()), edgeCount = uint32_t(table.edges.size());
  SkinnedSurface result;
  result.positions.resize(vertexCount + edgeCount + surface.faces.size());
  result.influences.resize(result.positions.size());

  std::vector<glm::vec3> facePoints(surface.faces.size(), glm::vec3(0.0f));
  for (size_t f = 0; f < surface.faces.size(); ++f) {
    std::vector<const std::vector<Influence>*> corners;
    for (uint32_t v : surface.faces[f]) {
      facePoints[f] += surface.positions[v];
      corners.push_back(&surface.influences[v]);
    }
    facePoints[f] /= float(surface.faces[f].size());
    result.positions[vertexCount + edgeCount + f] = facePoints[f];
    result.influences[vertexCount + edgeCount + f] = meanInfluences(corners, influenceCount);
  }
  std::vector<std::vector<uint32_t>> vertexEdges(vertexCount);
  for (uint32_t e = 0; e < edgeCount; ++e) {
    const Edge& edge = table.edges[e];
    vertexEdges[edge.a].push_back(e);
    vertexEdges[edge.b].push_back(e);
    glm::vec3 point = (surface.positions[edge.a] + surface.positions[edge.b]) * 0.5f;
    if (edge.faces.size() == 2)
      point = (surface.positions[edge.a] + surface.positions[edge.b] + facePoints[edge.faces[0]] +
               facePoints[edge.faces[1]]) * 0.25f;
    result.positions[vertexCount + e] = point;
    result.influences[vertexCount + e] =
        meanInfluences({&surface.influences[edge.a], &surface.influences[edge.b]}, influenceCount);
  }
  for (uint32_t v = 0; v < vertexCount; ++v) {
    result.influences[v] = surface.influences[v];
    result.positions[v] = vertexEdges[v].empty() ? surface.positions[v]
                                                 : movedVertex(v, surface, table, vertexEdges[v], facePoints);
  }
  // Corner i of a face becomes the quad (corner, its next edge, the face, its previous edge).
  for (uint32_t f = 0; f < surface.faces.size(); ++f) {
    const std::vector<uint32_t>& face = surface.faces[f];
    const size_t n = face.size();
    for (size_t i = 0; i < n; ++i) {
      const uint32_t next = vertexCount + table.of(face[i], face[(i + 1) % n]);
      const uint32_t previous = vertexCount + table.of(face[(i + n - 1) % n], face[i]);
      result.faces.push_back({face[i], next, vertexCount + edgeCount + f, previous});
    }
  }
  return result;
}

std::vector<uint32_t> triangulate(const std::vector<std::vector<uint32_t>>& faces,
                                  const std::vector<glm::vec3>& positions) {
  std::vector<uint32_t> triangles;
  for (const std::vector<uint32_t>& face : faces) {
    if (face.size() == 4) {
      const auto& p = positions;
      const bool firstDiagonal = glm::distance(p[face[0]], p[face[2]]) <= glm::distance(p[face[1]], p[face[3]]);
      if (firstDiagonal)
        triangles.insert(triangles.end(), {face[0], face[1], face[2], face[0], face[2], face[3]});
      else
        triangles.insert(triangles.end(), {face[0], face[1], face[3], face[1], face[2], face[3]});
      continue;
    }
    for (size_t k = 1; k + 1 < face.size(); ++k) triangles.insert(triangles.end(), {face[0], face[k], face[k + 1]});
  }
  return triangles;
}

std::vector<std::vector<uint32_t>> boundaryLoops(const std::vector<std::vector<uint32_t>>& faces) {
  // A boundary edge is crossed in one direction only; follow each from its start.
  std::map<EdgeKey, int> crossings;
  std::map<uint32_t, std::vector<uint32_t>> next;
  for (const std::vector<uint32_t>& face : faces)
    for (size_t i = 0; i < face.size(); ++i) ++crossings[edgeKey(face[i], face[(i + 1) % face.size()])];
  for (const std::vector<uint32_t>& face : faces)
    for (size_t i = 0; i < face.size(); ++i) {
      const uint32_t a = face[i], b = face[(i + 1) % face.size()];
      if (crossings[edgeKey(a, b)] == 1) next[a].push_back(b);
    }
  std::vector<std::vector<uint32_t>> loops;
  while (!next.empty()) {
    std::vector<uint32_t> loop;
    uint32_t v = next.begin()->first;
    while (next.count(v) > 0) {
      loop.push_back(v);
      const uint32_t following = next[v].back();
      next[v].pop_back();
      if (next[v].empty()) next.erase(v);
      v = following;
    }
    loops.push_back(std::move(loop));
  }
  return loops;
}

}  // namespace legatlas::tools
