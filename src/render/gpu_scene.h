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
  void bind() const;
  void draw(const DrawRange& range) const;
  const std::vector<DrawRange>& ranges() const { return ranges_; }
  size_t triangleCount() const { return totalIndices_ / 3; }

 private:
  VertexArray vertexArray_;
  Buffer vertices_, indices_;
  std::vector<DrawRange> ranges_;
  size_t totalIndices_ = 0;
};

}  // namespace legatlas::render
