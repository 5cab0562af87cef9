#include "render/draw_plan.h"

#include <algorithm>
#include <cmath>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace legatlas::render {

GpuSceneData GpuSceneData::from(const scene::Scene& scene) {
  GpuSceneData data;
  for (const scene::SceneMesh& m : scene.meshes) {
    DrawRange range;
    range.indexCount = static_cast<int>(m.mesh.indices.size());
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
    data.meshFirstVertex.push_back(data.vertices.size());
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

}  // namespace legatlas::render
