#include "geometry/fibre_field.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <stdexcept>

#include "geometry/primitives.h"

namespace legatlas::geometry {
namespace {

constexpr float kHalfLength = 0.15f;  // of the test spindles, along y
constexpr float kBendRadius = 0.1f;   // bends the spindle by 0.3 / 0.1 rad, about 172°

Mesh spindle(int rings = 96, int segments = 32) {
  return makeEllipsoid({0, 0, 0}, {0.02f, kHalfLength, 0.02f}, rings, segments);
}

std::vector<uint32_t> verticesWhere(const Mesh& mesh, const std::function<bool(const glm::vec3&)>& test) {
  std::vector<uint32_t> chosen;
  for (uint32_t v = 0; v < mesh.positions.size(); ++v) {
    if (test(mesh.positions[v])) chosen.push_back(v);
  }
  return chosen;
}

// Caps of the straight spindle: origin at the top, insertion at the bottom.
std::vector<uint32_t> topCap(const Mesh& mesh) {
  return verticesWhere(mesh, [](const glm::vec3& p) { return p.y > 0.13f; });
}
std::vector<uint32_t> bottomCap(const Mesh& mesh) {
  return verticesWhere(mesh, [](const glm::vec3& p) { return p.y < -0.13f; });
}

// Centreline tangent (toward +y's end) of the spindle bent in the xy plane at arc length s.
glm::vec3 bentTangent(float s) { return {std::sin(s / kBendRadius), std::cos(s / kBendRadius), 0.0f}; }

// Lays the spindle's axis along an arc of radius kBendRadius, keeping each cross-section
// square to it; normals are dropped so the module has to compute its own.
Mesh bent(const Mesh& straight) {
  Mesh mesh = straight;
  for (glm::vec3& p : mesh.positions) {
    const float angle = p.y / kBendRadius;
    const glm::vec3 centre(kBendRadius * (1 - std::cos(angle)), kBendRadius * std::sin(angle), 0);
    p = centre + p.x * glm::vec3(std::cos(angle), -std::sin(angle), 0) + glm::vec3(0, 0, p.z);
  }
  mesh.normals.clear();
  return mesh;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double meanA = 0, meanB = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    meanA += a[i] / a.size();
    meanB += b[i] / b.size();
  }
  double ab = 0, aa = 0, bb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - meanA) * (b[i] - meanB);
    aa += (a[i] - meanA) * (a[i] - meanA);
    bb += (b[i] - meanB) * (b[i] - meanB);
  }
  return ab / std::sqrt(aa * bb);
}

float degreesBetween(const glm::vec3& a, const glm::vec3& b) {
  return glm::degrees(std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0f, 1.0f)));
}

void expectUnitAndTangent(const FibreFieldResult& fibres, const std::vector<glm::vec3>& normals) {
  ASSERT_EQ(fibres.direction.size(), normals.size());
  for (size_t v = 0; v < normals.size(); ++v) {
    EXPECT_NEAR(glm::length(fibres.direction[v]), 1.0f, 1e-4f) << "vertex " << v;
    EXPECT_LT(std::abs(glm::dot(fibres.direction[v], glm::normalize(normals[v]))), 0.05f) << "vertex " << v;
  }
}

TEST(FibreField, StraightSpindleRisesAlongItsAxis) {
  const Mesh mesh = spindle();
  const std::vector<uint32_t> origin = topCap(mesh), insertion = bottomCap(mesh);
  const FibreFieldResult fibres = harmonicFibres(mesh, origin, insertion);
  ASSERT_EQ(fibres.value.size(), mesh.positions.size());
  for (uint32_t v : origin) EXPECT_EQ(fibres.value[v], 0.0f);
  for (uint32_t v : insertion) EXPECT_EQ(fibres.value[v], 1.0f);
  std::vector<double> value, depth;
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    EXPECT_GE(fibres.value[v], 0.0f);
    EXPECT_LE(fibres.value[v], 1.0f);
    value.push_back(fibres.value[v]);
    depth.push_back(-mesh.positions[v].y);
  }
  EXPECT_GT(correlation(value, depth), 0.99);
  int middle = 0;
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    if (std::abs(mesh.positions[v].y) > kHalfLength / 3) continue;
    ++middle;
    EXPECT_LT(degreesBetween(fibres.direction[v], {0, -1, 0}), 10.0f) << "vertex " << v;
  }
  EXPECT_GT(middle, 500);
}

TEST(FibreField, BentSpindleFollowsItsCentreline) {
  const Mesh straight = spindle();
  const Mesh mesh = bent(straight);
  const FibreFieldResult fibres = harmonicFibres(mesh, topCap(straight), bottomCap(straight));
  float worst = 0;
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    const float s = straight.positions[v].y;  // arc length along the centreline
    if (std::abs(s) > kHalfLength / 3) continue;
    worst = std::max(worst, degreesBetween(fibres.direction[v], -bentTangent(s)));
  }
  EXPECT_LT(worst, 15.0f);
  // The bend is real: across the middle third the centreline turns by about 57°, so no
  // single direction could pass.
  EXPECT_GT(degreesBetween(bentTangent(kHalfLength / 3), bentTangent(-kHalfLength / 3)), 50.0f);
}

TEST(FibreField, DirectionsAreUnitTangents) {
  const Mesh straight = spindle(40, 24);
  expectUnitAndTangent(harmonicFibres(straight, topCap(straight), bottomCap(straight)), straight.normals);
  Mesh curved = bent(straight);
  const FibreFieldResult fibres = harmonicFibres(curved, topCap(straight), bottomCap(straight));
  curved.computeNormals();
  expectUnitAndTangent(fibres, curved.normals);
  // Single-vertex sets at the poles, where the fibres converge and their mean vanishes.
  const auto last = static_cast<uint32_t>(straight.positions.size() - 1);
  expectUnitAndTangent(harmonicFibres(straight, {0}, {last}), straight.normals);
}

TEST(FibreField, PiecesTouchingNeitherSetGetTheMiddleValue) {
  Mesh mesh = spindle(40, 24);
  const std::vector<uint32_t> origin = topCap(mesh), insertion = bottomCap(mesh);
  const size_t spindleVertices = mesh.positions.size();
  mesh.append(makeBox({1, 1, 1}, {1.1f, 1.1f, 1.1f}));
  const FibreFieldResult fibres = harmonicFibres(mesh, origin, insertion);
  ASSERT_EQ(fibres.value.size(), mesh.positions.size());
  for (size_t v = spindleVertices; v < mesh.positions.size(); ++v) EXPECT_EQ(fibres.value[v], 0.5f);
  expectUnitAndTangent(fibres, mesh.normals);
}

TEST(FibreField, RejectsEmptyAndOverlappingSets) {
  const Mesh mesh = spindle(20, 12);
  const std::vector<uint32_t> origin = topCap(mesh), insertion = bottomCap(mesh);
  EXPECT_THROW(harmonicFibres(mesh, {}, insertion), std::runtime_error);
  EXPECT_THROW(harmonicFibres(mesh, origin, {}), std::runtime_error);
  std::vector<uint32_t> overlapping = insertion;
  overlapping.push_back(origin.front());
  EXPECT_THROW(harmonicFibres(mesh, origin, overlapping), std::runtime_error);
  const auto count = static_cast<uint32_t>(mesh.positions.size());
  EXPECT_THROW(harmonicFibres(mesh, origin, {count}), std::runtime_error);
  EXPECT_THROW(harmonicFibres(Mesh{}, {0}, {1}), std::runtime_error);
}

TEST(FibreField, SetFibreTangentsWritesUnitDirectionsWithUnitW) {
  Mesh mesh = spindle(48, 24);
  setFibreTangents(mesh, {0, kHalfLength, 0}, {0, -kHalfLength, 0}, 0.02f);
  ASSERT_EQ(mesh.tangents.size(), mesh.positions.size());
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    EXPECT_EQ(mesh.tangents[v].w, 1.0f);
    EXPECT_NEAR(glm::length(glm::vec3(mesh.tangents[v])), 1.0f, 1e-4f);
    if (std::abs(mesh.positions[v].y) < kHalfLength / 3) {
      EXPECT_LT(degreesBetween(glm::vec3(mesh.tangents[v]), {0, -1, 0}), 10.0f) << "vertex " << v;
    }
  }
  // A reach that holds no vertex falls back to the nearest one; the field still runs top to bottom.
  setFibreTangents(mesh, {0, 0.2f, 0}, {0, -0.2f, 0}, 0.001f);
  ASSERT_EQ(mesh.tangents.size(), mesh.positions.size());
  EXPECT_LT(degreesBetween(glm::vec3(mesh.tangents[mesh.positions.size() / 2]), {0, -1, 0}), 10.0f);
}

TEST(FibreField, SolvesTenThousandVertices) {
  const Mesh mesh = spindle(200, 50);  // 9,952 vertices
  ASSERT_GT(mesh.positions.size(), 9900u);
  const FibreFieldResult fibres = harmonicFibres(mesh, topCap(mesh), bottomCap(mesh));
  expectUnitAndTangent(fibres, mesh.normals);
}

}  // namespace
}  // namespace legatlas::geometry
