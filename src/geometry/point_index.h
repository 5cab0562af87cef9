#pragma once
// A k-d tree over a fixed set of points (nanoflann), for nearest-point queries.
#include <cstdint>
#include <glm/vec3.hpp>
#include <memory>
#include <vector>

namespace legatlas::geometry {

class PointIndex {
 public:
  explicit PointIndex(std::vector<glm::vec3> points);
  ~PointIndex();
  PointIndex(PointIndex&&) noexcept;
  PointIndex& operator=(PointIndex&&) noexcept;

  size_t size() const;
  // Index of the point nearest p; the set must not be empty.
  uint32_t nearest(const glm::vec3& p) const;

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
};

}  // namespace legatlas::geometry
