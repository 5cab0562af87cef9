#pragma once
// What the viewer's modes share each frame: the leg shown, the camera, what the renderer
// is given, and the framebuffer's size. The viewer owns all of it; a mode changes only
// what its job needs (the camera to follow a step, the surroundings of the table...).
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "teaching/leg.h"

namespace legatlas::ui {

struct Stage {
  const scene::Scene* scene = nullptr;  // none before a model loads
  const teaching::Leg* leg = nullptr;   // none while the description or the skin is missing
  scene::Camera* camera = nullptr;
  render::FrameInputs* frame = nullptr;
  int width = 0, height = 0;  // framebuffer pixels
  double now = 0;             // seconds (render::GlContext::seconds)

  float aspect() const { return height > 0 ? static_cast<float>(width) / static_cast<float>(height) : 1.0f; }
};

}  // namespace legatlas::ui
