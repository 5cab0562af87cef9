// Which level of detail a view draws: the coarse copy from afar, the full mesh up close,
// and always exactly one of the two.
#include <gtest/gtest.h>

#include "render/gpu_scene.h"

using legatlas::scene::Camera;
using legatlas::render::DetailChoice;
using legatlas::render::DrawRange;

namespace {

DrawRange rangeOf(int detail, bool hasOther) {
  DrawRange range;
  range.detail = detail;
  range.hasOtherDetail = hasOther;
  range.bounds.add(glm::vec3(-0.05f, -0.2f, -0.05f));
  range.bounds.add(glm::vec3(0.05f, 0.2f, 0.05f));
  return range;
}

Camera cameraFramingWholeLeg() {
  Camera camera;
  legatlas::geometry::Bounds leg;
  leg.add(glm::vec3(-0.15f, -0.9f, -0.15f));
  leg.add(glm::vec3(0.15f, 0.15f, 0.15f));
  camera.frame(leg, 16.0f / 9.0f);
  return camera;
}

}  // namespace

TEST(DetailChoice, WholeLegAt720pDrawsTheCoarseCopy) {
  const DetailChoice choice(cameraFramingWholeLeg(), 720);
  EXPECT_TRUE(choice.drawn(rangeOf(1, true)));
  EXPECT_FALSE(choice.drawn(rangeOf(0, true)));
}

TEST(DetailChoice, CloseUpDrawsTheFullMesh) {
  Camera camera = cameraFramingWholeLeg();
  camera.zoomToward({0.0f, 0.0f}, 0.2f, 16.0f / 9.0f);
  const DetailChoice choice(camera, 720);
  EXPECT_TRUE(choice.drawn(rangeOf(0, true)));
  EXPECT_FALSE(choice.drawn(rangeOf(1, true)));
}

TEST(DetailChoice, LargeImagesOfTheWholeLegUseTheFullMesh) {
  const DetailChoice choice(cameraFramingWholeLeg(), 2160);
  EXPECT_TRUE(choice.drawn(rangeOf(0, true)));
  EXPECT_FALSE(choice.drawn(rangeOf(1, true)));
}

TEST(DetailChoice, AMeshWithoutACoarseCopyIsAlwaysDrawn) {
  const DetailChoice choice(cameraFramingWholeLeg(), 720);
  EXPECT_TRUE(choice.drawn(rangeOf(0, false)));
}
