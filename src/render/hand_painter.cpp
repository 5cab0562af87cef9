#include "render/hand_painter.h"

#include <epoxy/gl.h>

#include <algorithm>
#include <map>
#include <utility>

namespace legatlas::render {
namespace {

// Skin-toned, a little warmer and darker than the client's skin so the two read apart.
constexpr glm::vec3 kHandColor{0.80f, 0.57f, 0.45f};
// The coarse hand is drawn where its error (scene::kCoarseHandError) spans at most this
// many pixels.
constexpr float kMostCoarsePixels = 1.5f;

// How far up the forearm from its cut end the arm fades in, metres: past the cut's
// unevenness and short of the wrist (the cut lies 176 mm from the wrist joint).
constexpr float kForearmFade = 0.05f;

// The plane of the forearm's cut, from the open loop of edges where it was cut: through
// the loop's highest point along the normal from its middle toward the whole surface's
// middle (up the arm), so the whole rim lies at or below it. Zero for a closed surface.
glm::vec4 cutPlaneOf(const geometry::Mesh& mesh) {
  std::map<std::pair<uint32_t, uint32_t>, int> edgeUses;
  for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int k = 0; k < 3; ++k) {
      const uint32_t a = mesh.indices[t + size_t(k)], b = mesh.indices[t + size_t((k + 1) % 3)];
      ++edgeUses[{std::min(a, b), std::max(a, b)}];
    }
  std::vector<glm::vec3> rim;
  for (const auto& [edge, uses] : edgeUses)
    if (uses == 1) rim.push_back(mesh.positions[edge.first]), rim.push_back(mesh.positions[edge.second]);
  if (rim.empty() || mesh.positions.empty()) return glm::vec4(0.0f);
  glm::vec3 rimMiddle(0.0f), middle(0.0f);
  for (const glm::vec3& p : rim) rimMiddle += p;
  for (const glm::vec3& p : mesh.positions) middle += p;
  rimMiddle /= float(rim.size()), middle /= float(mesh.positions.size());
  const glm::vec3 up = glm::normalize(middle - rimMiddle);
  float highest = -1e30f;
  for (const glm::vec3& p : rim) highest = std::max(highest, glm::dot(up, p));
  return glm::vec4(up, -highest);
}

// The triangles with a corner where the forearm fades (within kForearmFade of the cut).
std::vector<uint32_t> fadingTriangles(const geometry::Mesh& mesh, const glm::vec4& cutPlane) {
  std::vector<uint32_t> fading;
  if (cutPlane == glm::vec4(0.0f)) return fading;
  const auto aboveCut = [&](uint32_t v) { return glm::dot(glm::vec3(cutPlane), mesh.positions[v]) + cutPlane.w; };
  for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    if (std::min({aboveCut(mesh.indices[t]), aboveCut(mesh.indices[t + 1]), aboveCut(mesh.indices[t + 2])}) < kForearmFade)
      fading.insert(fading.end(), mesh.indices.begin() + long(t), mesh.indices.begin() + long(t) + 3);
  return fading;
}

template <typename T>
void fill(unsigned buffer, unsigned target, const std::vector<T>& values) {
  glBindBuffer(target, buffer);
  glBufferData(target, static_cast<GLsizeiptr>(values.size() * sizeof(T)), values.data(), GL_STATIC_DRAW);
}

}  // namespace

HandPainter::HandPainter()
    : shaded_("hand.vert", "surface.frag", "#define HAND_FADE\n"),
      mask_("hand.vert", "hand_outline.frag"),
      shell_("hand.vert", "hand_outline.frag") {}

void HandPainter::upload(const scene::HandSkin& skin) {
  for (auto [level, target] : {std::pair{&skin.fine, &fine_}, std::pair{&skin.coarse, &coarse_}})
    for (auto [mesh, into] : {std::pair{&level->right, &target->right}, std::pair{&level->left, &target->left}}) {
      glBindVertexArray(into->vertexArray.id());
      fill(into->positions.id(), GL_ARRAY_BUFFER, mesh->positions);
      glEnableVertexAttribArray(0);
      glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
      fill(into->normals.id(), GL_ARRAY_BUFFER, mesh->normals);
      glEnableVertexAttribArray(1);
      glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 0, nullptr);
      fill(into->bones.id(), GL_ARRAY_BUFFER, level->boneIndices);
      glEnableVertexAttribArray(2);
      glVertexAttribIPointer(2, 4, GL_UNSIGNED_BYTE, 0, nullptr);  // integers, read as uvec4
      fill(into->weights.id(), GL_ARRAY_BUFFER, level->boneWeights);
      glEnableVertexAttribArray(3);
      glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
      into->cutPlane = cutPlaneOf(*mesh);
      const std::vector<uint32_t> fading = fadingTriangles(*mesh, into->cutPlane);
      std::vector<uint32_t> indices = mesh->indices;
      indices.insert(indices.end(), fading.begin(), fading.end());
      into->indexCount = mesh->indices.size();
      into->fadingCount = fading.size();
      fill(into->indices.id(), GL_ELEMENT_ARRAY_BUFFER, indices);
    }
  glBindVertexArray(0);
  const geometry::Bounds rest = skin.fine.right.bounds();
  middle_ = rest.center();
  reach_ = glm::length(rest.max - rest.min) * 0.5f;
}

const HandPainter::Mesh& HandPainter::meshFor(const scene::SkinnedHand& hand, const glm::mat4& view,
                                              const glm::mat4& projection) const {
  const bool right = hand.side == scene::SkinnedHand::Side::Right;
  const Level& coarse = coarse_;
  GLint viewport[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, viewport);
  // Pixels a metre spans at the hand: a perspective divides by the hand's distance.
  const glm::vec3 middle = glm::vec3(hand.placement * glm::vec4(right ? middle_ : middle_ * glm::vec3(-1, 1, 1), 1.0f));
  const float depth = -(view * glm::vec4(middle, 1.0f)).z;
  const bool perspective = projection[2][3] != 0.0f;
  const float pixelsPerMetre =
      projection[1][1] * 0.5f * float(viewport[3]) / (perspective ? std::max(depth, 1e-3f) : 1.0f);
  const bool small = coarse.right.indexCount > 0 && pixelsPerMetre * scene::kCoarseHandError < kMostCoarsePixels;
  const Level& level = small ? coarse : fine_;
  return right ? level.right : level.left;
}

void HandPainter::drawHand(const scene::SkinnedHand& hand, const Mesh& mesh, ShaderProgram& program, bool fadingOnly) {
  std::vector<glm::mat4> bones = hand.bones;
  bones.resize(std::min(bones.size(), scene::kMostSkinnedHandBones));
  program.set("uPlacement", hand.placement);
  program.set("uBones[0]", bones);
  program.set("uCutPlane", mesh.cutPlane);
  program.set("uFadeLength", hand.forearmFades && mesh.cutPlane != glm::vec4(0.0f) ? kForearmFade : 0.0f);
  glBindVertexArray(mesh.vertexArray.id());
  if (fadingOnly)
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(mesh.fadingCount), GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(mesh.indexCount * sizeof(uint32_t)));
  else
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(mesh.indexCount), GL_UNSIGNED_INT, nullptr);
}

void HandPainter::drawOpaque(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection) {
  drawShaded(overlays, view, projection, false);
}

void HandPainter::drawTransparent(const scene::Overlays& overlays, const glm::mat4& view,
                                  const glm::mat4& projection) {
  drawShaded(overlays, view, projection, true);
}

bool HandPainter::anyTransparent(const scene::Overlays& overlays) {
  return overlays.handSkin && std::any_of(overlays.hands.begin(), overlays.hands.end(), [](const scene::SkinnedHand& h) {
           return h.opacity < 1.0f || h.forearmFades;
         });
}

void HandPainter::drawShaded(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection,
                             bool transparentPass) {
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
    const bool translucent = hand.opacity < 1.0f;
    if (translucent && !transparentPass) continue;
    // An opaque hand in the transparent pass: only its forearm's faded end.
    const bool fadingOnly = transparentPass && !translucent;
    if (fadingOnly && !hand.forearmFades) continue;
    shaded_.set("uFadingOnly", fadingOnly ? 1 : 0);
    shaded_.set("uOpacity", std::clamp(hand.opacity, 0.0f, 1.0f));
    drawHand(hand, meshFor(hand, view, projection), shaded_, fadingOnly);
  }
}

void HandPainter::drawShells(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection,
                             float pixels, const glm::vec3& color) {
  if (overlays.hands.empty() || overlays.handSkin.get() != uploaded_ || !uploaded_) return;
  GLint viewport[4] = {0, 0, 1, 1};
  glGetIntegerv(GL_VIEWPORT, viewport);
  shell_.use();
  shell_.set("uView", view);
  shell_.set("uProjection", projection);
  shell_.set("uShellPixels", pixels);
  shell_.set("uViewportSize", glm::vec2(float(viewport[2]), float(viewport[3])));
  shell_.set("uColor", color);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_FRONT);  // the back faces: the hand's own front covers them but at its rim
  for (const scene::SkinnedHand& hand : overlays.hands)
    if (hand.opacity >= 1.0f) drawHand(hand, meshFor(hand, view, projection), shell_);
  glCullFace(GL_BACK);
  glDisable(GL_CULL_FACE);
}

void HandPainter::drawMask(const scene::Overlays& overlays, const glm::mat4& view, const glm::mat4& projection) {
  if (overlays.hands.empty() || overlays.handSkin.get() != uploaded_ || !uploaded_) return;
  mask_.use();
  mask_.set("uView", view);
  mask_.set("uProjection", projection);
  mask_.set("uShellPixels", 0.0f);
  mask_.set("uColor", glm::vec3(1.0f));
  glDisable(GL_CULL_FACE);
  for (const scene::SkinnedHand& hand : overlays.hands) drawHand(hand, meshFor(hand, view, projection), mask_);
}

geometry::Bounds HandPainter::bounds(const scene::Overlays& overlays) const {
  geometry::Bounds box;
  if (!overlays.handSkin) return box;
  // The rest hand's middle and reach, kept at upload (the left hand mirrors the right);
  // measured here only for a skin not drawn yet.
  glm::vec3 middle = middle_;
  float reach = reach_;
  if (overlays.handSkin.get() != uploaded_) {
    const geometry::Bounds rest = overlays.handSkin->fine.right.bounds();
    middle = rest.center(), reach = glm::length(rest.max - rest.min) * 0.5f;
  }
  for (const scene::SkinnedHand& hand : overlays.hands) {
    const bool right = hand.side == scene::SkinnedHand::Side::Right;
    // Posed fingers stay within the rest hand's reach of its middle: a box around it holds them.
    const glm::vec3 centre =
        glm::vec3(hand.placement * glm::vec4(right ? middle : middle * glm::vec3(-1, 1, 1), 1.0f));
    box.add(centre - glm::vec3(reach));
    box.add(centre + glm::vec3(reach));
  }
  return box;
}

}  // namespace legatlas::render
