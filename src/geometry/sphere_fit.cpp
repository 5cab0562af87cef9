#include "geometry/sphere_fit.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>
#include <stdexcept>

namespace legatlas::geometry {

Sphere fitSphere(const std::vector<glm::vec3>& points) {
  if (points.size() < 4) throw std::runtime_error("a sphere needs at least four points");
  // |p|^2 = 2 c.p + (r^2 - |c|^2): linear in (c, d); normal equations in double.
  glm::dmat4 ata(0.0);
  glm::dvec4 atb(0.0);
  for (const glm::vec3& q : points) {
    const glm::dvec3 p = q;
    const glm::dvec4 row(2 * p.x, 2 * p.y, 2 * p.z, 1.0);
    const double rhs = glm::dot(p, p);
    for (int i = 0; i < 4; ++i) {
      for (int j = 0; j < 4; ++j) ata[j][i] += row[i] * row[j];
      atb[i] += row[i] * rhs;
    }
  }
  if (std::abs(glm::determinant(ata)) < 1e-30) throw std::runtime_error("the points do not fix a sphere");
  const glm::dvec4 x = glm::inverse(ata) * atb;
  Sphere sphere;
  sphere.centre = glm::dvec3(x);
  sphere.radius = std::sqrt(x.w + glm::dot(sphere.centre, sphere.centre));
  double squares = 0;
  for (const glm::vec3& q : points) {
    const double e = glm::distance(glm::dvec3(q), sphere.centre) - sphere.radius;
    squares += e * e;
  }
  sphere.rmsResidual = points.empty() ? 0 : std::sqrt(squares / double(points.size()));
  return sphere;
}

}  // namespace legatlas::geometry
