#include "geometry/primitives.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <numbers>

namespace legatlas::geometry {

Mesh makeEllipsoid(const glm::vec3& center, const glm::vec3& radii, int rings, int segments) {
  Mesh mesh;
  const float pi = std::numbers::pi_v<float>;
  // Poles are single vertices so the surface is closed and has no degenerate triangles.
  mesh.positions.push_back(center + glm::vec3(0, radii.y, 0));
  for (int r = 1; r < rings; ++r) {
    const float polar = pi * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s < segments; ++s) {
      const float azimuth = 2.0f * pi * static_cast<float>(s) / static_cast<float>(segments);
      const glm::vec3 unit(std::sin(polar) * std::sin(azimuth), std::cos(polar),
                           std::sin(polar) * std::cos(azimuth));
      mesh.positions.push_back(center + unit * radii);
    }
  }
  mesh.positions.push_back(center - glm::vec3(0, radii.y, 0));
  const auto ring = [&](int r, int s) {
    return static_cast<uint32_t>(1 + (r - 1) * segments + (s % segments));
  };
  const auto bottom = static_cast<uint32_t>(mesh.positions.size() - 1);
  for (int s = 0; s < segments; ++s) {
    mesh.indices.insert(mesh.indices.end(), {0u, ring(1, s), ring(1, s + 1)});
    for (int r = 1; r + 1 < rings; ++r) {
      const uint32_t a = ring(r, s), b = ring(r + 1, s), c = ring(r + 1, s + 1), d = ring(r, s + 1);
      mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
    }
    mesh.indices.insert(mesh.indices.end(), {bottom, ring(rings - 1, s + 1), ring(rings - 1, s)});
  }
  // Ellipsoid normal: gradient of the implicit function, not the radial direction.
  for (const glm::vec3& p : mesh.positions) {
    mesh.normals.push_back(glm::normalize((p - center) / (radii * radii)));
  }
  return mesh;
}

Mesh makeCylinder(const glm::vec3& baseCenter, float radius, float height, int segments) {
  Mesh mesh;
  const float pi = std::numbers::pi_v<float>;
  const glm::vec3 up(0, 1, 0);
  // Side ring vertices (own normals) then cap vertices, so edges stay sharp.
  for (int level = 0; level < 2; ++level) {
    for (int s = 0; s < segments; ++s) {
      const float a = 2.0f * pi * static_cast<float>(s) / static_cast<float>(segments);
      const glm::vec3 radial(std::sin(a), 0, std::cos(a));
      mesh.positions.push_back(baseCenter + radial * radius + up * (height * level));
      mesh.normals.push_back(radial);
    }
  }
  const auto n = static_cast<uint32_t>(segments);
  for (uint32_t s = 0; s < n; ++s) {
    const uint32_t a = s, b = (s + 1) % n, c = n + (s + 1) % n, d = n + s;
    mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
  }
  for (int level = 0; level < 2; ++level) {
    const auto capCenter = static_cast<uint32_t>(mesh.positions.size());
    const glm::vec3 normal = level == 0 ? -up : up;
    mesh.positions.push_back(baseCenter + up * (height * level));
    mesh.normals.push_back(normal);
    for (uint32_t s = 0; s < n; ++s) {
      mesh.positions.push_back(mesh.positions[level * n + s]);
      mesh.normals.push_back(normal);
    }
    for (uint32_t s = 0; s < n; ++s) {
      const uint32_t a = capCenter + 1 + s, b = capCenter + 1 + (s + 1) % n;
      if (level == 0) mesh.indices.insert(mesh.indices.end(), {capCenter, b, a});
      else mesh.indices.insert(mesh.indices.end(), {capCenter, a, b});
    }
  }
  return mesh;
}

Mesh makeBox(const glm::vec3& min, const glm::vec3& max) {
  Mesh mesh;
  // Four vertices per face so normals stay flat.
  const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  const glm::vec3 center = (min + max) * 0.5f, half = (max - min) * 0.5f;
  for (const glm::vec3& n : normals) {
    // Two axes spanning the face, ordered so (u x v) == n (counter-clockwise outside).
    const glm::vec3 u = glm::abs(n.y) > 0.5f ? glm::vec3(0, 0, n.y) : glm::vec3(-n.z, 0, n.x);
    const glm::vec3 v = glm::cross(n, u);
    const auto base = static_cast<uint32_t>(mesh.positions.size());
    const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (const glm::vec2& c : corners) {
      mesh.positions.push_back(center + (n + u * c.x + v * c.y) * half);
      mesh.normals.push_back(n);
    }
    mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
  return mesh;
}

}  // namespace legatlas::geometry
