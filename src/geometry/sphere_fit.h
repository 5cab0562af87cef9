#pragma once
// The sphere that best fits a cloud of points: how a joint's centre is found from the
// cartilage of a ball-shaped joint surface (the femoral head).
#include <glm/vec3.hpp>
#include <vector>

namespace legatlas::geometry {

struct Sphere {
  glm::dvec3 centre{0.0};
  double radius = 0, rmsResidual = 0;
};

// Least squares, the algebraic fit (linear in centre and radius); the residual is the rms
// of the points' distances from the fitted surface. Throws std::runtime_error when the
// points do not fix a sphere (fewer than four, or all in one plane).
Sphere fitSphere(const std::vector<glm::vec3>& points);

}  // namespace legatlas::geometry
