#include "render/overlay_painter.h"

#include <epoxy/gl.h>
#include <glm/geometric.hpp>
#include <glm/matrix.hpp>

#include "geometry/primitives.h"

namespace legatlas::render {
namespace {

constexpr float kTrailHalfWidth = 0.003f;
constexpr float kAboveSkin = 0.002f;  // marks float this far over the skin so it does not hide them

struct SolidVertex {
  glm::vec3 position, normal;
};

}  // namespace

StreamedTriangles::StreamedTriangles(size_t vertexBytes, std::vector<std::pair<int, size_t>> attributes)
    : vertexBytes_(vertexBytes) {
  glBindVertexArray(vertexArray_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.id());
  for (size_t i = 0; i < attributes.size(); ++i) {
    glEnableVertexAttribArray(static_cast<GLuint>(i));
    glVertexAttribPointer(static_cast<GLuint>(i), attributes[i].first, GL_FLOAT, GL_FALSE,
                          static_cast<GLsizei>(vertexBytes), reinterpret_cast<const void*>(attributes[i].second));
  }
  glBindVertexArray(0);
}

void StreamedTriangles::upload(const void* vertices, size_t vertexCount, const std::vector<uint32_t>& indices) {
  glBindVertexArray(vertexArray_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertexCount * vertexBytes_), vertices, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(uint32_t)), indices.data(),
               GL_STREAM_DRAW);
  indexCount_ = indices.size();
}

void StreamedTriangles::draw(size_t firstIndex, size_t count) const {
  glBindVertexArray(vertexArray_.id());
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(firstIndex * sizeof(uint32_t)));
}

OverlayPainter::OverlayPainter()
    : marks_("overlay.vert", "overlay.frag"),
      solidTriangles_(sizeof(SolidVertex), {{3, offsetof(SolidVertex, position)}, {3, offsetof(SolidVertex, normal)}}),
      markTriangles_(sizeof(MarkVertex), {{3, offsetof(MarkVertex, position)}, {4, offsetof(MarkVertex, color)}}),
      tintTriangles_(sizeof(MarkVertex), {{3, offsetof(MarkVertex, position)}, {4, offsetof(MarkVertex, color)}}),
      tableTriangles_(sizeof(SolidVertex), {{3, offsetof(SolidVertex, position)}, {3, offsetof(SolidVertex, normal)}}),
      bodyTriangles_(sizeof(SolidVertex), {{3, offsetof(SolidVertex, position)}, {3, offsetof(SolidVertex, normal)}}) {
  const geometry::Mesh sphere = geometry::makeEllipsoid(glm::vec3(0.0f), glm::vec3(1.0f), 12, 24);
  spherePositions_ = sphere.positions;
  sphereIndices_ = sphere.indices;
}

void OverlayPainter::drawSolids(const scene::Overlays& overlays, ShaderProgram& surface) {
  if (overlays.solids.empty()) return;
  std::vector<SolidVertex> vertices;
  std::vector<uint32_t> indices;
  for (const scene::SolidEllipsoid& e : overlays.solids) {
    const auto base = static_cast<uint32_t>(vertices.size());
    // Normals of a stretched sphere go through the inverse transpose of the stretch.
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(e.axes));
    for (const glm::vec3& p : spherePositions_)
      vertices.push_back({e.centre + e.axes * p, glm::normalize(normalMatrix * p)});
    // A mirroring set of axes turns the triangles inside out: wind them the other way.
    const bool mirrored = glm::determinant(e.axes) < 0;
    for (size_t i = 0; i < sphereIndices_.size(); i += 3) {
      indices.push_back(base + sphereIndices_[i]);
      indices.push_back(base + sphereIndices_[i + (mirrored ? 2 : 1)]);
      indices.push_back(base + sphereIndices_[i + (mirrored ? 1 : 2)]);
    }
  }
  solidTriangles_.upload(vertices.data(), vertices.size(), indices);
  surface.set("uDeformable", 0);
  for (size_t i = 0; i < overlays.solids.size(); ++i) {
    surface.set("uColor", overlays.solids[i].color);
    solidTriangles_.draw(i * sphereIndices_.size(), sphereIndices_.size());
  }
}

void OverlayPainter::uploadSurroundings(const scene::Surroundings& surroundings) {
  if (&surroundings == uploadedSurroundings_ && surroundings.version == uploadedSurroundingsVersion_) return;
  const auto upload = [](StreamedTriangles& triangles, const geometry::Mesh& mesh) {
    std::vector<SolidVertex> vertices;
    for (size_t i = 0; i < mesh.positions.size(); ++i)
      vertices.push_back({mesh.positions[i], i < mesh.normals.size() ? mesh.normals[i] : glm::vec3(0, 1, 0)});
    triangles.upload(vertices.data(), vertices.size(), mesh.indices);
  };
  upload(tableTriangles_, surroundings.table);
  upload(bodyTriangles_, surroundings.body);
  uploadedSurroundings_ = &surroundings;
  uploadedSurroundingsVersion_ = surroundings.version;
}

void OverlayPainter::drawTable(const scene::Surroundings& surroundings, ShaderProgram& surface) {
  uploadSurroundings(surroundings);
  if (tableTriangles_.indexCount() == 0) return;
  surface.set("uDeformable", 0);
  surface.set("uColor", surroundings.tableColor);
  tableTriangles_.draw(0, tableTriangles_.indexCount());
}

void OverlayPainter::drawBody(const scene::Surroundings& surroundings, ShaderProgram& surface) {
  uploadSurroundings(surroundings);
  if (bodyTriangles_.indexCount() == 0) return;
  surface.set("uDeformable", 0);
  surface.set("uColor", surroundings.bodyColor);
  surface.set("uOpacity", surroundings.bodyOpacity);
  bodyTriangles_.draw(0, bodyTriangles_.indexCount());
}

void OverlayPainter::addTrail(const scene::Trail& path, std::vector<MarkVertex>& vertices,
                              std::vector<uint32_t>& indices) const {
  const auto& trail = path.points;
  if (trail.size() < 2) return;
  const auto base = static_cast<uint32_t>(vertices.size());
  for (size_t i = 0; i < trail.size(); ++i) {
    const glm::vec3 along = trail[std::min(i + 1, trail.size() - 1)].position - trail[i == 0 ? 0 : i - 1].position;
    glm::vec3 side = glm::cross(trail[i].normal, along);
    side = glm::length(side) > 1e-9f ? glm::normalize(side) * kTrailHalfWidth : glm::vec3(0.0f);
    const glm::vec3 lifted = trail[i].position + trail[i].normal * kAboveSkin;
    const glm::vec4 color(path.color, trail[i].opacity);
    vertices.push_back({lifted - side, color});
    vertices.push_back({lifted + side, color});
  }
  for (uint32_t i = 0; i + 1 < trail.size(); ++i) {
    const uint32_t a = base + 2 * i;
    indices.insert(indices.end(), {a, a + 1, a + 2, a + 1, a + 3, a + 2});
  }
}

void OverlayPainter::addArrow(const scene::DirectionArrow& arrow, std::vector<MarkVertex>& vertices,
                              std::vector<uint32_t>& indices) const {
  const glm::vec3 direction = glm::normalize(arrow.direction);
  const glm::vec3 side = glm::normalize(glm::cross(arrow.normal, direction));
  const glm::vec3 tip = arrow.tip + arrow.normal * (kAboveSkin * 1.5f);
  const float head = arrow.length * 0.45f, shaft = arrow.length * 0.12f;
  const glm::vec3 neck = tip - direction * head, tail = tip - direction * arrow.length;
  const auto base = static_cast<uint32_t>(vertices.size());
  const glm::vec4 c(arrow.color, 0.95f);
  for (const glm::vec3& p : {tip, neck + side * head * 0.8f, neck - side * head * 0.8f, neck + side * shaft,
                             neck - side * shaft, tail + side * shaft, tail - side * shaft})
    vertices.push_back({p, c});
  indices.insert(indices.end(), {base, base + 1, base + 2, base + 3, base + 5, base + 4, base + 4, base + 5, base + 6});
}

void OverlayPainter::drawTint(const scene::TintedSurface& tint) {
  if (&tint != uploadedTint_ || tint.version != uploadedTintVersion_) {
    std::vector<MarkVertex> vertices;
    for (size_t i = 0; i < tint.positions.size(); ++i) vertices.push_back({tint.positions[i], tint.colors[i]});
    tintTriangles_.upload(vertices.data(), vertices.size(), tint.indices);
    uploadedTint_ = &tint;
    uploadedTintVersion_ = tint.version;
  }
  // Only the near side: the far wall of the skin would wash the colour out twice. Pulled
  // toward the eye in depth, so that it wins over the skin it lies on at every angle.
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(-1.0f, -4.0f);
  tintTriangles_.draw(0, tintTriangles_.indexCount());
  glDisable(GL_POLYGON_OFFSET_FILL);
  glDisable(GL_CULL_FACE);
}

void OverlayPainter::drawMarks(const scene::Overlays& overlays, const scene::Surroundings* surroundings,
                               const glm::mat4& view,
                               const glm::mat4& projection) {
  std::vector<MarkVertex> vertices;
  std::vector<uint32_t> indices;
  for (const scene::Trail& trail : overlays.trails) addTrail(trail, vertices, indices);
  if (surroundings)
    for (const scene::DirectionArrow& arrow : surroundings->arrows) addArrow(arrow, vertices, indices);
  for (const scene::DirectionArrow& arrow : overlays.arrows)
    if (arrow.hiddenBehindTissue) addArrow(arrow, vertices, indices);
  const size_t hidden = indices.size();
  for (const scene::DirectionArrow& arrow : overlays.arrows)
    if (!arrow.hiddenBehindTissue) addArrow(arrow, vertices, indices);
  if (indices.empty() && !overlays.tint) return;
  glDepthMask(GL_FALSE);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  marks_.use();
  marks_.set("uView", view);
  marks_.set("uProjection", projection);
  glEnable(GL_DEPTH_TEST);
  if (overlays.tint) drawTint(*overlays.tint);
  if (!indices.empty()) {
    markTriangles_.upload(vertices.data(), vertices.size(), indices);
    // Trails and guides hide behind opaque tissue and the hands; a stroke's arrow shows
    // through them, since the hand often covers the way it is going.
    markTriangles_.draw(0, hidden);
    glDisable(GL_DEPTH_TEST);
    markTriangles_.draw(hidden, indices.size() - hidden);
    glEnable(GL_DEPTH_TEST);
  }
  glDisable(GL_BLEND);
  glDepthMask(GL_TRUE);
}

}  // namespace legatlas::render
