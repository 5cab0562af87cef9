#include "render/gpu_scene.h"

#include <epoxy/gl.h>

namespace legatlas::render {

GpuScene::GpuScene(const GpuSceneData& data) : ranges_(data.ranges), totalIndices_(data.indices.size()) {
  using Vertex = GpuSceneData::Vertex;
  glBindVertexArray(vertexArray_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.vertices.size() * sizeof(Vertex)),
               data.vertices.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.indices.size() * sizeof(uint32_t)),
               data.indices.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        reinterpret_cast<const void*>(offsetof(Vertex, position)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        reinterpret_cast<const void*>(offsetof(Vertex, normal)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex),
                        reinterpret_cast<const void*>(offsetof(Vertex, fibre)));
  glBindVertexArray(0);
}

void GpuScene::bind() const { glBindVertexArray(vertexArray_.id()); }

void GpuScene::draw(const DrawRange& range) const {
  glDrawElements(GL_TRIANGLES, range.indexCount, GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(range.firstIndex * sizeof(uint32_t)));
}

}  // namespace legatlas::render
