#include "anatomy/blended_parts.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/trigonometric.hpp>

namespace legatlas::anatomy {

namespace {

// Rotation about X, then Y, then Z (the order bones.json documents).
glm::mat3 rotation(const glm::vec3& degrees) {
  glm::mat4 r(1.0f);
  r = glm::rotate(r, glm::radians(degrees.z), glm::vec3(0, 0, 1));
  r = glm::rotate(r, glm::radians(degrees.y), glm::vec3(0, 1, 0));
  r = glm::rotate(r, glm::radians(degrees.x), glm::vec3(1, 0, 0));
  return glm::mat3(r);
}

glm::vec3 closestOnSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
  return a + ab * t;
}

// Distance from p to the triangle abc: to its plane when p projects inside it, else to
// the nearest edge.
float triangleDistance(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 normal = glm::cross(b - a, c - a);
  const bool inside = glm::dot(glm::cross(b - a, p - a), normal) >= 0 && glm::dot(glm::cross(c - b, p - b), normal) >= 0 &&
                      glm::dot(glm::cross(a - c, p - c), normal) >= 0;
  const float area2 = glm::length(normal);
  if (inside && area2 > 1e-12f) return std::abs(glm::dot(p - a, normal)) / area2;
  return std::min({glm::distance(p, closestOnSegment(p, a, b)), glm::distance(p, closestOnSegment(p, b, c)),
                   glm::distance(p, closestOnSegment(p, c, a))});
}

}  // namespace

BlendedParts::BlendedParts(const std::vector<BonePart>& parts, float blendRadius) : blendRadius_(blendRadius) {
  for (const BonePart& described : parts) {
    Part part;
    part.kind = described.kind;
    part.a = described.from.position;
    part.b = described.to.position;
    part.radiusA = described.radiusFrom;
    part.radiusB = described.radiusTo;
    part.centre = described.center.position;
    part.radii = described.radii;
    part.toLocal = glm::transpose(rotation(described.rotationDegrees));
    for (const Point& point : described.sheet) part.sheet.push_back(point.position);
    part.halfThickness = described.thickness * 0.5f;
    addToBounds(part);
    parts_.push_back(std::move(part));
  }
}

void BlendedParts::addToBounds(const Part& part) {
  const auto addBall = [this](const glm::vec3& c, float r) {
    bounds_.add(c - glm::vec3(r));
    bounds_.add(c + glm::vec3(r));
  };
  switch (part.kind) {
    case BonePart::Kind::Capsule:
      addBall(part.a, part.radiusA);
      addBall(part.b, part.radiusB);
      break;
    case BonePart::Kind::Ellipsoid:
      addBall(part.centre, std::max({part.radii.x, part.radii.y, part.radii.z}));
      break;
    case BonePart::Kind::Sheet:
      for (const glm::vec3& p : part.sheet) addBall(p, part.halfThickness);
      break;
  }
}

float BlendedParts::partDistance(const Part& part, const glm::vec3& p) {
  switch (part.kind) {
    case BonePart::Kind::Capsule: {
      // Tapered capsule: distance to the axis minus the radius interpolated at the foot
      // of the perpendicular (close to exact for the gentle tapers bones have).
      const glm::vec3 axis = part.b - part.a;
      const float t = std::clamp(glm::dot(p - part.a, axis) / std::max(glm::dot(axis, axis), 1e-12f), 0.0f, 1.0f);
      return glm::distance(p, part.a + axis * t) - (part.radiusA + (part.radiusB - part.radiusA) * t);
    }
    case BonePart::Kind::Ellipsoid: {
      // First-order distance estimate: exact on the axes and never far off.
      const glm::vec3 q = part.toLocal * (p - part.centre);
      const float k0 = glm::length(q / part.radii);
      const float k1 = glm::length(q / (part.radii * part.radii));
      if (k1 < 1e-9f) return -std::min({part.radii.x, part.radii.y, part.radii.z});
      return k0 * (k0 - 1.0f) / k1;
    }
    case BonePart::Kind::Sheet: {
      float d = 1e9f;
      const size_t rim = part.sheet.size() - 1;
      for (size_t i = 1; i < rim; ++i) d = std::min(d, triangleDistance(p, part.sheet[0], part.sheet[i], part.sheet[i + 1]));
      return d - part.halfThickness;
    }
  }
  return 1e9f;
}

float BlendedParts::distance(const glm::vec3& p) const {
  float d = 1e9f;
  for (const Part& part : parts_) d = geometry::smoothUnion(d, partDistance(part, p), blendRadius_);
  return d;
}

geometry::LevelSet BlendedParts::levelSet(float voxelSize, geometry::NarrowBand band) const {
  return geometry::LevelSet::fromFunction(bounds_, voxelSize, [this](const glm::vec3& p) { return distance(p); },
                                          band);
}

}  // namespace legatlas::anatomy
