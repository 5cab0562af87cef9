#include "scene/camera.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

#include "core/text.h"

namespace legatlas::scene {

namespace {
struct PresetInfo {
  ViewPreset preset;
  std::string_view name;
  glm::vec3 direction;
  glm::vec3 up;
};
// Views name the side of the leg that faces the viewer. Superior and inferior views put
// anterior at the top of the picture, as anatomy atlases do.
constexpr PresetInfo kPresets[] = {
    {ViewPreset::Anterior, "anterior", {0, 0, -1}, {0, 1, 0}},
    {ViewPreset::Posterior, "posterior", {0, 0, 1}, {0, 1, 0}},
    {ViewPreset::Lateral, "lateral", {-1, 0, 0}, {0, 1, 0}},
    {ViewPreset::Medial, "medial", {1, 0, 0}, {0, 1, 0}},
    {ViewPreset::Superior, "superior", {0, -1, 0}, {0, 0, 1}},
    {ViewPreset::Inferior, "inferior", {0, 1, 0}, {0, 0, 1}},
};
const PresetInfo& info(ViewPreset preset) {
  for (const PresetInfo& p : kPresets) {
    if (p.preset == preset) return p;
  }
  return kPresets[0];
}
}  // namespace

std::optional<ViewPreset> viewPresetFromName(std::string_view name) {
  const std::string lower = toLower(name);
  for (const PresetInfo& p : kPresets) {
    if (p.name == lower) return p.preset;
  }
  return std::nullopt;
}

std::string_view viewPresetName(ViewPreset preset) { return info(preset).name; }
glm::vec3 viewDirection(ViewPreset preset) { return info(preset).direction; }

Camera::Camera() : fovY_(glm::radians(30.0f)) { setPreset(ViewPreset::Anterior); }

glm::vec3 Camera::forward() const { return orientation_ * glm::vec3(0, 0, -1); }
glm::vec3 Camera::up() const { return orientation_ * glm::vec3(0, 1, 0); }
// The model frame is left-handed (+X the subject's right, +Y up, +Z anterior), so the
// direction that shows on the right of the screen is the mirror of the orientation's +X.
glm::vec3 Camera::right() const { return -(orientation_ * glm::vec3(1, 0, 0)); }
glm::vec3 Camera::eye() const { return target_ - forward() * distance_; }

glm::mat4 Camera::view() const {
  // Rows: screen right, screen up, toward the viewer. Their determinant is -1: the view
  // mirrors the left-handed model frame into GL's right-handed eye space.
  const glm::vec3 r = right(), u = up(), back = -forward(), e = eye();
  glm::mat4 view(1.0f);
  for (int c = 0; c < 3; ++c) {
    view[c][0] = r[c];
    view[c][1] = u[c];
    view[c][2] = back[c];
  }
  view[3] = glm::vec4(-glm::dot(r, e), -glm::dot(u, e), -glm::dot(back, e), 1.0f);
  return view;
}

glm::mat4 Camera::projection(float aspect) const {
  // A tight depth range around the scene keeps depth precision and OIT weights useful.
  float nearPlane = 0.01f, farPlane = 100.0f;
  if (!scene_.empty()) {
    const float centreDepth = glm::dot(scene_.center() - eye(), forward());
    const float radius = scene_.radius();
    farPlane = std::max(centreDepth + radius * 1.05f, 0.05f);
    nearPlane = std::max(centreDepth - radius * 1.05f, farPlane * 0.002f);
  }
  return glm::perspective(fovY_, std::max(aspect, 1e-3f), nearPlane, farPlane);
}

void Camera::frame(const geometry::Bounds& bounds, float aspect) {
  if (bounds.empty()) return;
  scene_ = bounds;
  target_ = bounds.center();
  // Close enough that every corner of the box, seen from the current direction, just fits
  // both the width and the height of the viewport: a tall leg fills a tall image.
  const float tanHalfY = std::tan(fovY_ * 0.5f), tanHalfX = tanHalfY * std::max(aspect, 1e-3f);
  float needed = 1e-3f;
  for (int corner = 0; corner < 8; ++corner) {
    const glm::vec3 c((corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                      (corner & 4) ? bounds.max.z : bounds.min.z);
    const glm::vec3 offset = c - target_;
    const float nearer = -glm::dot(offset, forward());  // how much closer to the eye than the target
    needed = std::max({needed, std::abs(glm::dot(offset, right())) / tanHalfX + nearer,
                       std::abs(glm::dot(offset, up())) / tanHalfY + nearer});
  }
  distance_ = needed * 1.04f;
}

void Camera::setPreset(ViewPreset preset) {
  const PresetInfo& p = info(preset);
  orientation_ = glm::quatLookAtRH(glm::normalize(p.direction), p.up);
}

void Camera::lookAlong(const glm::vec3& forward, const glm::vec3& upward) {
  const glm::vec3 f = glm::normalize(forward);
  glm::vec3 u = upward - f * glm::dot(upward, f);
  if (glm::length(u) < 1e-4f) u = std::abs(f.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(0, 0, 1);
  orientation_ = glm::quatLookAtRH(f, glm::normalize(u));
}

void Camera::setVertical(const glm::vec3& up) {
  if (glm::length(up) > 1e-6f) vertical_ = glm::normalize(up);
}

void Camera::orbit(float yawRadians, float pitchRadians) {
  const glm::quat yaw = glm::angleAxis(yawRadians, vertical_);
  const glm::quat pitch = glm::angleAxis(pitchRadians, glm::vec3(1, 0, 0));
  orientation_ = glm::normalize(yaw * orientation_ * pitch);
}

void Camera::pan(float dxPixels, float dyPixels, float viewportHeight) {
  const float worldPerPixel = 2.0f * distance_ * std::tan(fovY_ * 0.5f) / std::max(viewportHeight, 1.0f);
  target_ += (-dxPixels * right() + dyPixels * up()) * worldPerPixel;
}

void Camera::zoomToward(const glm::vec2& ndc, float factor, float aspect) {
  const float halfHeight = distance_ * std::tan(fovY_ * 0.5f);
  const glm::vec3 underCursor = target_ + right() * (ndc.x * halfHeight * aspect) + up() * (ndc.y * halfHeight);
  factor = std::clamp(factor, 0.2f, 5.0f);
  target_ = underCursor + (target_ - underCursor) * factor;
  distance_ = std::max(distance_ * factor, 1e-3f);
}

}  // namespace legatlas::scene
