#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>

#include "scene/camera.h"

using legatlas::scene::Camera;
using legatlas::scene::ViewPreset;

namespace {
void expectNear(const glm::vec3& a, const glm::vec3& b, float tolerance = 1e-4f) {
  EXPECT_NEAR(a.x, b.x, tolerance);
  EXPECT_NEAR(a.y, b.y, tolerance);
  EXPECT_NEAR(a.z, b.z, tolerance);
}

glm::vec3 toNdc(const Camera& camera, const glm::vec3& p, float aspect) {
  const glm::vec4 clip = camera.projection(aspect) * camera.view() * glm::vec4(p, 1.0f);
  return glm::vec3(clip) / clip.w;
}
}  // namespace

// Each preset looks at the named side of the leg: +X lateral, +Y superior, +Z anterior.
TEST(Camera, PresetsLookAtTheNamedSide) {
  Camera camera;
  const struct {
    ViewPreset preset;
    glm::vec3 forward;
    glm::vec3 up;
  } cases[] = {
      {ViewPreset::Anterior, {0, 0, -1}, {0, 1, 0}}, {ViewPreset::Posterior, {0, 0, 1}, {0, 1, 0}},
      {ViewPreset::Lateral, {-1, 0, 0}, {0, 1, 0}},  {ViewPreset::Medial, {1, 0, 0}, {0, 1, 0}},
      {ViewPreset::Superior, {0, -1, 0}, {0, 0, 1}}, {ViewPreset::Inferior, {0, 1, 0}, {0, 0, 1}},
  };
  for (const auto& c : cases) {
    camera.setPreset(c.preset);
    SCOPED_TRACE(std::string(legatlas::scene::viewPresetName(c.preset)));
    expectNear(camera.forward(), c.forward);
    expectNear(camera.up(), c.up);
  }
}

TEST(Camera, PresetNamesRoundTrip) {
  EXPECT_EQ(legatlas::scene::viewPresetFromName("Lateral"), ViewPreset::Lateral);
  EXPECT_FALSE(legatlas::scene::viewPresetFromName("sideways").has_value());
}

TEST(Camera, FrameFitsTheBoundsInView) {
  Camera camera;
  legatlas::geometry::Bounds bounds;
  bounds.add({-0.1f, -0.9f, -0.1f});
  bounds.add({0.1f, 0.1f, 0.2f});
  for (ViewPreset preset : {ViewPreset::Anterior, ViewPreset::Lateral, ViewPreset::Superior}) {
    camera.setPreset(preset);
    camera.frame(bounds, 16.0f / 9.0f);
    for (int corner = 0; corner < 8; ++corner) {
      const glm::vec3 p((corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                        (corner & 4) ? bounds.max.z : bounds.min.z);
      const glm::vec3 ndc = toNdc(camera, p, 16.0f / 9.0f);
      EXPECT_LE(std::abs(ndc.x), 1.0f);
      EXPECT_LE(std::abs(ndc.y), 1.0f);
      EXPECT_GT(ndc.z, -1.0f);
      EXPECT_LT(ndc.z, 1.0f);
    }
  }
}

TEST(Camera, ZoomTowardKeepsThePointUnderTheCursor) {
  Camera camera;
  legatlas::geometry::Bounds bounds;
  bounds.add({-0.2f, -0.2f, -0.2f});
  bounds.add({0.2f, 0.2f, 0.2f});
  camera.frame(bounds, 1.5f);
  const glm::vec2 cursor(0.5f, -0.3f);
  // The point on the target plane under the cursor.
  const float halfHeight = camera.distance() * std::tan(camera.fovY() * 0.5f);
  const glm::vec3 point = camera.target() + camera.right() * (cursor.x * halfHeight * 1.5f) + camera.up() * (cursor.y * halfHeight);
  const float before = camera.distance();
  camera.zoomToward(cursor, 0.5f, 1.5f);
  EXPECT_NEAR(camera.distance(), before * 0.5f, 1e-5f);
  const glm::vec3 ndc = toNdc(camera, point, 1.5f);
  EXPECT_NEAR(ndc.x, cursor.x, 1e-3f);
  EXPECT_NEAR(ndc.y, cursor.y, 1e-3f);
}

TEST(Camera, OrbitKeepsTargetAndDistance) {
  Camera camera;
  const glm::vec3 target = camera.target();
  const float distance = glm::length(camera.eye() - target);
  camera.orbit(0.7f, -0.4f);
  expectNear(camera.target(), target);
  EXPECT_NEAR(glm::length(camera.eye() - target), distance, 1e-5f);
  // Yaw by a quarter turn from the anterior view looks at the lateral or medial side.
  camera.setPreset(ViewPreset::Anterior);
  camera.orbit(glm::half_pi<float>(), 0.0f);
  EXPECT_NEAR(std::abs(camera.forward().x), 1.0f, 1e-4f);
}

TEST(Camera, PanMovesTargetInTheViewPlane) {
  Camera camera;
  camera.setPreset(ViewPreset::Anterior);
  const glm::vec3 before = camera.target();
  camera.pan(100.0f, 0.0f, 800.0f);
  const glm::vec3 moved = camera.target() - before;
  // Dragging right moves the target toward the screen's left, so the model follows the mouse.
  EXPECT_LT(glm::dot(moved, camera.right()), 0.0f);
  EXPECT_NEAR(glm::dot(moved, camera.up()), 0.0f, 1e-6f);
  EXPECT_NEAR(glm::dot(moved, camera.forward()), 0.0f, 1e-6f);
}

// The model frame is left-handed: a right leg must not render as its mirror image. Facing
// the subject (anterior view) their right side is on the viewer's left; seen from the
// lateral side the toes point right; from above, anterior at the top, lateral is right.
TEST(Camera, ViewsShowARightLegNotItsMirrorImage) {
  Camera camera;
  legatlas::geometry::Bounds bounds;
  bounds.add({-0.3f, -0.3f, -0.3f});
  bounds.add({0.3f, 0.3f, 0.3f});
  const glm::vec3 lateral(0.2f, 0, 0), anterior(0, 0, 0.2f);
  const struct {
    ViewPreset preset;
    glm::vec3 point;
    bool appearsRight;
  } cases[] = {
      {ViewPreset::Anterior, lateral, false}, {ViewPreset::Posterior, lateral, true},
      {ViewPreset::Lateral, anterior, true},  {ViewPreset::Medial, anterior, false},
      {ViewPreset::Superior, lateral, true},  {ViewPreset::Inferior, lateral, false},
  };
  for (const auto& c : cases) {
    camera.setPreset(c.preset);
    camera.frame(bounds, 1.0f);
    const float x = toNdc(camera, c.point, 1.0f).x;
    EXPECT_EQ(x > 0.0f, c.appearsRight) << legatlas::scene::viewPresetName(c.preset) << " ndc.x " << x;
    // right() names the model direction that shows on the right.
    EXPECT_GT(toNdc(camera, camera.target() + camera.right() * 0.1f, 1.0f).x, 0.0f);
  }
}
