#pragma once
// A Scene uploaded to the GPU: every mesh in one vertex and one index buffer, drawn as
// ranges so that a frame costs one bind and a draw call per mesh. Internal to render/.
#include <vector>

#include "render/draw_plan.h"
#include "render/gl_objects.h"

namespace legatlas::render {

class GpuScene {
 public:
  explicit GpuScene(const GpuSceneData& data);
  // Metres each vertex of scene mesh `mesh` stands out along its normal (all zero at
  // first). Returns false, changing nothing, when the count is not the mesh's.
  bool setSwelling(size_t mesh, const std::vector<float>& outward);
  // Every vertex back at rest.
  void clearSwelling();
  void bind() const;
  void draw(const DrawRange& range) const;
  const std::vector<DrawRange>& ranges() const { return ranges_; }
  size_t triangleCount() const { return totalIndices_ / 3; }

 private:
  VertexArray vertexArray_;
  Buffer vertices_, indices_, swelling_;
  std::vector<DrawRange> ranges_;
  std::vector<size_t> meshFirstVertex_;
  size_t vertexCount_ = 0;
  size_t totalIndices_ = 0;
};

}  // namespace legatlas::render
