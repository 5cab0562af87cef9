#include "geometry/mesh.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>
#include <glm/matrix.hpp>

namespace legatlas::geometry {

void Bounds::add(const glm::vec3& p) {
  min = glm::min(min, p);
  max = glm::max(max, p);
}

void Bounds::add(const Bounds& other) {
  if (other.empty()) return;
  add(other.min);
  add(other.max);
}

float Bounds::radius() const { return empty() ? 0.0f : 0.5f * glm::length(max - min); }

Bounds Mesh::bounds() const {
  Bounds b;
  for (const glm::vec3& p : positions) b.add(p);
  return b;
}

void Mesh::append(const Mesh& other) {
  const auto base = static_cast<uint32_t>(positions.size());
  const bool keepTangents = tangents.size() == positions.size() &&
                            other.tangents.size() == other.positions.size();
  const bool keepUvs = uvs.size() == positions.size() && other.uvs.size() == other.positions.size();
  positions.insert(positions.end(), other.positions.begin(), other.positions.end());
  normals.insert(normals.end(), other.normals.begin(), other.normals.end());
  if (keepTangents) tangents.insert(tangents.end(), other.tangents.begin(), other.tangents.end());
  else tangents.clear();
  if (keepUvs) uvs.insert(uvs.end(), other.uvs.begin(), other.uvs.end());
  else uvs.clear();
  for (uint32_t index : other.indices) indices.push_back(base + index);
}

double Mesh::signedVolume() const {
  double sixTimes = 0;
  for (size_t i = 0; i + 2 < indices.size(); i += 3) {
    const glm::dvec3 a = positions[indices[i]], b = positions[indices[i + 1]], c = positions[indices[i + 2]];
    sixTimes += glm::dot(a, glm::cross(b, c));
  }
  return sixTimes / 6.0;
}

bool Mesh::closedAndOutward() const {
  if (indices.empty() || indices.size() % 3 != 0) return false;
  // Each directed edge as often as its reverse: sorted keys, then a count of each run
  // against the run of its reverse.
  std::vector<uint64_t> edges;
  edges.reserve(indices.size());
  const auto key = [](uint32_t from, uint32_t to) { return (uint64_t(from) << 32) | to; };
  for (size_t i = 0; i < indices.size(); i += 3)
    for (size_t e = 0; e < 3; ++e) edges.push_back(key(indices[i + e], indices[i + (e + 1) % 3]));
  std::sort(edges.begin(), edges.end());
  for (auto run = edges.begin(); run != edges.end();) {
    const auto runEnd = std::upper_bound(run, edges.end(), *run);
    const auto reverse = std::equal_range(edges.begin(), edges.end(), key(uint32_t(*run), uint32_t(*run >> 32)));
    if (reverse.second - reverse.first != runEnd - run) return false;
    run = runEnd;
  }
  return signedVolume() > 0.0;
}

void Mesh::transform(const glm::mat4& matrix) {
  const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(matrix)));
  for (glm::vec3& p : positions) p = glm::vec3(matrix * glm::vec4(p, 1.0f));
  for (glm::vec3& n : normals) n = glm::normalize(normalMatrix * n);
  for (glm::vec4& t : tangents) {
    t = glm::vec4(glm::normalize(glm::mat3(matrix) * glm::vec3(t)), t.w);
  }
}

void Mesh::computeNormals() {
  normals.assign(positions.size(), glm::vec3(0.0f));
  for (size_t i = 0; i + 2 < indices.size(); i += 3) {
    const glm::vec3& a = positions[indices[i]];
    const glm::vec3& b = positions[indices[i + 1]];
    const glm::vec3& c = positions[indices[i + 2]];
    const glm::vec3 areaNormal = glm::cross(b - a, c - a);  // length = 2 * area
    for (int k = 0; k < 3; ++k) normals[indices[i + k]] += areaNormal;
  }
  for (glm::vec3& n : normals) {
    const float length = glm::length(n);
    n = length > 0.0f ? n / length : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

namespace {

// Disjoint sets of vertices (union-find with path halving): vertices merged into one, or
// joined into one connected piece.
class VertexSets {
 public:
  explicit VertexSets(size_t count) : parent_(count) {
    for (uint32_t i = 0; i < parent_.size(); ++i) parent_[i] = i;
  }
  uint32_t root(uint32_t v) {
    while (parent_[v] != v) v = parent_[v] = parent_[parent_[v]];
    return v;
  }
  void join(uint32_t into, uint32_t v) { parent_[root(v)] = root(into); }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace

size_t Mesh::collapseDegenerateTriangles(float minimumDoubleArea) {
  VertexSets merged(positions.size());
  const auto root = [&merged](uint32_t v) { return merged.root(v); };
  size_t removed = 0;
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<uint32_t> kept;
    kept.reserve(indices.size());
    for (size_t i = 0; i + 2 < indices.size(); i += 3) {
      const uint32_t v[3] = {root(indices[i]), root(indices[i + 1]), root(indices[i + 2])};
      if (v[0] == v[1] || v[1] == v[2] || v[2] == v[0]) {
        ++removed;
        continue;
      }
      const glm::vec3 &a = positions[v[0]], &b = positions[v[1]], &c = positions[v[2]];
      if (glm::length(glm::cross(b - a, c - a)) < minimumDoubleArea) {
        int shortest = 0;
        float best = 1e30f;
        for (int e = 0; e < 3; ++e) {
          const float length = glm::distance(positions[v[e]], positions[v[(e + 1) % 3]]);
          if (length < best) best = length, shortest = e;
        }
        merged.join(v[shortest], v[(shortest + 1) % 3]);
        changed = true;
        ++removed;
        continue;
      }
      kept.insert(kept.end(), {v[0], v[1], v[2]});
    }
    indices.swap(kept);
  }
  dropUnusedVertices();
  return removed;
}

size_t Mesh::removeSmallPieces(float minimumFraction) {
  VertexSets pieces(positions.size());
  for (size_t i = 0; i + 2 < indices.size(); i += 3) {
    pieces.join(indices[i], indices[i + 1]);
    pieces.join(indices[i], indices[i + 2]);
  }
  const auto root = [&pieces](uint32_t v) { return pieces.root(v); };
  // Per piece: its triangles and its signed volume. A cavity's surface faces inward, so
  // its volume is negative: it belongs to the solid around it and is always kept.
  std::vector<size_t> trianglesOf(positions.size(), 0);
  std::vector<double> volumeOf(positions.size(), 0.0);
  for (size_t i = 0; i + 2 < indices.size(); i += 3) {
    const uint32_t piece = root(indices[i]);
    ++trianglesOf[piece];
    volumeOf[piece] += glm::dot(positions[indices[i]], glm::cross(positions[indices[i + 1]], positions[indices[i + 2]]));
  }
  size_t largest = 0;
  for (size_t v = 0; v < positions.size(); ++v) {
    if (volumeOf[v] > 0.0) largest = std::max(largest, trianglesOf[v]);
  }
  std::vector<uint32_t> kept;
  kept.reserve(indices.size());
  for (size_t i = 0; i + 2 < indices.size(); i += 3) {
    const uint32_t piece = root(indices[i]);
    const bool cavity = volumeOf[piece] < 0.0;
    if (cavity || static_cast<float>(trianglesOf[piece]) >= minimumFraction * static_cast<float>(largest)) {
      kept.insert(kept.end(), {indices[i], indices[i + 1], indices[i + 2]});
    }
  }
  const size_t removed = (indices.size() - kept.size()) / 3;
  indices.swap(kept);
  dropUnusedVertices();
  return removed;
}

void Mesh::dropUnusedVertices() {
  constexpr uint32_t kUnused = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> newIndex(positions.size(), kUnused);
  uint32_t next = 0;
  for (uint32_t& index : indices) {
    if (newIndex[index] == kUnused) newIndex[index] = next++;
    index = newIndex[index];
  }
  const auto compact = [&newIndex, next](auto& attribute) {
    if (attribute.size() != newIndex.size()) return;
    std::remove_reference_t<decltype(attribute)> kept(next);
    for (size_t old = 0; old < newIndex.size(); ++old) {
      if (newIndex[old] != kUnused) kept[newIndex[old]] = attribute[old];
    }
    attribute.swap(kept);
  };
  compact(normals);
  compact(tangents);
  compact(uvs);
  compact(positions);
}

}  // namespace legatlas::geometry
