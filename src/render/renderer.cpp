#include "render/renderer.h"

#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>

#include "render/frame_targets.h"
#include "render/gpu_scene.h"
#include "render/hand_painter.h"
#include "render/overlay_painter.h"
#include "render/shader_program.h"

namespace legatlas::render {

namespace {
constexpr glm::vec3 kSelectionColor{1.0f, 0.82f, 0.18f};
constexpr glm::vec3 kWorkedColor{0.25f, 0.85f, 1.0f};  // the tissue a stroke works on
constexpr float kWorkedTint = 0.35f;
constexpr glm::vec3 kHandOutlineColor{0.38f, 0.24f, 0.18f};  // a soft edge, darker than the hands' skin

bool deformable(anatomy::Layer layer) { return layer != anatomy::Layer::Bone; }

// Contrast of the fascicle lines: clear on muscle, faint on the denser, paler tendon.
float striationOf(const FrameInputs& frame, const DrawRange& range) {
  if (!frame.striation || !range.fibrous) return 0.0f;
  if (range.tendinous) return 0.10f;
  switch (range.layer) {
    case anatomy::Layer::SuperficialMuscle:
    case anatomy::Layer::DeepMuscle: return 0.24f;
    case anatomy::Layer::Tendon: return 0.10f;
    default: return 0.0f;
  }
}

glm::mat4 cameraProjection(const scene::Camera& camera, int width, int height) {
  return camera.projection(static_cast<float>(width) / static_cast<float>(std::max(height, 1)));
}
}  // namespace

struct Renderer::Gpu {
  explicit Gpu(int samples)
      : surface("surface.vert", "surface.frag"),
        tissueId("surface.vert", "tissue_id.frag"),
        selectionMask("surface.vert", "selection_mask.frag"),
        composite("fullscreen.vert", "composite.frag", samples > 1 ? "#define MULTISAMPLE\n" : ""),
        outline("fullscreen.vert", "outline.frag"),
        referenceLambert("surface.vert", "reference_lambert.frag") {}

  ShaderProgram surface, tissueId, selectionMask, composite, outline, referenceLambert;
  VertexArray fullscreenVao;  // core profile needs a bound VAO even without attributes
  SceneTargets sceneTargets;
  ColorTarget offscreen, idTarget, selectionTarget;
  std::unique_ptr<GpuScene> gpuScene;
  OverlayPainter overlayPainter;
  HandPainter handPainter;
  std::vector<glm::vec3> tissueColors;
  int swellingVersion = -1;  // of the swelling uploaded; -1 the skin at rest
  bool showFluid = false;
};

Renderer::Renderer(int samples) : samples_(chooseSamples(samples)), gpu_(std::make_unique<Gpu>(samples_)) {}

Renderer::~Renderer() = default;

bool Renderer::hasScene() const { return gpu_->gpuScene != nullptr; }

size_t Renderer::triangleCount() const { return gpu_->gpuScene ? gpu_->gpuScene->triangleCount() : 0; }

void Renderer::setScene(const scene::Scene& scene) { setScene(scene, GpuSceneData::from(scene)); }

void Renderer::setScene(const scene::Scene& scene, const GpuSceneData& prepared) {
  auto uploaded = std::make_unique<GpuScene>(prepared);
  std::vector<glm::vec3> colors;
  for (const scene::Tissue& t : scene.tissues) colors.push_back(t.color);
  gpu_->gpuScene = std::move(uploaded);
  gpu_->tissueColors = std::move(colors);
  gpu_->swellingVersion = -1;  // a new upload is at rest
}

void Renderer::setDents(ShaderProgram& program, const FrameInputs& frame) {
  const int count =
      frame.overlays ? std::min<int>(static_cast<int>(frame.overlays->dents.size()), scene::kMostSurfaceDents) : 0;
  program.set("uDentCount", count);
  static constexpr const char* kCentres[scene::kMostSurfaceDents] = {"uDentCentres[0]", "uDentCentres[1]"};
  static constexpr const char* kNormals[scene::kMostSurfaceDents] = {"uDentNormals[0]", "uDentNormals[1]"};
  for (int i = 0; i < count; ++i) {
    const scene::SurfaceDent& d = frame.overlays->dents[i];
    program.set(kCentres[i], glm::vec4(d.centre, d.depth));
    program.set(kNormals[i], glm::vec4(d.normal, std::max(d.radius, 1e-4f)));
  }
}

glm::vec3 Renderer::colorOf(const FrameInputs& frame, const DrawRange& range) const {
  const glm::vec3 own = range.tendinous ? anatomy::defaultLayerColor(anatomy::Layer::Tendon) : gpu_->tissueColors[range.tissueIndex];
  const bool worked = frame.overlays && frame.overlays->workedTissue == range.tissueIndex;
  return worked ? glm::mix(own, kWorkedColor, kWorkedTint) : own;
}

void Renderer::setMatrices(ShaderProgram& program, const glm::mat4& view, const glm::mat4& projection) {
  program.use();
  program.set("uView", view);
  program.set("uProjection", projection);
}

void Renderer::drawOpaque(const FrameInputs& frame, const glm::mat4& view, const glm::mat4& projection) {
  glBindFramebuffer(GL_FRAMEBUFFER, gpu_->sceneTargets.opaqueFramebuffer());
  glViewport(0, 0, gpu_->sceneTargets.width(), gpu_->sceneTargets.height());
  glClearColor(frame.background.x, frame.background.y, frame.background.z, 1.0f);
  glClearDepth(1.0);
  glDepthMask(GL_TRUE);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  if (frame.overlays) {
    gpu_->handPainter.drawOpaque(*frame.overlays, view, projection);
    const float outlinePixels = std::max(1.0f, float(std::min(gpu_->sceneTargets.width(), gpu_->sceneTargets.height())) / 400.0f);
    gpu_->handPainter.drawShells(*frame.overlays, view, projection, outlinePixels, kHandOutlineColor);
  }
  setMatrices(gpu_->surface, view, projection);
  gpu_->surface.set("uTransparentPass", 0);
  gpu_->surface.set("uOpacity", 1.0f);
  gpu_->surface.set("uStriation", 0.0f);
  setDents(gpu_->surface, frame);
  if (frame.overlays) gpu_->overlayPainter.drawSolids(*frame.overlays, gpu_->surface);
  if (frame.surroundings) gpu_->overlayPainter.drawTable(*frame.surroundings, gpu_->surface);
  if (!gpu_->gpuScene) return;
  gpu_->gpuScene->bind();
  glCullFace(GL_BACK);
  const DetailChoice detail(*frame.camera, gpu_->sceneTargets.height());
  for (const DrawRange& range : gpu_->gpuScene->ranges()) {
    if (!frame.layers.opaque(range.layer) || !detail.drawn(range)) continue;
    // Back faces of a closed surface lie behind its front: skipping them halves the
    // triangles a software renderer sets up. An open one shows its inside.
    if (range.closed) glEnable(GL_CULL_FACE);
    else glDisable(GL_CULL_FACE);
    gpu_->surface.set("uColor", colorOf(frame, range));
    gpu_->surface.set("uDeformable", deformable(range.layer) ? 1 : 0);
    gpu_->surface.set("uStriation", striationOf(frame, range));
    gpu_->surface.set("uTissueCentre", range.tissueCentre);
    gpu_->gpuScene->draw(range);
    lastTrianglesDrawn_ += static_cast<size_t>(range.indexCount) / 3;
  }
  glDisable(GL_CULL_FACE);
}

bool Renderer::drawTransparent(const FrameInputs& frame, const glm::mat4& view,
                               const glm::mat4& projection) {
  geometry::Bounds translucent;
  if (gpu_->gpuScene)
    for (const DrawRange& range : gpu_->gpuScene->ranges()) {
      if (frame.layers.drawn(range.layer) && !frame.layers.opaque(range.layer)) translucent.add(range.bounds);
    }
  if (frame.surroundings) translucent.add(frame.surroundings->body.bounds());
  // Translucent hands, and the faded forearm ends of opaque ones.
  const bool transparentHands = frame.overlays && HandPainter::anyTransparent(*frame.overlays);
  if (transparentHands) translucent.add(gpu_->handPainter.bounds(*frame.overlays));
  const std::optional<PixelRect> rect =
      screenRect(translucent, projection * view, gpu_->sceneTargets.width(), gpu_->sceneTargets.height());
  if (!rect) return false;
  // Clearing, drawing and blending stay inside the translucent layers' screen rectangle.
  glEnable(GL_SCISSOR_TEST);
  glScissor(rect->x, rect->y, rect->width, rect->height);
  // A translucent layer shows its near surface only: the far wall of a closed shell would
  // darken its silhouette twice, and culling it halves the pass on software renderers.
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glBindFramebuffer(GL_FRAMEBUFFER, gpu_->sceneTargets.transparentFramebuffer());
  const GLfloat zero[4] = {0, 0, 0, 0}, one[4] = {1, 1, 1, 1};
  glClearBufferfv(GL_COLOR, 0, zero);
  glClearBufferfv(GL_COLOR, 1, one);
  glDepthMask(GL_FALSE);  // test against the opaque depth, never write it
  glEnable(GL_BLEND);
  glBlendFunci(0, GL_ONE, GL_ONE);
  glBlendFunci(1, GL_ZERO, GL_ONE_MINUS_SRC_COLOR);
  setMatrices(gpu_->surface, view, projection);
  gpu_->surface.set("uTransparentPass", 1);
  setDents(gpu_->surface, frame);
  const DetailChoice detail(*frame.camera, gpu_->sceneTargets.height());
  static const std::vector<DrawRange> kNoRanges;  // hands over no leg (the hands' own tests)
  if (gpu_->gpuScene) gpu_->gpuScene->bind();
  for (const DrawRange& range : gpu_->gpuScene ? gpu_->gpuScene->ranges() : kNoRanges) {
    if (!frame.layers.drawn(range.layer) || frame.layers.opaque(range.layer) || !detail.drawn(range)) continue;
    gpu_->surface.set("uColor", colorOf(frame, range));
    gpu_->surface.set("uDeformable", deformable(range.layer) ? 1 : 0);
    gpu_->surface.set("uOpacity", frame.layers[range.layer].opacity);
    gpu_->surface.set("uStriation", striationOf(frame, range));
    gpu_->surface.set("uTissueCentre", range.tissueCentre);
    gpu_->gpuScene->draw(range);
    lastTrianglesDrawn_ += static_cast<size_t>(range.indexCount) / 3;
  }
  gpu_->surface.set("uStriation", 0.0f);
  if (frame.surroundings) gpu_->overlayPainter.drawBody(*frame.surroundings, gpu_->surface);
  if (transparentHands) gpu_->handPainter.drawTransparent(*frame.overlays, view, projection);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  glDepthMask(GL_TRUE);
  return true;
}

void Renderer::blendTransparency() {
  glBindFramebuffer(GL_FRAMEBUFFER, gpu_->sceneTargets.opaqueFramebuffer());
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  gpu_->composite.use();
  const GLenum target = gpu_->sceneTargets.textureTarget();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(target, gpu_->sceneTargets.accumulation());
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(target, gpu_->sceneTargets.revealage());
  gpu_->composite.set("uAccumulation", 0);
  gpu_->composite.set("uRevealage", 1);
  glBindVertexArray(gpu_->fullscreenVao.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glDisable(GL_BLEND);
  glActiveTexture(GL_TEXTURE0);
}

void Renderer::present(unsigned output, int width, int height) {
  // A blit copies, and resolves multisampled colour, in one step.
  glBindFramebuffer(GL_READ_FRAMEBUFFER, gpu_->sceneTargets.opaqueFramebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, output);
  glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, output);
}

void Renderer::clearOutlineMask(int width, int height) {
  gpu_->selectionTarget.resize(width, height, ColorTarget::Format::R8, false);
  glBindFramebuffer(GL_FRAMEBUFFER, gpu_->selectionTarget.framebuffer());
  glViewport(0, 0, width, height);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);  // the whole silhouette, also where other things cover it
}

void Renderer::edgeOfMask(const glm::vec3& color, unsigned output, int width, int height) {
  glBindFramebuffer(GL_FRAMEBUFFER, output);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  gpu_->outline.use();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, gpu_->selectionTarget.texture());
  gpu_->outline.set("uMask", 0);
  gpu_->outline.set("uOutlineColor", color);
  gpu_->outline.set("uRadius", std::max(1, std::min(width, height) / 400));
  glBindVertexArray(gpu_->fullscreenVao.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glDisable(GL_BLEND);
}

void Renderer::drawHandOutline(const FrameInputs& frame, const glm::mat4& view, const glm::mat4& projection,
                               unsigned output, int width, int height) {
  // Only the pixels the hands can cover (and their edge) are cleared and looked through:
  // a full-frame pass costs several milliseconds on a software renderer.
  const std::optional<PixelRect> rect = screenRect(gpu_->handPainter.bounds(*frame.overlays), projection * view, width, height);
  if (!rect) return;
  glEnable(GL_SCISSOR_TEST);
  glScissor(rect->x, rect->y, rect->width, rect->height);
  clearOutlineMask(width, height);
  gpu_->handPainter.drawMask(*frame.overlays, view, projection);
  edgeOfMask(kHandOutlineColor, output, width, height);
  glDisable(GL_SCISSOR_TEST);
}

void Renderer::drawOutline(const FrameInputs& frame, int tissue, const glm::vec3& color,
                           const glm::mat4& viewProjection, unsigned output, int width, int height) {
  clearOutlineMask(width, height);
  gpu_->selectionMask.use();
  gpu_->selectionMask.set("uView", glm::mat4(1.0f));
  gpu_->selectionMask.set("uProjection", viewProjection);
  setDents(gpu_->selectionMask, frame);
  gpu_->gpuScene->bind();
  const DetailChoice detail(*frame.camera, height);
  for (const DrawRange& range : gpu_->gpuScene->ranges()) {
    if (range.tissueIndex != tissue || !detail.drawn(range)) continue;
    gpu_->selectionMask.set("uDeformable", deformable(range.layer) ? 1 : 0);
    gpu_->gpuScene->draw(range);
  }
  edgeOfMask(color, output, width, height);
}

void Renderer::applySwelling(const FrameInputs& frame) {
  gpu_->showFluid = frame.swelling && frame.swelling->showFluid;
  if (!gpu_->gpuScene) return;
  const int version = frame.swelling ? frame.swelling->version : -1;
  if (version == gpu_->swellingVersion) return;
  // Only the meshes that swell are rewritten; a swelling taken away clears them all.
  if (!frame.swelling) gpu_->gpuScene->clearSwelling();
  else
    for (size_t m = 0; m < frame.swelling->outwardByMesh.size(); ++m)
      if (!frame.swelling->outwardByMesh[m].empty()) gpu_->gpuScene->setSwelling(m, frame.swelling->outwardByMesh[m]);
  gpu_->swellingVersion = version;
}

void Renderer::renderScene(const FrameInputs& frame, int width, int height) {
  lastTrianglesDrawn_ = 0;
  applySwelling(frame);
  gpu_->surface.use();
  gpu_->surface.set("uShowFluid", gpu_->showFluid ? 1 : 0);
  gpu_->sceneTargets.resize(width, height, samples_);
  glFrontFace(GL_CW);  // the view mirrors the model frame (see Camera::view)
  const glm::mat4 view = frame.camera->view();
  const glm::mat4 projection = cameraProjection(*frame.camera, width, height);
  drawOpaque(frame, view, projection);
  if (drawTransparent(frame, view, projection)) blendTransparency();  // keeps the scissor
  glDisable(GL_SCISSOR_TEST);
  // Translucent hands' soft edge goes under the marks, so the arrow and trail stay over
  // the hands (opaque ones have their outline shell from the opaque pass).
  const bool translucentHands =
      frame.overlays && std::any_of(frame.overlays->hands.begin(), frame.overlays->hands.end(),
                                    [](const scene::SkinnedHand& h) { return h.opacity < 1.0f; });
  if (translucentHands)
    drawHandOutline(frame, view, projection, gpu_->sceneTargets.opaqueFramebuffer(), width, height);
  if (frame.overlays || frame.surroundings) {
    glBindFramebuffer(GL_FRAMEBUFFER, gpu_->sceneTargets.opaqueFramebuffer());
    static const scene::Overlays kNone;
    gpu_->overlayPainter.drawMarks(frame.overlays ? *frame.overlays : kNone, frame.surroundings, view, projection);
  }
  const GLuint target = gpu_->sceneTargets.opaqueFramebuffer();
  if (gpu_->gpuScene && frame.overlays && frame.overlays->workedTissue >= 0)
    drawOutline(frame, frame.overlays->workedTissue, kWorkedColor, projection * view, target, width, height);
  if (gpu_->gpuScene && frame.selectedTissue >= 0)
    drawOutline(frame, frame.selectedTissue, kSelectionColor, projection * view, target, width, height);
  glFrontFace(GL_CCW);
  glBindVertexArray(0);
  glUseProgram(0);
}

void Renderer::render(const FrameInputs& frame, unsigned output, int width, int height) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  renderScene(frame, width, height);
  present(output, width, height);
}

Image Renderer::renderImage(const FrameInputs& frame, int width, int height) {
  renderScene(frame, width, height);
  if (samples_ == 1) return readRgba(gpu_->sceneTargets.opaqueFramebuffer(), width, height);
  gpu_->offscreen.resize(width, height, ColorTarget::Format::Rgba8, false);
  present(gpu_->offscreen.framebuffer(), width, height);  // resolves the samples
  return gpu_->offscreen.readRgba();
}

TissueIdBuffer Renderer::renderTissueIds(const FrameInputs& frame, int width, int height) {
  applySwelling(frame);
  gpu_->idTarget.resize(width, height, ColorTarget::Format::R32ui, true);
  glBindFramebuffer(GL_FRAMEBUFFER, gpu_->idTarget.framebuffer());
  glViewport(0, 0, width, height);
  const GLuint clearId[4] = {0, 0, 0, 0};
  glClearBufferuiv(GL_COLOR, 0, clearId);
  glClearDepth(1.0);
  glDepthMask(GL_TRUE);
  glClear(GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  if (gpu_->gpuScene) {
    setMatrices(gpu_->tissueId, frame.camera->view(), cameraProjection(*frame.camera, width, height));
    setDents(gpu_->tissueId, frame);
    gpu_->gpuScene->bind();
    const DetailChoice detail(*frame.camera, height);
    for (const DrawRange& range : gpu_->gpuScene->ranges()) {
      if (!frame.layers.pickable(range.layer) || !detail.drawn(range)) continue;
      gpu_->tissueId.set("uTissueId", static_cast<unsigned>(range.tissueIndex + 1));
      gpu_->tissueId.set("uDeformable", deformable(range.layer) ? 1 : 0);
      gpu_->gpuScene->draw(range);
    }
  }
  glBindVertexArray(0);
  glUseProgram(0);
  return {width, height, gpu_->idTarget.readUint()};
}

int Renderer::pickTissue(const FrameInputs& frame, int width, int height, int x, int y) {
  if (x < 0 || y < 0 || x >= width || y >= height) return -1;
  const TissueIdBuffer ids = renderTissueIds(frame, width, height);
  return static_cast<int>(ids.at(x, y)) - 1;
}

void Renderer::renderReferenceLambert(const scene::Camera& camera, unsigned output, int width, int height) {
  glBindFramebuffer(GL_FRAMEBUFFER, output);
  glViewport(0, 0, width, height);
  glClearColor(0.16f, 0.17f, 0.19f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  if (!gpu_->gpuScene) return;
  setMatrices(gpu_->referenceLambert, camera.view(), cameraProjection(camera, width, height));
  gpu_->gpuScene->bind();
  // The same level of detail per tissue as the full renderer draws, in plain draws.
  const DetailChoice detail(camera, height);
  for (const DrawRange& range : gpu_->gpuScene->ranges()) {
    if (detail.drawn(range)) gpu_->gpuScene->draw(range);
  }
  glBindVertexArray(0);
}

}  // namespace legatlas::render
