#include "geometry/sweep.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <numbers>

namespace legatlas::geometry {

namespace {

glm::vec3 catmullRom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2, const glm::vec3& p3, float s) {
  const float s2 = s * s, s3 = s2 * s;
  return 0.5f * ((2.0f * p1) + (-p0 + p2) * s + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * s2 +
                 (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * s3);
}

// A dense polyline along the spline, then resampled evenly by arc length.
std::vector<glm::vec3> denseCurve(const std::vector<glm::vec3>& points) {
  std::vector<glm::vec3> dense;
  const int steps = 24;
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    const glm::vec3 p0 = points[i == 0 ? 0 : i - 1], p3 = points[std::min(i + 2, points.size() - 1)];
    for (int k = 0; k < steps; ++k) dense.push_back(catmullRom(p0, points[i], points[i + 1], p3, float(k) / steps));
  }
  dense.push_back(points.back());
  return dense;
}

glm::vec3 anyPerpendicular(const glm::vec3& v) {
  const glm::vec3 axis = std::abs(v.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
  return glm::normalize(glm::cross(v, axis));
}

std::vector<glm::vec3> tangentsOf(const std::vector<glm::vec3>& path) {
  std::vector<glm::vec3> tangents(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    const glm::vec3 d = path[std::min(i + 1, path.size() - 1)] - path[i == 0 ? 0 : i - 1];
    tangents[i] = glm::normalize(d);
  }
  return tangents;
}

// Rotation-minimising frames by double reflection (Wang et al. 2008): the thickness axis
// turns with the path but does not twist around it.
std::vector<glm::vec3> thicknessAxes(const std::vector<glm::vec3>& path, const std::vector<glm::vec3>& tangents,
                                     const std::optional<glm::vec3>& hint) {
  std::vector<glm::vec3> axes(path.size());
  glm::vec3 first = hint ? *hint - tangents[0] * glm::dot(*hint, tangents[0]) : glm::vec3(0.0f);
  axes[0] = glm::length(first) > 1e-6f ? glm::normalize(first) : anyPerpendicular(tangents[0]);
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const glm::vec3 v1 = path[i + 1] - path[i];
    const float c1 = glm::dot(v1, v1);
    if (c1 < 1e-14f) {
      axes[i + 1] = axes[i];
      continue;
    }
    const glm::vec3 rL = axes[i] - (2.0f / c1) * glm::dot(v1, axes[i]) * v1;
    const glm::vec3 tL = tangents[i] - (2.0f / c1) * glm::dot(v1, tangents[i]) * v1;
    const glm::vec3 v2 = tangents[i + 1] - tL;
    const float c2 = glm::dot(v2, v2);
    const glm::vec3 r = c2 < 1e-14f ? rL : rL - (2.0f / c2) * glm::dot(v2, rL) * v2;
    axes[i + 1] = glm::normalize(r - tangents[i + 1] * glm::dot(r, tangents[i + 1]));
  }
  return axes;
}

void addCap(Mesh& mesh, const glm::vec3& centre, const glm::vec3& tangent, float u, uint32_t ringStart,
            int segments, bool atStart) {
  const auto centreIndex = static_cast<uint32_t>(mesh.positions.size());
  mesh.positions.push_back(centre);
  mesh.normals.push_back(atStart ? -tangent : tangent);
  mesh.tangents.emplace_back(tangent, 1.0f);
  mesh.uvs.emplace_back(u, 0.5f);
  for (int s = 0; s < segments; ++s) {
    const uint32_t a = ringStart + s, b = ringStart + (s + 1) % segments;
    if (atStart) mesh.indices.insert(mesh.indices.end(), {centreIndex, a, b});
    else mesh.indices.insert(mesh.indices.end(), {centreIndex, b, a});
  }
}

}  // namespace

float pathLength(const std::vector<glm::vec3>& points) {
  float length = 0.0f;
  for (size_t i = 1; i < points.size(); ++i) length += glm::distance(points[i - 1], points[i]);
  return length;
}

std::vector<glm::vec3> smoothPath(const std::vector<glm::vec3>& controlPoints, int samples) {
  std::vector<glm::vec3> points;
  for (const glm::vec3& p : controlPoints) {
    if (points.empty() || glm::distance(points.back(), p) > 1e-5f) points.push_back(p);
  }
  if (points.size() < 2) return points;
  const std::vector<glm::vec3> dense = denseCurve(points);
  std::vector<float> length(dense.size(), 0.0f);
  for (size_t i = 1; i < dense.size(); ++i) length[i] = length[i - 1] + glm::distance(dense[i - 1], dense[i]);
  std::vector<glm::vec3> out;
  size_t j = 0;
  for (int k = 0; k < samples; ++k) {
    const float target = length.back() * float(k) / float(samples - 1);
    while (j + 2 < dense.size() && length[j + 1] < target) ++j;
    const float span = std::max(length[j + 1] - length[j], 1e-9f);
    out.push_back(glm::mix(dense[j], dense[j + 1], std::clamp((target - length[j]) / span, 0.0f, 1.0f)));
  }
  return out;
}

Mesh sweep(const std::vector<glm::vec3>& controlPoints, const std::function<SweepSection(float)>& section,
           const SweepOptions& options) {
  const std::vector<glm::vec3> path = smoothPath(controlPoints, std::max(options.samplesAlong, 2));
  if (path.size() < 2) return {};
  const std::vector<glm::vec3> tangents = tangentsOf(path);
  const std::vector<glm::vec3> thick = thicknessAxes(path, tangents, options.thicknessHint);
  const int segments = std::max(options.segmentsAround, 3);
  const float pi = std::numbers::pi_v<float>;
  Mesh mesh;
  for (size_t i = 0; i < path.size(); ++i) {
    const float t = float(i) / float(path.size() - 1);
    const SweepSection s = section(t);
    const glm::vec3 side = glm::cross(tangents[i], thick[i]);
    for (int k = 0; k < segments; ++k) {
      const float a = 2.0f * pi * float(k) / float(segments);
      const float c = std::cos(a), sn = std::sin(a);
      mesh.positions.push_back(path[i] + side * (0.5f * s.width * c) + thick[i] * (0.5f * s.thickness * sn));
      // Normal of an ellipse: scale the radial direction by the other axis.
      mesh.normals.push_back(glm::normalize(side * (c * s.thickness) + thick[i] * (sn * s.width)));
      mesh.tangents.emplace_back(tangents[i], 1.0f);
      mesh.uvs.emplace_back(t, float(k) / float(segments));
    }
  }
  const auto ring = [segments](size_t i, int k) { return static_cast<uint32_t>(i * segments + (k % segments)); };
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    for (int k = 0; k < segments; ++k) {
      // (tangent x thickness) x thickness = -tangent: increasing k turns clockwise about
      // the tangent, so (a, c, b) is the order that faces outward.
      const uint32_t a = ring(i, k), b = ring(i, k + 1), c = ring(i + 1, k + 1), d = ring(i + 1, k);
      mesh.indices.insert(mesh.indices.end(), {a, c, b, a, d, c});
    }
  }
  addCap(mesh, path.front(), tangents.front(), 0.0f, ring(0, 0), segments, true);
  addCap(mesh, path.back(), tangents.back(), 1.0f, ring(path.size() - 1, 0), segments, false);
  return mesh;
}

}  // namespace legatlas::geometry
