#pragma once
// An orbit camera around a target point. Pure math: no GL. Its view matrix mirrors the
// model frame (left-handed, see DESIGN.md) so that a right leg looks like a right leg.
#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <optional>
#include <string_view>

#include "geometry/mesh.h"

namespace legatlas::scene {

enum class ViewPreset { Anterior, Posterior, Lateral, Medial, Superior, Inferior };

std::optional<ViewPreset> viewPresetFromName(std::string_view name);
std::string_view viewPresetName(ViewPreset preset);
// Direction the camera looks along in the model frame, e.g. anterior view -> (0,0,-1).
glm::vec3 viewDirection(ViewPreset preset);

class Camera {
 public:
  Camera();

  glm::vec3 target() const { return target_; }
  float distance() const { return distance_; }
  glm::vec3 eye() const;
  glm::vec3 forward() const;  // unit, from eye toward target
  glm::vec3 up() const;     // model direction shown upward on screen
  glm::vec3 right() const;  // model direction shown to the right on screen
  float fovY() const { return fovY_; }

  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;

  // Keeps the current view direction and fits `bounds` into the viewport.
  void frame(const geometry::Bounds& bounds, float aspect);
  void setPreset(ViewPreset preset);
  // Looks along `forward` with `upward` shown as high on the screen as it can be.
  void lookAlong(const glm::vec3& forward, const glm::vec3& upward);
  // The room's vertical that orbiting turns about: the model's +Y for the standing leg,
  // the table's up when the client lies down.
  void setVertical(const glm::vec3& up);
  glm::vec3 vertical() const { return vertical_; }
  // Rotates around the target: yaw about the vertical, pitch about the camera's right.
  void orbit(float yawRadians, float pitchRadians);
  // Moves the target in the view plane by a drag of (dx, dy) pixels.
  void pan(float dxPixels, float dyPixels, float viewportHeight);
  // Dollies by `factor` (<1 closer) keeping the point under `ndc` fixed on screen.
  void zoomToward(const glm::vec2& ndc, float factor, float aspect);
  // The scene extent, for the depth range.
  void setSceneBounds(const geometry::Bounds& bounds) { scene_ = bounds; }

 private:
  glm::vec3 target_{0.0f};
  float distance_ = 2.0f;
  glm::quat orientation_{1, 0, 0, 0};  // camera-to-model rotation; camera looks down -Z
  glm::vec3 vertical_{0, 1, 0};
  float fovY_;
  geometry::Bounds scene_;
};

}  // namespace legatlas::scene
