#pragma once
// A hidden window with GL debug output on; every test fails if the driver reported a
// GL error. Scenes come from the synthetic layered limb.
#include <gtest/gtest.h>

#include <memory>

#include "anatomy/tissue_map.h"
#include "layered_limb.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/scene.h"

namespace legatlas::testing {

class GlTest : public ::testing::Test {
 public:
  static constexpr int kWidth = 320;
  static constexpr int kHeight = 240;

 protected:

  void SetUp() override;
  void TearDown() override;

  // Tissue index in the scene by id; fails the test when absent.
  int tissue(const std::string& id) const;
  render::FrameInputs frameFrom(scene::ViewPreset preset);

  std::unique_ptr<render::GlContext> context_;
  std::unique_ptr<render::Renderer> renderer_;
  scene::Scene scene_;
  scene::Camera camera_;
};

}  // namespace legatlas::testing
