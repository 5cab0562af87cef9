#pragma once
// A bounding-volume hierarchy over the triangles of several meshes, for the two queries
// strokes need: the closest surface point to a point (to lay a path on the skin, to find
// the fibre direction of a muscle under the hand) and the first surface a ray meets (to
// find what lies beneath the skin). Each mesh carries a tag, e.g. its tissue index.
#include <cstdint>
#include <functional>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <optional>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::geometry {

struct SurfaceHit {
  glm::vec3 point{0.0f};
  glm::vec3 normal{0.0f};   // interpolated vertex normal, unit length
  glm::vec3 tangent{0.0f};  // interpolated tangent (e.g. fibre direction); zero when the mesh has none
  float along = 0;          // interpolated uv.x (along a swept tissue); zero when the mesh has no uvs
  float distance = 0;       // from the query point, or along the ray
  int tag = -1;
  int mesh = -1;  // index in the order meshes were added
  int triangle = -1;  // the tree's own index of the triangle: a hint for the next query nearby
};

class TriangleTree {
 public:
  // The meshes must outlive the tree.
  void add(const Mesh& mesh, int tag);
  void build();
  bool empty() const { return triangles_.empty(); }

  // Closest point on any triangle whose mesh tag passes `accept` (all when empty). A hint
  // (the `triangle` of an earlier hit near p) bounds the search from the start: queries for
  // points that move a little at a time then visit little more than the path to the answer.
  std::optional<SurfaceHit> closest(const glm::vec3& p, const std::function<bool(int)>& accept = {},
                                    int hint = -1) const;
  // First triangle hit by the ray within [0, maxDistance]; `direction` need not be unit.
  std::optional<SurfaceHit> raycast(const glm::vec3& origin, const glm::vec3& direction, float maxDistance,
                                    const std::function<bool(int)>& accept = {}) const;

 private:
  struct Triangle {
    uint32_t mesh, first;  // first index of the triangle in the mesh's index list
  };
  struct Node {
    Bounds box;
    uint32_t start = 0, count = 0;  // leaf: triangles_[start, start + count)
    uint32_t left = 0, right = 0;   // inner: children
  };
  struct Corners {
    glm::vec3 a, b, c;
  };

  // A triangle while the tree is built, with its centre computed once.
  struct Placed {
    Triangle triangle;
    glm::vec3 centre;
  };

  Corners corners(const Triangle& t) const;
  // The corners of the i-th triangle in the tree's order (read from one array, not through
  // the meshes' index lists: the queries visit them in this order).
  const Corners& cornersAt(uint32_t i) const { return corners_[i]; }
  uint32_t buildNode(std::vector<Placed>& placed, uint32_t start, uint32_t count);
  SurfaceHit hitAt(const Triangle& t, const glm::vec3& barycentric, const glm::vec3& point) const;

  std::vector<const Mesh*> meshes_;
  std::vector<int> tags_;
  std::vector<Triangle> triangles_;
  std::vector<Node> nodes_;
  std::vector<Corners> corners_;  // per triangle, in the tree's order
};

}  // namespace legatlas::geometry
