#include "render/hand_painter.h"

#include <epoxy/gl.h>

#include <algorithm>

namespace legatlas::render {
namespace {

// Skin-toned, a little warmer and darker than the client's skin so the two read apart.
constexpr glm::vec3 kHandColor{0.80f, 0.57f, 0.45f};

template <typename T>
void fill(unsigned buffer, unsigned target, const std::vector<T>& values) {
  glBindBuffer(target, buffer);
  glBufferData(target, static_cast<GLsizeiptr>(values.size() * sizeof(T)), values.data(), GL_STATIC_DRAW);
}

}  // namespace

HandPainter::HandPainter() : shaded_("hand.vert", "surface.frag"), mask_("hand.vert", "selection_mask.frag") {}

void HandPainter::upload(const scene::HandSkin& skin) {
  for (auto [mesh, target] : {std::pair{&skin.right, &right_}, std::pair{&skin.left, &left_}}) {
    glBindVertexArray(target->vertexArray.id());
    fill(target->positions.id(), GL_ARRAY_BUFFER, mesh->positions);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
    fill(target->normals.id(), GL_ARRAY_BUFFER, mesh->normals);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
    fill(target->bones.id(), GL_ARRAY_BUFFER, skin.boneIndices);
    glEnableVertexAttribArray(2);
    glVertexAttribIPointer(2, 4, GL_UNSIGNED_BYTE, 0, nullptr);  // integers, read as uvec4
    fill(target->weights.id(), GL_ARRAY_BUFFER, skin.boneWeights);
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    fill(target->indices.id(), GL_ELEMENT_ARRAY_BUFFER, mesh->indices);
    target->indexCount = mesh->indices.size();
  }
  glBindVertexArray(0);
}

void HandPainter::drawHand(const scene::SkinnedHand& hand, ShaderProgram& program) {
  const Mesh& mesh = hand.side == scene::SkinnedHand::Side::Right ? right_ : left_;
  std::vector<glm::mat4> bones = hand.bones;
  bones.resize(std::min(bones.size(), scene::kMostSkinnedHandBones));
  program.set("uPlacement", hand.placement);
  program.set("uBones[0]", bones);
  glBindVertexArray(mesh.vertexArray.id());
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(mesh.indexCount), GL_UNSIGNED_INT, nullptr);
}

void HandPainter::draw(const scene::Overlays& overlays, bool translucent, const glm::mat4& view,
                       const glm::mat4& projection, bool transparentPass) {
  if (overlays.hands.empty() || !overlays.handSkin) return;
  if (overlays.handSkin.get() != uploaded_) {
    upload(*overlays.handSkin);
    uploaded_ = overlays.handSkin.get();
    keptAlive_ = overlays.handSkin;
  }
  shaded_.use();
  shaded_.set("uView", view);
  shaded_.set("uProjection", projection);
  shaded_.set("uColor", kHandColor);
  shaded_.set("uStriation", 0.0f);
  shaded_.set("uShowFluid", 0);
  shaded_.set("uTransparentPass", transparentPass ? 1 : 0);
  glDisable(GL_CULL_FACE);  // the forearm's cut end is open
  for (const scene::SkinnedHand& hand : overlays.hands) {
    if ((hand.opacity < 1.0f) != translucent) continue;
    shaded_.set("uOpacity", std::clamp(hand.opacity, 0.0f, 1.0f));
    drawHand(hand, shaded_);
  }
}

void HandPainter::drawMask(const scene::Overlays& overlays, const glm::mat4& viewProjection) {
  if (overlays.hands.empty() || overlays.handSkin.get() != uploaded_ || !uploaded_) return;
  mask_.use();
  mask_.set("uView", glm::mat4(1.0f));
  mask_.set("uProjection", viewProjection);
  glDisable(GL_CULL_FACE);
  for (const scene::SkinnedHand& hand : overlays.hands) drawHand(hand, mask_);
}

geometry::Bounds HandPainter::bounds(const scene::Overlays& overlays) const {
  geometry::Bounds box;
  if (!overlays.handSkin) return box;
  geometry::Bounds rest = overlays.handSkin->right.bounds();
  rest.add(overlays.handSkin->left.bounds());
  // Posed fingers stay within the rest hand's reach of the wrist: a box around it holds them.
  const float reach = glm::length(rest.max - rest.min) * 0.5f;
  for (const scene::SkinnedHand& hand : overlays.hands) {
    const glm::vec3 centre = glm::vec3(hand.placement * glm::vec4(rest.center(), 1.0f));
    box.add(centre - glm::vec3(reach));
    box.add(centre + glm::vec3(reach));
  }
  return box;
}

}  // namespace legatlas::render
