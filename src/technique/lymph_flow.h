#pragma once
// The direction superficial lymph drains at each point of the skin, taken from the lymph
// network itself: the vessels' paths, each ordered in the direction of flow toward its
// nodes. Near a vessel the flow runs along it; between vessels it blends the nearby ones.
#include <cstdint>
#include <glm/vec3.hpp>
#include <memory>
#include <string>
#include <vector>

namespace legatlas::technique {

struct DrainagePath {
  std::vector<glm::vec3> path;  // in the direction of flow
  std::string drainsTo;         // the node group it ends in, e.g. "popliteal"
};

class LymphFlowField {
 public:
  explicit LymphFlowField(std::vector<DrainagePath> vessels = {});

  bool empty() const { return segments_.empty(); }
  // Unit direction of flow at p, in the plane of the skin whose normal is given; zero if
  // there are no vessels.
  glm::vec3 at(const glm::vec3& p, const glm::vec3& skinNormal) const;
  // The lymph territory of p: which node group drains the skin there (an index into
  // territories()), by the same weighting of nearby vessels as the flow; -1 when empty.
  int territoryAt(const glm::vec3& p) const;
  const std::vector<std::string>& territories() const { return territories_; }

 private:
  struct Segment {
    glm::vec3 from, to, direction;
    int territory;
  };
  struct Grid;
  // Calls `visit(segment, weight)` for every segment whose weight at p counts: each one
  // within the cutoff distance of p.
  template <typename Visit>
  void forEachNear(const glm::vec3& p, Visit visit) const;
  // The segment nearest p, by looking at every one.
  const Segment* nearestSegment(const glm::vec3& p) const;

  std::vector<Segment> segments_;
  std::vector<std::string> territories_;
  std::shared_ptr<const Grid> grid_;  // buckets of segments by place; shared by copies
};

}  // namespace legatlas::technique
