#pragma once
// Draws a scene: opaque pass, order-independent transparency blended over it, selection
// outline; and the tissue-id buffer used for picking and semantic tests. Needs a current
// GL context (render/gl_context.h); GL itself stays inside render/'s .cpp files.
#include <memory>
#include <optional>
#include <vector>

#include "render/draw_plan.h"
#include "render/image.h"
#include "scene/camera.h"
#include "scene/layer_visibility.h"
#include "scene/overlays.h"

namespace legatlas::render {

class ShaderProgram;

struct FrameInputs {
  const scene::Camera* camera = nullptr;
  scene::LayerVisibility layers = scene::LayerVisibility::defaults();
  int selectedTissue = -1;  // index into Scene::tissues, -1 none
  glm::vec3 background{0.16f, 0.17f, 0.19f};
  const scene::Overlays* overlays = nullptr;  // a playing stroke, if any
  const scene::Surroundings* surroundings = nullptr;  // the table and the body, when lying down
  const scene::Swelling* swelling = nullptr;  // the skin swollen by tissue fluid, if simulated
  bool striation = true;  // fine lines along the fibres of muscles and tendons
};

// The tissue index shown at each pixel: 0 background, otherwise Scene tissue index + 1.
struct TissueIdBuffer {
  int width = 0;
  int height = 0;
  std::vector<uint32_t> ids;  // top row first
  uint32_t at(int x, int y) const { return ids[static_cast<size_t>(y) * width + x]; }
};

class Renderer {
 public:
  // `samples`: anti-aliasing samples per pixel, 0 for automatic (see chooseSamples).
  explicit Renderer(int samples);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;
  // Uploads a scene; the previous one stays if this throws. `prepared` may come from
  // GpuSceneData::from(scene) computed ahead, e.g. on the thread that loaded the scene.
  void setScene(const scene::Scene& scene);
  void setScene(const scene::Scene& scene, const GpuSceneData& prepared);
  bool hasScene() const;
  size_t triangleCount() const;
  int samples() const { return samples_; }

  // Renders into framebuffer `output` (0 = the window) of the given size.
  void render(const FrameInputs& frame, unsigned output, int width, int height);
  // Renders into an offscreen image.
  Image renderImage(const FrameInputs& frame, int width, int height);
  TissueIdBuffer renderTissueIds(const FrameInputs& frame, int width, int height);
  // Tissue index under pixel (x, y) from the top left, or -1 for none.
  int pickTissue(const FrameInputs& frame, int width, int height, int x, int y);
  // The benchmark reference: every triangle in one draw with plain Lambert shading.
  void renderReferenceLambert(const scene::Camera& camera, unsigned output, int width, int height);
  // Triangles drawn by the last render().
  size_t lastTrianglesDrawn() const { return lastTrianglesDrawn_; }

 private:
  struct Gpu;  // the programs, targets, uploaded scene and overlay painter (renderer.cpp)

  void renderScene(const FrameInputs& frame, int width, int height);
  void drawOpaque(const FrameInputs& frame, const glm::mat4& view, const glm::mat4& projection);
  bool drawTransparent(const FrameInputs& frame, const glm::mat4& view, const glm::mat4& projection);
  void blendTransparency();
  void present(unsigned output, int width, int height);
  void drawOutline(const FrameInputs& frame, int tissue, const glm::vec3& color, const glm::mat4& viewProjection,
                   unsigned output, int width, int height);
  void drawHandOutline(const FrameInputs& frame, const glm::mat4& view, const glm::mat4& projection, unsigned output,
                       int width, int height);
  // The outline mask cleared and bound; then its edge (and a faint tint inside) drawn into `output`.
  void clearOutlineMask(int width, int height);
  void edgeOfMask(const glm::vec3& color, unsigned output, int width, int height);
  // The dents of the frame's overlays, for `program` (which must be in use).
  void setDents(ShaderProgram& program, const FrameInputs& frame);
  glm::vec3 colorOf(const FrameInputs& frame, const DrawRange& range) const;
  void setMatrices(ShaderProgram& program, const glm::mat4& view, const glm::mat4& projection);
  // Uploads the frame's swelling when it changed (none: the skin at rest).
  void applySwelling(const FrameInputs& frame);

  int samples_;
  std::unique_ptr<Gpu> gpu_;
  size_t lastTrianglesDrawn_ = 0;
};

}  // namespace legatlas::render
