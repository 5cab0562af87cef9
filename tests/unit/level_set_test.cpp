#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "geometry/level_set.h"
#include "geometry/primitives.h"
#include "mesh_checks.h"

using legatlas::geometry::Bounds;
using legatlas::geometry::LevelSet;

namespace {

LevelSet sphere(const glm::vec3& centre, float radius, float voxel = 0.001f) {
  Bounds region;
  region.add(centre - glm::vec3(radius));
  region.add(centre + glm::vec3(radius));
  return LevelSet::fromFunction(region, voxel, [=](const glm::vec3& p) { return glm::distance(p, centre) - radius; });
}

}  // namespace

TEST(LevelSet, SampledSphereMeshesToAClosedOutwardSurfaceOfTheRightSize) {
  const glm::vec3 centre(0.01f, -0.2f, 0.03f);
  const auto mesh = sphere(centre, 0.02f).toMesh();
  EXPECT_EQ(legatlas::testing::closedSurfaceProblem(mesh), "");
  EXPECT_TRUE(legatlas::testing::windingAgreesWithNormals(mesh));
  for (size_t i = 0; i < mesh.positions.size(); i += 17) {
    EXPECT_NEAR(glm::distance(mesh.positions[i], centre), 0.02f, 0.0004f);
    EXPECT_GT(glm::dot(mesh.normals[i], mesh.positions[i] - centre), 0.0f) << "normal " << i << " points inward";
  }
}

TEST(LevelSet, DistanceIsSignedAndClampedToTheBand) {
  const LevelSet set = sphere({0, 0, 0}, 0.02f);
  EXPECT_NEAR(set.distance({0.019f, 0, 0}), -0.001f, 0.0002f);
  EXPECT_NEAR(set.distance({0, 0.021f, 0}), 0.001f, 0.0002f);
  EXPECT_NEAR(set.distance({0, 0, 0}), -0.003f, 1e-5f);  // deep inside: the band's edge
  EXPECT_NEAR(set.distance({0.5f, 0, 0}), 0.003f, 1e-5f);
  const glm::vec3 out = set.outward({0, 0.0205f, 0});
  EXPECT_GT(out.y, 0.99f);
}

TEST(LevelSet, MeshToLevelSetKeepsTheInsideBandAsked) {
  const auto box = legatlas::geometry::makeBox({-0.02f, -0.02f, -0.02f}, {0.02f, 0.02f, 0.02f});
  const LevelSet set = LevelSet::fromMesh(box, 0.001f, {0.004f, 0.015f});
  EXPECT_NEAR(set.distance({0.0f, 0.0f, 0.01f}), -0.01f, 0.0006f);
  EXPECT_NEAR(set.distance({0.0f, 0.0f, 0.023f}), 0.003f, 0.0006f);
}

TEST(LevelSet, UnionOfTwoSpheresIsOneSurfaceContainingBoth) {
  LevelSet a = sphere({-0.015f, 0, 0}, 0.02f);
  a.unite(sphere({0.015f, 0, 0}, 0.02f));
  EXPECT_LT(a.distance({-0.03f, 0, 0}), 0.0f);
  EXPECT_LT(a.distance({0.03f, 0, 0}), 0.0f);
  EXPECT_GT(a.distance({0.0f, 0.019f, 0}), 0.0f);  // the waist between them stays a waist
  EXPECT_EQ(legatlas::testing::closedSurfaceProblem(a.toMesh()), "");
}

TEST(LevelSet, SmoothUnionBlendsOnlyNearTheSeam) {
  EXPECT_FLOAT_EQ(legatlas::geometry::smoothUnion(0.01f, 0.05f, 0.004f), 0.01f);
  EXPECT_LT(legatlas::geometry::smoothUnion(0.01f, 0.01f, 0.004f), 0.01f);
}

// A cube's sharp corner is rounded by blurring; the middle of its faces stays put.
TEST(LevelSet, BlurRoundsCornersAndKeepsFlatFaces) {
  const float half = 0.02f, voxel = 0.001f;
  Bounds region;
  region.add(glm::vec3(-half));
  region.add(glm::vec3(half));
  const auto box = [half](const glm::vec3& p) {
    const glm::vec3 q = glm::abs(p) - glm::vec3(half);
    return glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max({q.x, q.y, q.z}), 0.0f);
  };
  const LevelSet sharp = LevelSet::fromFunction(region, voxel, box, {0.004f, 0.004f});
  const LevelSet blurred = LevelSet::fromFunction(region, voxel, box, {0.004f, 0.004f}, 3);
  const glm::vec3 nearCorner(half - 0.0005f);
  EXPECT_LT(sharp.distance(nearCorner), 0.0f);
  EXPECT_GT(blurred.distance(nearCorner), 0.0f) << "the corner was not rounded";
  EXPECT_NEAR(blurred.distance({half, 0, 0}), 0.0f, 0.0002f) << "a flat face moved";
  EXPECT_EQ(legatlas::testing::closedSurfaceProblem(blurred.toMesh()), "");
}
