#pragma once
// Draws the overlays of a playing stroke: solids (hands, stone, pad) in the opaque pass,
// and the trail and arrows blended over the finished scene, hidden where tissue in front
// of them is opaque.
#include <vector>

#include "render/gl_objects.h"
#include "scene/overlays.h"
#include "render/shader_program.h"

namespace legatlas::render {

// Triangles whose vertices change every frame.
class StreamedTriangles {
 public:
  // `attributes`: (component count, byte offset) of each float attribute, in location order.
  StreamedTriangles(size_t vertexBytes, std::vector<std::pair<int, size_t>> attributes);
  void upload(const void* vertices, size_t vertexCount, const std::vector<uint32_t>& indices);
  void draw(size_t firstIndex, size_t indexCount) const;
  size_t indexCount() const { return indexCount_; }

 private:
  VertexArray vertexArray_;
  Buffer vertices_, indices_;
  size_t vertexBytes_, indexCount_ = 0;
};

class OverlayPainter {
 public:
  OverlayPainter();
  // With `surface` in use and its matrices set: the solids, each in its colour.
  void drawSolids(const scene::Overlays& overlays, ShaderProgram& surface);
  // Trail and arrows, blended into the bound framebuffer; neither writes depth. The
  // surroundings' arrows (may be null) lie on the table and hide behind what is in front.
  void drawMarks(const scene::Overlays& overlays, const scene::Surroundings* surroundings, const glm::mat4& view,
                 const glm::mat4& projection);
  // With `surface` in use and its matrices set: the table, opaque.
  void drawTable(const scene::Surroundings& surroundings, ShaderProgram& surface);
  // With `surface` in use for the translucent pass: the faint body.
  void drawBody(const scene::Surroundings& surroundings, ShaderProgram& surface);

 private:
  struct MarkVertex {
    glm::vec3 position;
    glm::vec4 color;
  };
  void addTrail(const scene::Trail& trail, std::vector<MarkVertex>& vertices, std::vector<uint32_t>& indices) const;
  void addArrow(const scene::DirectionArrow& arrow, std::vector<MarkVertex>& vertices,
                std::vector<uint32_t>& indices) const;

  void drawTint(const scene::TintedSurface& tint);
  void uploadSurroundings(const scene::Surroundings& surroundings);

  ShaderProgram marks_;
  StreamedTriangles solidTriangles_, markTriangles_, tintTriangles_, tableTriangles_, bodyTriangles_;
  const scene::Surroundings* uploadedSurroundings_ = nullptr;
  int uploadedSurroundingsVersion_ = -1;
  const scene::TintedSurface* uploadedTint_ = nullptr;
  int uploadedTintVersion_ = -1;
  std::vector<glm::vec3> spherePositions_;  // a unit sphere, reused for every ellipsoid
  std::vector<uint32_t> sphereIndices_;
};

}  // namespace legatlas::render
