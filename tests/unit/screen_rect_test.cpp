#include <gtest/gtest.h>

#include "render/renderer.h"

using legatlas::geometry::Bounds;
using legatlas::scene::Camera;
using legatlas::render::screenRect;

namespace {
Bounds box(glm::vec3 low, glm::vec3 high) {
  Bounds b;
  b.add(low);
  b.add(high);
  return b;
}
}  // namespace

TEST(ScreenRect, CoversTheProjectedBoundsOnly) {
  Camera camera;
  const Bounds scene = box({-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f});
  camera.frame(scene, 1.0f);
  const glm::mat4 viewProjection = camera.projection(1.0f) * camera.view();
  const auto whole = screenRect(scene, viewProjection, 400, 400);
  ASSERT_TRUE(whole.has_value());
  // A small box right of centre on screen covers a small rectangle right of the middle.
  const glm::vec3 centre = camera.target() + camera.right() * 0.25f;
  const auto small = screenRect(box(centre - 0.05f, centre + 0.05f), viewProjection, 400, 400);
  ASSERT_TRUE(small.has_value());
  EXPECT_GT(small->x, 200);
  EXPECT_LT(small->width, 80);
  EXPECT_LT(small->height, 80);
  EXPECT_GE(small->x, whole->x);
  EXPECT_LE(small->x + small->width, whole->x + whole->width);
}

TEST(ScreenRect, NothingForEmptyOrOffscreenBounds) {
  Camera camera;
  camera.frame(box({-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f}), 1.0f);
  const glm::mat4 viewProjection = camera.projection(1.0f) * camera.view();
  EXPECT_FALSE(screenRect(Bounds{}, viewProjection, 400, 400).has_value());
  EXPECT_FALSE(screenRect(box({50, 0, 0}, {51, 1, 1}), viewProjection, 400, 400).has_value());
}

TEST(ScreenRect, BoundsAroundTheEyeUseTheWholeViewport) {
  Camera camera;
  camera.frame(box({-0.5f, -0.5f, -0.5f}, {0.5f, 0.5f, 0.5f}), 1.0f);
  const glm::mat4 viewProjection = camera.projection(1.0f) * camera.view();
  const auto rect = screenRect(box(camera.eye() - 1.0f, camera.eye() + 1.0f), viewProjection, 300, 200);
  ASSERT_TRUE(rect.has_value());
  EXPECT_EQ(rect->width, 300);
  EXPECT_EQ(rect->height, 200);
}
