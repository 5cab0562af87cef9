#include "render/renderer.h"

#include <algorithm>
#include <cmath>

namespace legatlas::render {

namespace {
constexpr glm::vec3 kSelectionColor{1.0f, 0.82f, 0.18f};
constexpr glm::vec3 kWorkedColor{0.25f, 0.85f, 1.0f};  // the tissue a stroke works on
constexpr float kWorkedTint = 0.35f;

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

std::optional<PixelRect> screenRect(const geometry::Bounds& bounds, const glm::mat4& viewProjection,
                                    int width, int height) {
  if (bounds.empty()) return std::nullopt;
  glm::vec2 low(1.0f), high(-1.0f);
  for (int corner = 0; corner < 8; ++corner) {
    const glm::vec3 p((corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                      (corner & 4) ? bounds.max.z : bounds.min.z);
    const glm::vec4 clip = viewProjection * glm::vec4(p, 1.0f);
    // A corner behind the eye makes the projection unbounded: use the whole viewport.
    if (clip.w <= 1e-6f) return PixelRect{0, 0, width, height};
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    low = glm::min(low, ndc);
    high = glm::max(high, ndc);
  }
  low = glm::clamp(low, -1.0f, 1.0f);
  high = glm::clamp(high, -1.0f, 1.0f);
  if (low.x >= high.x || low.y >= high.y) return std::nullopt;
  const int x0 = static_cast<int>(std::floor((low.x * 0.5f + 0.5f) * width)) - 1;
  const int y0 = static_cast<int>(std::floor((low.y * 0.5f + 0.5f) * height)) - 1;
  const int x1 = static_cast<int>(std::ceil((high.x * 0.5f + 0.5f) * width)) + 1;
  const int y1 = static_cast<int>(std::ceil((high.y * 0.5f + 0.5f) * height)) + 1;
  PixelRect rect{std::max(x0, 0), std::max(y0, 0), 0, 0};
  rect.width = std::min(x1, width) - rect.x;
  rect.height = std::min(y1, height) - rect.y;
  return rect;
}

Renderer::Renderer(int samples)
    : samples_(chooseSamples(samples)),
      surface_("surface.vert", "surface.frag"),
      tissueId_("surface.vert", "tissue_id.frag"),
      selectionMask_("surface.vert", "selection_mask.frag"),
      composite_("fullscreen.vert", "composite.frag", samples_ > 1 ? "#define MULTISAMPLE\n" : ""),
      outline_("fullscreen.vert", "outline.frag"),
      referenceLambert_("surface.vert", "reference_lambert.frag") {}

void Renderer::setScene(const scene::Scene& scene) { setScene(scene, GpuSceneData::from(scene)); }

void Renderer::setScene(const scene::Scene& scene, const GpuSceneData& prepared) {
  auto uploaded = std::make_unique<GpuScene>(prepared);
  std::vector<glm::vec3> colors;
  for (const scene::Tissue& t : scene.tissues) colors.push_back(t.color);
  gpuScene_ = std::move(uploaded);
  tissueColors_ = std::move(colors);
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
  const glm::vec3 own = range.tendinous ? anatomy::defaultLayerColor(anatomy::Layer::Tendon) : tissueColors_[range.tissueIndex];
  const bool worked = frame.overlays && frame.overlays->workedTissue == range.tissueIndex;
  return worked ? glm::mix(own, kWorkedColor, kWorkedTint) : own;
}

void Renderer::setMatrices(ShaderProgram& program, const glm::mat4& view, const glm::mat4& projection) {
  program.use();
  program.set("uView", view);
  program.set("uProjection", projection);
}

void Renderer::drawOpaque(const FrameInputs& frame, const glm::mat4& view, const glm::mat4& projection) {
  glBindFramebuffer(GL_FRAMEBUFFER, sceneTargets_.opaqueFramebuffer());
  glViewport(0, 0, sceneTargets_.width(), sceneTargets_.height());
  glClearColor(frame.background.x, frame.background.y, frame.background.z, 1.0f);
  glClearDepth(1.0);
  glDepthMask(GL_TRUE);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  setMatrices(surface_, view, projection);
  surface_.set("uTransparentPass", 0);
  surface_.set("uOpacity", 1.0f);
  surface_.set("uStriation", 0.0f);
  setDents(surface_, frame);
  if (frame.overlays) overlayPainter_.drawSolids(*frame.overlays, surface_);
  if (frame.surroundings) overlayPainter_.drawTable(*frame.surroundings, surface_);
  if (!gpuScene_) return;
  gpuScene_->bind();
  glCullFace(GL_BACK);
  const DetailChoice detail(*frame.camera, sceneTargets_.height());
  for (const DrawRange& range : gpuScene_->ranges()) {
    if (!frame.layers.opaque(range.layer) || !detail.drawn(range)) continue;
    // Back faces of a closed surface lie behind its front: skipping them halves the
    // triangles a software renderer sets up. An open one shows its inside.
    if (range.closed) glEnable(GL_CULL_FACE);
    else glDisable(GL_CULL_FACE);
    surface_.set("uColor", colorOf(frame, range));
    surface_.set("uDeformable", deformable(range.layer) ? 1 : 0);
    surface_.set("uStriation", striationOf(frame, range));
    surface_.set("uTissueCentre", range.tissueCentre);
    gpuScene_->draw(range);
    lastTrianglesDrawn_ += static_cast<size_t>(range.indexCount) / 3;
  }
  glDisable(GL_CULL_FACE);
}

bool Renderer::drawTransparent(const FrameInputs& frame, const glm::mat4& view,
                               const glm::mat4& projection) {
  if (!gpuScene_) return false;
  geometry::Bounds translucent;
  for (const DrawRange& range : gpuScene_->ranges()) {
    if (frame.layers.drawn(range.layer) && !frame.layers.opaque(range.layer)) translucent.add(range.bounds);
  }
  if (frame.surroundings) translucent.add(frame.surroundings->body.bounds());
  const std::optional<PixelRect> rect =
      screenRect(translucent, projection * view, sceneTargets_.width(), sceneTargets_.height());
  if (!rect) return false;
  // Clearing, drawing and blending stay inside the translucent layers' screen rectangle.
  glEnable(GL_SCISSOR_TEST);
  glScissor(rect->x, rect->y, rect->width, rect->height);
  // A translucent layer shows its near surface only: the far wall of a closed shell would
  // darken its silhouette twice, and culling it halves the pass on software renderers.
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glBindFramebuffer(GL_FRAMEBUFFER, sceneTargets_.transparentFramebuffer());
  const GLfloat zero[4] = {0, 0, 0, 0}, one[4] = {1, 1, 1, 1};
  glClearBufferfv(GL_COLOR, 0, zero);
  glClearBufferfv(GL_COLOR, 1, one);
  glDepthMask(GL_FALSE);  // test against the opaque depth, never write it
  glEnable(GL_BLEND);
  glBlendFunci(0, GL_ONE, GL_ONE);
  glBlendFunci(1, GL_ZERO, GL_ONE_MINUS_SRC_COLOR);
  setMatrices(surface_, view, projection);
  surface_.set("uTransparentPass", 1);
  setDents(surface_, frame);
  gpuScene_->bind();
  const DetailChoice detail(*frame.camera, sceneTargets_.height());
  for (const DrawRange& range : gpuScene_->ranges()) {
    if (!frame.layers.drawn(range.layer) || frame.layers.opaque(range.layer) || !detail.drawn(range)) continue;
    surface_.set("uColor", colorOf(frame, range));
    surface_.set("uDeformable", deformable(range.layer) ? 1 : 0);
    surface_.set("uOpacity", frame.layers[range.layer].opacity);
    surface_.set("uStriation", striationOf(frame, range));
    surface_.set("uTissueCentre", range.tissueCentre);
    gpuScene_->draw(range);
    lastTrianglesDrawn_ += static_cast<size_t>(range.indexCount) / 3;
  }
  surface_.set("uStriation", 0.0f);
  if (frame.surroundings) overlayPainter_.drawBody(*frame.surroundings, surface_);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  glDepthMask(GL_TRUE);
  return true;
}

void Renderer::blendTransparency() {
  glBindFramebuffer(GL_FRAMEBUFFER, sceneTargets_.opaqueFramebuffer());
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  composite_.use();
  const GLenum target = sceneTargets_.textureTarget();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(target, sceneTargets_.accumulation());
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(target, sceneTargets_.revealage());
  composite_.set("uAccumulation", 0);
  composite_.set("uRevealage", 1);
  glBindVertexArray(fullscreenVao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glDisable(GL_BLEND);
  glActiveTexture(GL_TEXTURE0);
}

void Renderer::present(GLuint output, int width, int height) {
  // A blit copies, and resolves multisampled colour, in one step.
  glBindFramebuffer(GL_READ_FRAMEBUFFER, sceneTargets_.opaqueFramebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, output);
  glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, output);
}

void Renderer::drawOutline(const FrameInputs& frame, int tissue, const glm::vec3& color,
                           const glm::mat4& viewProjection, GLuint output, int width, int height) {
  selectionTarget_.resize(width, height, ColorTarget::Format::R8, false);
  glBindFramebuffer(GL_FRAMEBUFFER, selectionTarget_.framebuffer());
  glViewport(0, 0, width, height);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_DEPTH_TEST);  // the whole silhouette, also where other tissue covers it
  selectionMask_.use();
  selectionMask_.set("uView", glm::mat4(1.0f));
  selectionMask_.set("uProjection", viewProjection);
  setDents(selectionMask_, frame);
  gpuScene_->bind();
  const DetailChoice detail(*frame.camera, height);
  for (const DrawRange& range : gpuScene_->ranges()) {
    if (range.tissueIndex != tissue || !detail.drawn(range)) continue;
    selectionMask_.set("uDeformable", deformable(range.layer) ? 1 : 0);
    gpuScene_->draw(range);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, output);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  outline_.use();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, selectionTarget_.texture());
  outline_.set("uMask", 0);
  outline_.set("uOutlineColor", color);
  outline_.set("uRadius", std::max(1, std::min(width, height) / 400));
  glBindVertexArray(fullscreenVao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glDisable(GL_BLEND);
}

void Renderer::renderScene(const FrameInputs& frame, int width, int height) {
  lastTrianglesDrawn_ = 0;
  sceneTargets_.resize(width, height, samples_);
  glFrontFace(GL_CW);  // the view mirrors the model frame (see Camera::view)
  const glm::mat4 view = frame.camera->view();
  const glm::mat4 projection = cameraProjection(*frame.camera, width, height);
  drawOpaque(frame, view, projection);
  if (drawTransparent(frame, view, projection)) blendTransparency();  // keeps the scissor
  glDisable(GL_SCISSOR_TEST);
  if (frame.overlays || frame.surroundings) {
    glBindFramebuffer(GL_FRAMEBUFFER, sceneTargets_.opaqueFramebuffer());
    static const scene::Overlays kNone;
    overlayPainter_.drawMarks(frame.overlays ? *frame.overlays : kNone, frame.surroundings, view, projection);
  }
  const GLuint target = sceneTargets_.opaqueFramebuffer();
  if (gpuScene_ && frame.overlays && frame.overlays->workedTissue >= 0)
    drawOutline(frame, frame.overlays->workedTissue, kWorkedColor, projection * view, target, width, height);
  if (gpuScene_ && frame.selectedTissue >= 0)
    drawOutline(frame, frame.selectedTissue, kSelectionColor, projection * view, target, width, height);
  glFrontFace(GL_CCW);
  glBindVertexArray(0);
  glUseProgram(0);
}

void Renderer::render(const FrameInputs& frame, GLuint output, int width, int height) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  renderScene(frame, width, height);
  present(output, width, height);
}

Image Renderer::renderImage(const FrameInputs& frame, int width, int height) {
  renderScene(frame, width, height);
  if (samples_ == 1) return readRgba(sceneTargets_.opaqueFramebuffer(), width, height);
  offscreen_.resize(width, height, ColorTarget::Format::Rgba8, false);
  present(offscreen_.framebuffer(), width, height);  // resolves the samples
  return offscreen_.readRgba();
}

TissueIdBuffer Renderer::renderTissueIds(const FrameInputs& frame, int width, int height) {
  idTarget_.resize(width, height, ColorTarget::Format::R32ui, true);
  glBindFramebuffer(GL_FRAMEBUFFER, idTarget_.framebuffer());
  glViewport(0, 0, width, height);
  const GLuint clearId[4] = {0, 0, 0, 0};
  glClearBufferuiv(GL_COLOR, 0, clearId);
  glClearDepth(1.0);
  glDepthMask(GL_TRUE);
  glClear(GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  if (gpuScene_) {
    setMatrices(tissueId_, frame.camera->view(), cameraProjection(*frame.camera, width, height));
    setDents(tissueId_, frame);
    gpuScene_->bind();
    const DetailChoice detail(*frame.camera, height);
    for (const DrawRange& range : gpuScene_->ranges()) {
      if (!frame.layers.pickable(range.layer) || !detail.drawn(range)) continue;
      tissueId_.set("uTissueId", static_cast<unsigned>(range.tissueIndex + 1));
      tissueId_.set("uDeformable", deformable(range.layer) ? 1 : 0);
      gpuScene_->draw(range);
    }
  }
  glBindVertexArray(0);
  glUseProgram(0);
  return {width, height, idTarget_.readUint()};
}

int Renderer::pickTissue(const FrameInputs& frame, int width, int height, int x, int y) {
  if (x < 0 || y < 0 || x >= width || y >= height) return -1;
  const TissueIdBuffer ids = renderTissueIds(frame, width, height);
  return static_cast<int>(ids.at(x, y)) - 1;
}

void Renderer::renderReferenceLambert(const scene::Camera& camera, GLuint output, int width, int height) {
  glBindFramebuffer(GL_FRAMEBUFFER, output);
  glViewport(0, 0, width, height);
  glClearColor(0.16f, 0.17f, 0.19f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  if (!gpuScene_) return;
  setMatrices(referenceLambert_, camera.view(), cameraProjection(camera, width, height));
  gpuScene_->bind();
  // The same level of detail per tissue as the full renderer draws, in plain draws.
  const DetailChoice detail(camera, height);
  for (const DrawRange& range : gpuScene_->ranges()) {
    if (detail.drawn(range)) gpuScene_->draw(range);
  }
  glBindVertexArray(0);
}

}  // namespace legatlas::render
