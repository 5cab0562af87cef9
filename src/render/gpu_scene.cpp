#include "render/gpu_scene.h"

#include <algorithm>
#include <cmath>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace legatlas::render {

GpuSceneData GpuSceneData::from(const scene::Scene& scene) {
  GpuSceneData data;
  for (const scene::SceneMesh& m : scene.meshes) {
    DrawRange range;
    range.indexCount = static_cast<GLsizei>(m.mesh.indices.size());
    range.firstIndex = data.indices.size();
    range.tissueIndex = m.tissueIndex;
    range.layer = scene.tissues[m.tissueIndex].layer;
    range.bounds = m.mesh.bounds();
    range.detail = m.detail;
    // Placed into the model frame by a mirroring transform, a surface faces inward.
    range.closed = scene.tissues[m.tissueIndex].closed && m.mesh.signedVolume() > 0.0;
    range.fibrous = m.mesh.tangents.size() == m.mesh.positions.size();
    range.tendinous = m.tendinous;
    data.ranges.push_back(range);
    const auto base = static_cast<uint32_t>(data.vertices.size());
    for (uint32_t index : m.mesh.indices) data.indices.push_back(base + index);
    for (size_t i = 0; i < m.mesh.positions.size(); ++i) {
      const glm::vec3 fibre = range.fibrous ? glm::vec3(m.mesh.tangents[i]) : glm::vec3(0.0f);
      const float length = glm::length(fibre);
      data.vertices.push_back({m.mesh.positions[i], m.mesh.normals[i], length > 1e-6f ? fibre / length : fibre});
    }
  }
  std::vector<int> detailsOf(scene.tissues.size(), 0);  // bit 0 full, bit 1 coarse
  for (const scene::SceneMesh& m : scene.meshes) detailsOf[m.tissueIndex] |= 1 << m.detail;
  std::vector<geometry::Bounds> boundsOf(scene.tissues.size());
  for (const DrawRange& range : data.ranges) boundsOf[range.tissueIndex].add(range.bounds);
  for (DrawRange& range : data.ranges) {
    range.hasOtherDetail = detailsOf[range.tissueIndex] == 3;
    range.tissueCentre = boundsOf[range.tissueIndex].center();
  }
  // Group by layer so a pass walks its draws without jumping around.
  std::stable_sort(data.ranges.begin(), data.ranges.end(),
                   [](const DrawRange& a, const DrawRange& b) { return a.layer < b.layer; });
  return data;
}

DetailChoice::DetailChoice(const scene::Camera& camera, int viewportHeight)
    : eye_(camera.eye()),
      pixelSizePerMetre_(2.0f * std::tan(camera.fovY() * 0.5f) / static_cast<float>(std::max(viewportHeight, 1))) {}

bool DetailChoice::drawn(const DrawRange& range) const {
  if (!range.hasOtherDetail) return true;
  // The nearest point of the mesh's box decides: full detail as soon as any of it is close.
  const glm::vec3 nearest = glm::clamp(eye_, range.bounds.min, range.bounds.max);
  const bool wantsFull = glm::distance(eye_, nearest) * pixelSizePerMetre_ < kFullDetailBelowMetresPerPixel;
  return (range.detail == 0) == wantsFull;
}

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

void GpuScene::draw(const DrawRange& range) const {
  glDrawElements(GL_TRIANGLES, range.indexCount, GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(range.firstIndex * sizeof(uint32_t)));
}

}  // namespace legatlas::render
