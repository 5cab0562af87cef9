#pragma once
// Small geometric helpers shared by the parts of the hand placement (technique/hand_*.cpp).
#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <string>
#include <string_view>

namespace legatlas::technique::hand_geometry {

// `v` flattened into the plane of `normal` and normalised; `fallback` (flattened) when `v`
// stands on the plane, and any direction in it when both do.
inline glm::vec3 inPlane(glm::vec3 v, const glm::vec3& normal, const glm::vec3& fallback) {
  v -= normal * glm::dot(v, normal);
  if (glm::length(v) > 1e-6f) return glm::normalize(v);
  glm::vec3 f = fallback - normal * glm::dot(fallback, normal);
  return glm::length(f) > 1e-6f ? glm::normalize(f) : glm::normalize(glm::cross(normal, glm::vec3(1, 0, 0)));
}

inline glm::vec3 transformPoint(const glm::mat4& m, const glm::vec3& p) { return glm::vec3(m * glm::vec4(p, 1.0f)); }

inline bool startsWith(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace legatlas::technique::hand_geometry
