#pragma once
// The direction superficial lymph drains at each point of the skin, taken from the lymph
// network itself: the vessels' paths, each ordered in the direction of flow toward its
// nodes. Near a vessel the flow runs along it; between vessels it blends the nearby ones.
#include <glm/vec3.hpp>
#include <memory>
#include <string>
#include <vector>

#include "geometry/point_index.h"

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
  // Segments near p: every one within kCutoff of it, and perhaps a few farther.
  std::vector<uint32_t> segmentsNear(const glm::vec3& p) const;
  // The segment nearest p, by looking at every one.
  const Segment* nearestSegment(const glm::vec3& p) const;

  std::vector<Segment> segments_;
  std::vector<std::string> territories_;
  std::shared_ptr<const geometry::PointIndex> midpoints_;  // of the segments; shared by copies
  float longestHalfSegment_ = 0;
};

}  // namespace legatlas::technique
