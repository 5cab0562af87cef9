#include "geometry/triangle_tree.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <limits>

namespace legatlas::geometry {
namespace {

constexpr uint32_t kLeafSize = 4;
constexpr size_t kMostDepth = 64;  // a median split halves the triangles at each level

float squaredDistanceToBox(const Bounds& box, const glm::vec3& p) {
  const glm::vec3 outside = glm::max(glm::max(box.min - p, p - box.max), glm::vec3(0.0f));
  return glm::dot(outside, outside);
}

// Entry distance of the ray into the box, or +inf when it misses within maxDistance.
float rayEntersBox(const Bounds& box, const glm::vec3& origin, const glm::vec3& inverseDirection, float maxDistance) {
  float near = 0.0f, far = maxDistance;
  for (int axis = 0; axis < 3; ++axis) {
    float t0 = (box.min[axis] - origin[axis]) * inverseDirection[axis];
    float t1 = (box.max[axis] - origin[axis]) * inverseDirection[axis];
    if (t0 > t1) std::swap(t0, t1);
    near = std::max(near, t0);
    far = std::min(far, t1);
    if (near > far) return std::numeric_limits<float>::infinity();
  }
  return near;
}

// Closest point of triangle abc to p, as barycentric weights (Ericson, Real-Time
// Collision Detection, 5.1.5: test the vertex, edge and face regions in turn).
glm::vec3 closestBarycentric(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return {1, 0, 0};
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return {0, 1, 0};
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const float v = d1 / (d1 - d3);
    return {1 - v, v, 0};
  }
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return {0, 0, 1};
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const float w = d2 / (d2 - d6);
    return {1 - w, 0, w};
  }
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
    const float w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
    return {0, 1 - w, w};
  }
  const float denominator = va + vb + vc;
  if (std::abs(denominator) < 1e-30f) return {1, 0, 0};  // a degenerate triangle: its first corner
  const float v = vb / denominator, w = vc / denominator;
  return {1 - v - w, v, w};
}

// Möller–Trumbore: distance along the ray and barycentrics, or nothing.
std::optional<std::pair<float, glm::vec3>> rayHitsTriangle(const glm::vec3& origin, const glm::vec3& direction,
                                                            const glm::vec3& a, const glm::vec3& b,
                                                            const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a;
  const glm::vec3 pv = glm::cross(direction, ac);
  const float determinant = glm::dot(ab, pv);
  if (std::abs(determinant) < 1e-20f) return std::nullopt;
  const float inverse = 1.0f / determinant;
  const glm::vec3 tv = origin - a;
  const float u = glm::dot(tv, pv) * inverse;
  if (u < 0 || u > 1) return std::nullopt;
  const glm::vec3 qv = glm::cross(tv, ab);
  const float v = glm::dot(direction, qv) * inverse;
  if (v < 0 || u + v > 1) return std::nullopt;
  return std::make_pair(glm::dot(ac, qv) * inverse, glm::vec3(1 - u - v, u, v));
}

}  // namespace

void TriangleTree::add(const Mesh& mesh, int tag) {
  const auto meshIndex = static_cast<uint32_t>(meshes_.size());
  meshes_.push_back(&mesh);
  tags_.push_back(tag);
  for (uint32_t i = 0; i + 2 < mesh.indices.size(); i += 3) triangles_.push_back({meshIndex, i});
}

TriangleTree::Corners TriangleTree::corners(const Triangle& t) const {
  const Mesh& m = *meshes_[t.mesh];
  return {m.positions[m.indices[t.first]], m.positions[m.indices[t.first + 1]], m.positions[m.indices[t.first + 2]]};
}

void TriangleTree::build() {
  nodes_.clear();
  if (triangles_.empty()) return;
  std::vector<Placed> placed;
  placed.reserve(triangles_.size());
  for (const Triangle& t : triangles_) {
    const Corners c = corners(t);
    placed.push_back({t, (c.a + c.b + c.c) / 3.0f});
  }
  nodes_.reserve(2 * triangles_.size() / kLeafSize + 1);
  buildNode(placed, 0, static_cast<uint32_t>(placed.size()));
  corners_.resize(placed.size());
  for (size_t i = 0; i < placed.size(); ++i) triangles_[i] = placed[i].triangle, corners_[i] = corners(triangles_[i]);
}

uint32_t TriangleTree::buildNode(std::vector<Placed>& placed, uint32_t start, uint32_t count) {
  const auto index = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back({});
  if (count <= kLeafSize) {
    Bounds box;
    for (uint32_t i = start; i < start + count; ++i) {
      const Corners c = corners(placed[i].triangle);
      box.add(c.a), box.add(c.b), box.add(c.c);
    }
    nodes_[index].box = box;
    nodes_[index].start = start;
    nodes_[index].count = count;
    return index;
  }
  // Split at the median centre along the longest axis of the centres.
  Bounds centres;
  for (uint32_t i = start; i < start + count; ++i) centres.add(placed[i].centre);
  const glm::vec3 extent = centres.size();
  const int axis = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
  const uint32_t half = count / 2;
  const auto first = placed.begin() + start;
  std::nth_element(first, first + half, first + count,
                   [axis](const Placed& l, const Placed& r) { return l.centre[axis] < r.centre[axis]; });
  const uint32_t left = buildNode(placed, start, half);
  const uint32_t right = buildNode(placed, start + half, count - half);
  // A node's box is its children's together: each triangle's corners are read once.
  Bounds box = nodes_[left].box;
  box.add(nodes_[right].box);
  nodes_[index].box = box;
  nodes_[index].left = left;
  nodes_[index].right = right;
  return index;
}

SurfaceHit TriangleTree::hitAt(const Triangle& t, const glm::vec3& barycentric, const glm::vec3& point) const {
  const Mesh& m = *meshes_[t.mesh];
  const uint32_t i0 = m.indices[t.first], i1 = m.indices[t.first + 1], i2 = m.indices[t.first + 2];
  SurfaceHit hit;
  hit.point = point;
  hit.tag = tags_[t.mesh];
  hit.mesh = static_cast<int>(t.mesh);
  glm::vec3 normal(0.0f);
  if (m.normals.size() == m.positions.size())
    normal = barycentric.x * m.normals[i0] + barycentric.y * m.normals[i1] + barycentric.z * m.normals[i2];
  if (glm::dot(normal, normal) < 1e-12f) {
    const Corners c = corners(t);
    normal = glm::cross(c.b - c.a, c.c - c.a);
  }
  const float length = glm::length(normal);
  hit.normal = length > 0 ? normal / length : glm::vec3(0, 1, 0);
  if (m.tangents.size() == m.positions.size())
    hit.tangent = glm::vec3(barycentric.x * m.tangents[i0] + barycentric.y * m.tangents[i1] +
                            barycentric.z * m.tangents[i2]);
  if (m.uvs.size() == m.positions.size())
    hit.along = barycentric.x * m.uvs[i0].x + barycentric.y * m.uvs[i1].x + barycentric.z * m.uvs[i2].x;
  return hit;
}

std::optional<SurfaceHit> TriangleTree::closest(const glm::vec3& p, const std::function<bool(int)>& accept,
                                                int hint) const {
  if (nodes_.empty()) return std::nullopt;
  float best = std::numeric_limits<float>::infinity();
  int bestTriangle = -1;
  glm::vec3 bestBarycentric(0.0f), bestPoint(0.0f);
  const auto consider = [&](uint32_t i) {
    const Corners& c = cornersAt(i);
    const glm::vec3 w = closestBarycentric(p, c.a, c.b, c.c);
    const glm::vec3 q = w.x * c.a + w.y * c.b + w.z * c.c;
    const float d = glm::dot(q - p, q - p);
    if (d < best) best = d, bestTriangle = int(i), bestBarycentric = w, bestPoint = q;
  };
  if (hint >= 0 && size_t(hint) < triangles_.size() && (!accept || accept(tags_[triangles_[hint].mesh])))
    consider(uint32_t(hint));
  // Each entry keeps its box's distance, measured when its parent ordered its children.
  struct Entry {
    uint32_t node;
    float distance;
  };
  Entry stack[kMostDepth + 1];
  size_t size = 0;
  stack[size++] = {0, squaredDistanceToBox(nodes_[0].box, p)};
  while (size > 0) {
    const Entry entry = stack[--size];
    if (entry.distance >= best) continue;
    const Node& node = nodes_[entry.node];
    if (node.count > 0) {
      for (uint32_t i = node.start; i < node.start + node.count; ++i)
        if (!accept || accept(tags_[triangles_[i].mesh])) consider(i);
      continue;
    }
    // Visit the nearer child first: it is pushed last.
    const Entry left{node.left, squaredDistanceToBox(nodes_[node.left].box, p)};
    const Entry right{node.right, squaredDistanceToBox(nodes_[node.right].box, p)};
    const bool leftNearer = left.distance < right.distance;
    const Entry& nearer = leftNearer ? left : right;
    const Entry& farther = leftNearer ? right : left;
    if (farther.distance < best) stack[size++] = farther;
    if (nearer.distance < best) stack[size++] = nearer;
  }
  if (bestTriangle < 0) return std::nullopt;
  SurfaceHit hit = hitAt(triangles_[size_t(bestTriangle)], bestBarycentric, bestPoint);
  hit.distance = std::sqrt(best);
  hit.triangle = bestTriangle;
  return hit;
}

std::optional<SurfaceHit> TriangleTree::raycast(const glm::vec3& origin, const glm::vec3& direction,
                                                float maxDistance, const std::function<bool(int)>& accept) const {
  const float length = glm::length(direction);
  if (nodes_.empty() || !(length > 0)) return std::nullopt;
  const glm::vec3 unit = direction / length;
  const glm::vec3 inverse = 1.0f / unit;  // infinities for axis-parallel rays are what the slab test wants
  float best = maxDistance;
  const Triangle* bestTriangle = nullptr;
  glm::vec3 bestBarycentric(0.0f);
  std::vector<uint32_t> stack{0};
  while (!stack.empty()) {
    const Node& node = nodes_[stack.back()];
    stack.pop_back();
    if (rayEntersBox(node.box, origin, inverse, best) > best) continue;
    if (node.count == 0) {
      stack.push_back(node.left), stack.push_back(node.right);
      continue;
    }
    for (uint32_t i = node.start; i < node.start + node.count; ++i) {
      const Triangle& t = triangles_[i];
      if (accept && !accept(tags_[t.mesh])) continue;
      const Corners& c = cornersAt(i);
      const auto hit = rayHitsTriangle(origin, unit, c.a, c.b, c.c);
      if (hit && hit->first >= 0 && hit->first <= best) best = hit->first, bestTriangle = &t, bestBarycentric = hit->second;
    }
  }
  if (!bestTriangle) return std::nullopt;
  SurfaceHit hit = hitAt(*bestTriangle, bestBarycentric, origin + unit * best);
  hit.distance = best;
  hit.triangle = int(bestTriangle - triangles_.data());
  return hit;
}

}  // namespace legatlas::geometry
