#pragma once
// The interactive program: one object owning window, GL context, ImGui, renderer and
// scene in a fixed order, so every GPU object dies before the context does.
#include <memory>
#include <string>
#include <vector>

#include "app/options.h"
#include "render/camera.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/scene.h"
#include "ui/panels.h"

namespace legatlas::app {

class ImGuiSession;

class Viewer {
 public:
  explicit Viewer(const ViewerOptions& options);
  ~Viewer();
  int run();

 private:
  void loadRequested(const ModelOptions& model);
  void handleKeys();
  void handleMouse(int framebufferWidth, int framebufferHeight);
  void applyViewRequest(const ui::ViewRequest& request);
  void drawPanels();
  float aspect() const;
  static void onDrop(struct GLFWwindow* window, int count, const char** paths);

  render::GlContext context_;
  std::unique_ptr<ImGuiSession> imgui_;
  render::Renderer renderer_;
  std::unique_ptr<scene::Scene> scene_;
  render::Camera camera_;
  render::FrameInputs frame_;
  ui::ModelPanelState modelPanel_;
  std::vector<std::string> droppedPaths_;
  bool dragMoved_ = false;
};

}  // namespace legatlas::app
