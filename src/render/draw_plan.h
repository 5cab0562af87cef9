#pragma once
// What a frame draws, decided without GL: the scene's vertices and ranges as they are
// uploaded, which level of detail of each tissue a view draws, and the pixels a box can
// cover on screen. The unit tier tests these without a GL context.
#include <cstdint>
#include <optional>
#include <vector>

#include "anatomy/layer.h"
#include "geometry/mesh.h"
#include "scene/camera.h"
#include "scene/scene.h"

namespace legatlas::render {

struct DrawRange {
  int indexCount = 0;
  size_t firstIndex = 0;
  int tissueIndex = 0;
  anatomy::Layer layer = anatomy::Layer::Unassigned;
  geometry::Bounds bounds;  // model space
  int detail = 0;           // 0 full, 1 coarse copy
  bool hasOtherDetail = false;  // its tissue comes in both levels: draw one of them
  bool closed = false;          // a closed surface facing outward: its back faces can be culled
  bool fibrous = false;         // every vertex carries a fibre direction
  bool tendinous = false;       // a muscle's tendon: drawn in the tendons' colour
  glm::vec3 tissueCentre{0.0f}; // of all its tissue's ranges, so both levels line up
};

// Model-space size of a pixel below which a tissue's full mesh is drawn instead of its
// coarse copy (whose edges are about 2.5 mm): where an edge would span two pixels or more.
inline constexpr float kFullDetailBelowMetresPerPixel = 0.00125f;

// Which level of detail of each tissue a view draws: the full mesh where the camera is
// close enough for its detail to show, the coarse copy elsewhere.
class DetailChoice {
 public:
  DetailChoice(const scene::Camera& camera, int viewportHeight);
  bool drawn(const DrawRange& range) const;

 private:
  glm::vec3 eye_;
  float pixelSizePerMetre_;  // model-space size of a pixel one metre from the eye
};

// What a GpuScene uploads, built without GL so it can be prepared on another thread.
struct GpuSceneData {
  struct Vertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec3 fibre;  // unit fascicle direction, or zero where the tissue has none
  };
  std::vector<Vertex> vertices;
  std::vector<uint32_t> indices;  // absolute, so the whole scene can go in one draw call
  std::vector<DrawRange> ranges;  // grouped by layer
  std::vector<size_t> meshFirstVertex;  // where each scene mesh's vertices begin

  static GpuSceneData from(const scene::Scene& scene);
};

struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;  // from the bottom left, as GL counts
};
// The pixels `bounds` can cover on screen, or nothing when it is off screen.
std::optional<PixelRect> screenRect(const geometry::Bounds& bounds, const glm::mat4& viewProjection,
                                    int width, int height);

}  // namespace legatlas::render
