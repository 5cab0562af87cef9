#include "leg_frame.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/mat4x4.hpp>
#include <glm/matrix.hpp>
#include <limits>
#include <stdexcept>

#include "geometry/triangle_tree.h"

namespace legatlas::tools {

namespace {

// The scanner axis (as a signed unit vector) along which `direction` mostly runs.
glm::dvec3 dominantAxis(const glm::dvec3& direction) {
  int axis = 0;
  for (int k = 1; k < 3; ++k) {
    if (std::abs(direction[k]) > std::abs(direction[axis])) axis = k;
  }
  glm::dvec3 unit(0.0);
  unit[axis] = direction[axis] > 0 ? 1.0 : -1.0;
  return unit;
}

// The least rotation taking unit vector `from` onto unit vector `to` (Rodrigues).
glm::dmat3 rotationBetween(const glm::dvec3& from, const glm::dvec3& to) {
  const glm::dvec3 axis = glm::cross(from, to);
  const double s = glm::length(axis), c = glm::dot(from, to);
  if (s < 1e-12) return glm::dmat3(1.0);
  const glm::dvec3 k = axis / s;
  const glm::dmat3 K(0, k.z, -k.y, -k.z, 0, k.x, k.y, -k.x, 0);  // column-major cross-product matrix
  return glm::dmat3(1.0) + s * K + (1 - c) * (K * K);
}

}  // namespace

glm::dvec3 surfaceCentroid(const geometry::Mesh& mesh) {
  glm::dvec3 sum(0.0);
  double area = 0;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const glm::dvec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                     c = mesh.positions[mesh.indices[i + 2]];
    const double w = glm::length(glm::cross(b - a, c - a));
    sum += w * (a + b + c) / 3.0;
    area += w;
  }
  if (area <= 0) throw std::runtime_error("the surface has no area");
  return sum / area;
}

bool LegFrame::mirrors() const { return glm::determinant(turn * axes) < 0; }

glm::vec3 LegFrame::toModel(const glm::vec3& p) const {
  return glm::vec3(turn * (axes * (glm::dvec3(p) - hipCentre)) * 0.001);
}

LegFrame placeLeftLimb(const glm::dvec3& hipCentre, const glm::dvec3& ankleCentre, const glm::dvec3& sacrum,
                       const glm::dvec3& patella, const glm::dvec3& distalFemur, const glm::dvec3& describedAnkle) {
  const glm::dvec3 superior = dominantAxis(hipCentre - ankleCentre);
  const glm::dvec3 lateral = dominantAxis(hipCentre - sacrum);
  const glm::dvec3 anterior = dominantAxis(patella - distalFemur);
  if (std::abs(glm::dot(superior, lateral)) + std::abs(glm::dot(superior, anterior)) + std::abs(glm::dot(lateral, anterior)) > 0)
    throw std::runtime_error("the superior, lateral and anterior directions read from the bones share a scanner axis");
  LegFrame frame;
  frame.hipCentre = hipCentre;
  // Rows: model x = lateral, y = superior, z = anterior (glm matrices are column-major).
  frame.axes = glm::transpose(glm::dmat3(lateral, superior, anterior));
  const glm::dvec3 ankle = frame.axes * (ankleCentre - hipCentre);
  frame.turn = rotationBetween(glm::normalize(ankle), glm::normalize(describedAnkle));
  frame.turnDegrees = glm::degrees(std::acos(std::clamp(glm::dot(glm::normalize(ankle), glm::normalize(describedAnkle)), -1.0, 1.0)));
  return frame;
}

namespace {

// Least-squares circle through (y, z) points: the algebraic fit, as for the sphere.
glm::dvec3 fitCircleYZ(const std::vector<glm::vec3>& points) {
  glm::dmat3 ata(0.0);
  glm::dvec3 atb(0.0);
  for (const glm::vec3& q : points) {
    const glm::dvec3 row(2.0 * q.y, 2.0 * q.z, 1.0);
    const double rhs = double(q.y) * q.y + double(q.z) * q.z;
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) ata[j][i] += row[i] * row[j];
      atb[i] += row[i] * rhs;
    }
  }
  if (std::abs(glm::determinant(ata)) < 1e-30) throw std::runtime_error("the distal tibial cartilage does not fix a circle");
  const glm::dvec3 x = glm::inverse(ata) * atb;
  return {x.x, x.y, std::sqrt(x.z + x.x * x.x + x.y * x.y)};  // centre y, z and radius
}

float lowest(const std::vector<glm::vec3>& points, const FootTurn& turn) {
  float y = std::numeric_limits<float>::max();
  for (const glm::vec3& p : points) y = std::min(y, turn.apply(p).y);
  return y;
}

}  // namespace

glm::vec3 FootTurn::apply(const glm::vec3& p) const {
  // About the +X axis through the centre: +degrees takes anterior (+Z) toward superior (+Y).
  const double a = glm::radians(degrees);
  const glm::dvec3 d = glm::dvec3(p) - glm::dvec3(centre);
  return centre + glm::vec3(glm::dvec3(d.x, d.y * std::cos(a) + d.z * std::sin(a), -d.y * std::sin(a) + d.z * std::cos(a)));
}

FootTurn neutralFoot(const geometry::Mesh& plafond, const geometry::Mesh& talus) {
  FootTurn turn;
  // The trochlea: the talus's upper surface under the tibial plafond (its own cartilage
  // is a fragment in one subject), facing up into the joint.
  geometry::Mesh dome = talus;
  dome.computeNormals();
  const geometry::Bounds under = plafond.bounds();
  std::vector<glm::vec3> joint;
  for (size_t v = 0; v < dome.positions.size(); ++v) {
    const glm::vec3& p = dome.positions[v];
    const bool beneath = p.x > under.min.x && p.x < under.max.x && p.z > under.min.z && p.z < under.max.z && p.y < under.max.y;
    if (beneath && dome.normals[v].y > 0.3f) joint.push_back(p);
  }
  if (joint.size() < 10) throw std::runtime_error("the talus has no upper surface under the tibial plafond");
  const glm::dvec3 circle = fitCircleYZ(joint);
  double x = 0, squares = 0;
  for (const glm::vec3& p : joint) {
    x += p.x;
    const double e = std::hypot(p.y - circle.x, p.z - circle.y) - circle.z;
    squares += e * e;
  }
  turn.centre = glm::vec3(float(x / double(joint.size())), float(circle.x), float(circle.y));
  turn.radius = circle.z;
  turn.rmsResidual = std::sqrt(squares / double(joint.size()));
  return turn;
}

void levelTheSole(FootTurn& turn, const geometry::Mesh& calcaneus, const geometry::Mesh& forefoot) {
  // The ball of the foot: where the metatarsal heads lie, 62-78 % of the way from the
  // back of the heel to the tip of the toes (the toes themselves may be curled).
  const float heel = calcaneus.bounds().min.z, tip = forefoot.bounds().max.z;
  std::vector<glm::vec3> ball;
  for (const glm::vec3& p : forefoot.positions) {
    const float along = (p.z - heel) / (tip - heel);
    if (along > 0.62f && along < 0.78f) ball.push_back(p);
  }
  if (ball.empty()) throw std::runtime_error("the forefoot has no points where the metatarsal heads lie");
  // Scanned, since which points are lowest changes as the foot turns; the level turn is
  // where the ball's lowest point passes the heel's.
  double best = std::numeric_limits<double>::max();
  FootTurn trial = turn;
  for (double degrees = -20.0; degrees <= 70.0; degrees += 0.1) {
    trial.degrees = degrees;
    const double step = std::abs(lowest(ball, trial) - lowest(calcaneus.positions, trial));
    if (step < best) {
      best = step;
      turn.degrees = degrees;
    }
  }
}

double keepJointSpacing(FootTurn& turn, const geometry::Mesh& plafond, const geometry::Mesh& talus) {
  constexpr float kNear = 0.004f, kReach = 0.012f, kStep = 0.001f;
  geometry::Mesh withNormals = plafond;
  withNormals.computeNormals();
  geometry::TriangleTree tree;
  tree.add(withNormals, 0);
  tree.build();
  const auto signedDistance = [&tree](const glm::vec3& p) {
    const geometry::SurfaceHit hit = *tree.closest(p);
    return glm::dot(p - hit.point, hit.normal) < 0 ? -hit.distance : hit.distance;
  };
  std::vector<glm::vec3> joint;
  std::vector<float> spacing;
  for (const glm::vec3& p : talus.positions) {
    const float d = signedDistance(p);
    if (std::abs(d) > kNear) continue;
    joint.push_back(p);
    spacing.push_back(d);
  }
  if (joint.empty()) throw std::runtime_error("the talus lies nowhere near the distal tibial cartilage");
  const auto change = [&](const FootTurn& trial) {
    double sum = 0;
    for (size_t i = 0; i < joint.size(); ++i) sum += std::abs(signedDistance(trial.apply(joint[i])) - spacing[i]);
    return sum / double(joint.size());
  };
  const glm::vec3 fitted = turn.centre;
  double best = change(turn);
  FootTurn trial = turn;
  for (float dy = -kReach; dy <= kReach; dy += kStep) {
    for (float dz = -kReach; dz <= kReach; dz += kStep) {
      trial.centre = fitted + glm::vec3(0.0f, dy, dz);
      const double c = change(trial);
      if (c < best) {
        best = c;
        turn.centre = trial.centre;
      }
    }
  }
  return best;
}

}  // namespace legatlas::tools
