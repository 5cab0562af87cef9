#include "render/gpu_scene.h"

#include <epoxy/gl.h>

namespace legatlas::render {

GpuScene::GpuScene(const GpuSceneData& data)
    : ranges_(data.ranges), meshFirstVertex_(data.meshFirstVertex), vertexCount_(data.vertices.size()),
      totalIndices_(data.indices.size()) {
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
  // The swelling lives in a buffer of its own, rewritten while a simulation runs.
  const std::vector<float> none(vertexCount_, 0.0f);
  glBindBuffer(GL_ARRAY_BUFFER, swelling_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(none.size() * sizeof(float)), none.data(), GL_DYNAMIC_DRAW);
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, sizeof(float), nullptr);
  glBindVertexArray(0);
}

bool GpuScene::setSwelling(size_t mesh, const std::vector<float>& outward) {
  if (mesh >= meshFirstVertex_.size()) return false;
  const size_t end = mesh + 1 < meshFirstVertex_.size() ? meshFirstVertex_[mesh + 1] : vertexCount_;
  if (outward.size() != end - meshFirstVertex_[mesh]) return false;
  glBindBuffer(GL_ARRAY_BUFFER, swelling_.id());
  glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(meshFirstVertex_[mesh] * sizeof(float)),
                  static_cast<GLsizeiptr>(outward.size() * sizeof(float)), outward.data());
  return true;
}

void GpuScene::clearSwelling() {
  const std::vector<float> none(vertexCount_, 0.0f);
  glBindBuffer(GL_ARRAY_BUFFER, swelling_.id());
  glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(none.size() * sizeof(float)), none.data());
}

void GpuScene::bind() const { glBindVertexArray(vertexArray_.id()); }

void GpuScene::draw(const DrawRange& range) const {
  glDrawElements(GL_TRIANGLES, range.indexCount, GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(range.firstIndex * sizeof(uint32_t)));
}

}  // namespace legatlas::render
