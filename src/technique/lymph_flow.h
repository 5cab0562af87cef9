#pragma once
// The direction superficial lymph drains at each point of the skin, taken from the lymph
// network itself: the vessels' paths, each ordered in the direction of flow toward its
// nodes. Near a vessel the flow runs along it; between vessels it blends the nearby ones.
#include <glm/vec3.hpp>
#include <vector>

namespace legatlas::technique {

class LymphFlowField {
 public:
  // Each path runs in the direction of flow.
  explicit LymphFlowField(std::vector<std::vector<glm::vec3>> vesselPaths = {});

  bool empty() const { return segments_.empty(); }
  // Unit direction of flow at p, in the plane of the skin whose normal is given; zero if
  // there are no vessels.
  glm::vec3 at(const glm::vec3& p, const glm::vec3& skinNormal) const;
  // Distance from p to the nearest vessel.
  float distanceToNearestVessel(const glm::vec3& p) const;

 private:
  struct Segment {
    glm::vec3 from, to, direction;
  };
  std::vector<Segment> segments_;
};

}  // namespace legatlas::technique
