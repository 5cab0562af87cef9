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
  // The opaque pass: the hands whose opacity is 1, writing depth, all but the part of the
  // forearm that fades out toward its cut end. The bound framebuffer is the caller's.
  void drawOpaque(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection);
  // The transparent pass (its OIT terms): the translucent hands, and the faded forearm
  // ends of the opaque ones.
  void drawTransparent(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection);
  // Whether drawTransparent has anything to draw.
  static bool anyTransparent(const scene::Overlays& overlays);
  // The opaque hands' outline: their back faces pushed out by `pixels` across the line of
  // sight, in `color`, where nothing nearer covers them (the opaque pass, depth tested).
  // Costs one more draw of each hand, not a pass over the screen.
  void drawShells(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection, float pixels,
                  const glm::vec3& color);
  // Every hand's coverage, for the outline mask (the bound framebuffer, no depth test).
  void drawMask(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection);
  // The model-frame box the hands lie in, empty when none is drawn.
  geometry::Bounds bounds(const scene::Overlays& overlays) const;

 private:
  struct Mesh {
    VertexArray vertexArray;
    Buffer positions, normals, bones, weights, indices;
    size_t indexCount = 0;
    // The plane of the forearm's cut end (hand frame; normal toward the hand), where the
    // arm has faded out; none (zero) for a closed surface, which does not fade.
    glm::vec4 cutPlane{0.0f};
    // The triangles that fade (near the cut), stored again after the whole mesh's, so an
    // opaque hand's faded end is drawn alone in the transparent pass.
    size_t fadingCount = 0;
  };
  struct Level {
    Mesh right, left;
  };
  void upload(const scene::HandSkin& skin);
  // The level a hand is drawn at: coarse when it is small on screen.
  const Mesh& meshFor(const scene::SkinnedHand& hand, const glm::mat4& view, const glm::mat4& projection) const;
  // The whole hand, or (`fadingOnly`) the triangles near its forearm's cut.
  void drawHand(const scene::SkinnedHand& hand, const Mesh& mesh, ShaderProgram& program, bool fadingOnly = false);
  void drawShaded(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection,
                  bool transparentPass);

  ShaderProgram shaded_, mask_, shell_;
  Level fine_, coarse_;
  float reach_ = 0;        // metres from the rest hand's middle to its farthest corner
  glm::vec3 middle_{0.0f};  // of the rest right hand, hand frame
  const scene::HandSkin* uploaded_ = nullptr;
  std::shared_ptr<const scene::HandSkin> keptAlive_;  // so `uploaded_` is never a new object at an old address
};

}  // namespace legatlas::render
