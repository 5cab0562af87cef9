#pragma once
// Draws the therapist's hands: the rest-pose meshes uploaded once (positions, normals,
// four bone indices and weights per vertex), skinned on the GPU by each hand's bone
// matrices (shaders/hand.vert) and shaded as the tissues are (shaders/surface.frag).
#include <glm/mat4x4.hpp>
#include <memory>

#include "render/gl_objects.h"
#include "render/shader_program.h"
#include "scene/overlays.h"

namespace legatlas::render {

class HandPainter {
 public:
  HandPainter();
  // The hands whose opacity is (`translucent` false) 1, or (true) below 1; in the
  // opaque pass they write depth, in the transparent one the OIT terms. The program's
  // pass and the bound framebuffer are the caller's.
  void draw(const scene::Overlays& overlays, bool translucent, const glm::mat4& view, const glm::mat4& projection,
            bool transparentPass);
  // Every hand's coverage, for the outline mask (the bound framebuffer, no depth test).
  void drawMask(const scene::Overlays& overlays, const glm::mat4& viewProjection);
  // The model-frame box the hands lie in, empty when none is drawn.
  geometry::Bounds bounds(const scene::Overlays& overlays) const;

 private:
  struct Mesh {
    VertexArray vertexArray;
    Buffer positions, normals, bones, weights, indices;
    size_t indexCount = 0;
  };
  void upload(const scene::HandSkin& skin);
  void drawHand(const scene::SkinnedHand& hand, ShaderProgram& program);

  ShaderProgram shaded_, mask_;
  Mesh right_, left_;
  const scene::HandSkin* uploaded_ = nullptr;
  std::shared_ptr<const scene::HandSkin> keptAlive_;  // so `uploaded_` is never a new object at an old address
};

}  // namespace legatlas::render
