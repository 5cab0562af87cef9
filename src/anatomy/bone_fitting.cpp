#include "anatomy/bone_fitting.h"

#include <Eigen/Dense>
#include <algorithm>
#include <limits>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "geometry/triangle_tree.h"

namespace legatlas::anatomy {
namespace {

constexpr int kIterations = 12;
// How strongly the linear part of the map is held to no change, against the cap's own
// pull: the caps leave some directions loosely bound (a condyle's sides are bare), and
// a bone should not shear where no cartilage says so.
constexpr double kStiffness = 1.0;

struct Affine {
  glm::mat3 linear{1.0f};
  glm::vec3 shift{0.0f};
  glm::vec3 operator()(const glm::vec3& p) const { return linear * p + shift; }
};

glm::vec3 centroidOf(const std::vector<glm::vec3>& points) {
  glm::dvec3 sum(0.0);
  for (const glm::vec3& p : points) sum += glm::dvec3(p);
  return glm::vec3(sum / double(std::max<size_t>(points.size(), 1)));
}

// The affine map (about `centre`) taking each `from` point nearest onto its `to` point,
// its linear part held toward the identity with `stiffness` times the data's own spread.
Affine leastSquaresAffine(const std::vector<glm::vec3>& from, const std::vector<glm::vec3>& to, const glm::vec3& centre) {
  Eigen::Matrix4d normal = Eigen::Matrix4d::Zero();
  Eigen::Matrix<double, 4, 3> right = Eigen::Matrix<double, 4, 3>::Zero();
  for (size_t i = 0; i < from.size(); ++i) {
    const glm::dvec3 p = glm::dvec3(from[i] - centre), q = glm::dvec3(to[i] - centre);
    const Eigen::Vector4d row(p.x, p.y, p.z, 1.0);
    normal += row * row.transpose();
    right += row * Eigen::RowVector3d(q.x, q.y, q.z);
  }
  const double spread = (normal(0, 0) + normal(1, 1) + normal(2, 2)) / 3.0;
  for (int k = 0; k < 3; ++k) {
    normal(k, k) += kStiffness * spread;
    right(k, k) += kStiffness * spread;
  }
  const Eigen::Matrix<double, 4, 3> solved = normal.ldlt().solve(right);
  Affine map;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) map.linear[c][r] = float(solved(c, r));  // glm is column-major
  const glm::vec3 t(float(solved(3, 0)), float(solved(3, 1)), float(solved(3, 2)));
  map.shift = centre + t - map.linear * centre;
  return map;
}

float meanDistance(const std::vector<glm::vec3>& points, const geometry::Mesh& surface) {
  geometry::TriangleTree tree;
  tree.add(surface, 0);
  tree.build();
  double sum = 0;
  for (const glm::vec3& p : points) sum += tree.closest(p)->distance;
  return float(sum / double(std::max<size_t>(points.size(), 1)));
}

}  // namespace

CapFit fitEndToCap(geometry::Mesh& bone, const geometry::Mesh& cap, float fade) {
  CapFit fit;
  if (bone.positions.empty() || cap.positions.empty()) return fit;
  const glm::vec3 capCentre = centroidOf(cap.positions);
  const glm::vec3 toEnd = glm::normalize(capCentre - centroidOf(bone.positions));
  float capReach = std::numeric_limits<float>::max();
  for (const glm::vec3& p : cap.positions) capReach = std::min(capReach, glm::dot(p, toEnd));
  std::vector<float> weight(bone.positions.size());
  for (size_t v = 0; v < weight.size(); ++v)
    weight[v] = glm::smoothstep(capReach - fade, capReach, glm::dot(bone.positions[v], toEnd));
  fit.meanBefore = meanDistance(cap.positions, bone);

  // The whole bone moved by the map found so far each round: closest points on it for
  // the cap's points, then the map that best carries those onto the cap. Only the end
  // takes the final map in full (`weight`).
  geometry::Mesh moved = bone;
  Affine total;
  for (int round = 0; round < kIterations; ++round) {
    for (size_t v = 0; v < moved.positions.size(); ++v) moved.positions[v] = total(bone.positions[v]);
    geometry::TriangleTree tree;
    tree.add(moved, 0);
    tree.build();
    std::vector<glm::vec3> from, to;
    for (const glm::vec3& q : cap.positions) {
      const auto hit = tree.closest(q);
      if (!hit) continue;
      from.push_back(hit->point);
      to.push_back(q);
    }
    const Affine step = leastSquaresAffine(from, to, capCentre);
    total = {step.linear * total.linear, step.linear * total.shift + step.shift};
  }
  for (size_t v = 0; v < bone.positions.size(); ++v)
    bone.positions[v] = glm::mix(bone.positions[v], total(bone.positions[v]), weight[v]);
  bone.computeNormals();
  fit.meanAfter = meanDistance(cap.positions, bone);
  return fit;
}

}  // namespace legatlas::anatomy
