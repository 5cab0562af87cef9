#include "geometry/triangle_tree.h"

#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <limits>
#include <random>

#include "geometry/primitives.h"

namespace legatlas::geometry {
namespace {

TEST(TriangleTree, ClosestPointOfABoxLiesOnTheNearestFace) {
  const Mesh box = makeBox({-1, -1, -1}, {1, 1, 1});
  TriangleTree tree;
  tree.add(box, 7);
  tree.build();
  const auto hit = tree.closest({0.2f, 0.3f, 5.0f});
  ASSERT_TRUE(hit);
  EXPECT_NEAR(hit->point.x, 0.2f, 1e-5f);
  EXPECT_NEAR(hit->point.y, 0.3f, 1e-5f);
  EXPECT_NEAR(hit->point.z, 1.0f, 1e-5f);
  EXPECT_NEAR(hit->distance, 4.0f, 1e-5f);
  EXPECT_EQ(hit->tag, 7);
  // From inside, the nearest face too.
  const auto inside = tree.closest({0.9f, 0.0f, 0.0f});
  ASSERT_TRUE(inside);
  EXPECT_NEAR(inside->point.x, 1.0f, 1e-5f);
  EXPECT_NEAR(inside->distance, 0.1f, 1e-5f);
}

TEST(TriangleTree, ClosestPointOfASphereAgreesWithGeometry) {
  const Mesh sphere = makeEllipsoid({1, 2, 3}, glm::vec3(0.5f), 48, 96);
  TriangleTree tree;
  tree.add(sphere, 0);
  tree.build();
  for (const glm::vec3 p : {glm::vec3(3, 2, 3), glm::vec3(1, -4, 3), glm::vec3(1.1f, 2.1f, 2.9f)}) {
    const auto hit = tree.closest(p);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, std::abs(glm::length(p - glm::vec3(1, 2, 3)) - 0.5f), 2e-3f);
    EXPECT_GT(glm::dot(hit->normal, glm::normalize(hit->point - glm::vec3(1, 2, 3))), 0.99f);
  }
}

TEST(TriangleTree, RaysHitTheFirstSurfaceAndRespectTheFilter) {
  const Mesh near = makeBox({-1, -1, 1}, {1, 1, 2});
  const Mesh far = makeBox({-1, -1, 4}, {1, 1, 5});
  TriangleTree tree;
  tree.add(near, 1);
  tree.add(far, 2);
  tree.build();
  const auto first = tree.raycast({0, 0, 0}, {0, 0, 3}, 10.0f);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->tag, 1);
  EXPECT_NEAR(first->distance, 1.0f, 1e-5f);
  const auto onlyFar = tree.raycast({0, 0, 0}, {0, 0, 1}, 10.0f, [](int tag) { return tag == 2; });
  ASSERT_TRUE(onlyFar);
  EXPECT_NEAR(onlyFar->distance, 4.0f, 1e-5f);
  EXPECT_FALSE(tree.raycast({0, 0, 0}, {0, 0, 1}, 0.5f));   // too short
  EXPECT_FALSE(tree.raycast({0, 0, 0}, {0, 1, 0}, 10.0f));  // misses both
  const auto filteredClosest = tree.closest({0, 0, 0}, [](int tag) { return tag == 2; });
  ASSERT_TRUE(filteredClosest);
  EXPECT_NEAR(filteredClosest->point.z, 4.0f, 1e-5f);
}

// The tree must prune only what cannot hold the answer: against every triangle tried in
// turn, it finds the same closest distance from points inside, between and around meshes.
TEST(TriangleTree, ClosestDistanceMatchesTryingEveryTriangle) {
  const std::vector<Mesh> meshes = {makeEllipsoid({0, 0, 0}, {0.3f, 0.6f, 0.2f}, 24, 40),
                                    makeCylinder({0.5f, -0.4f, 0.1f}, 0.1f, 0.9f, 32), makeBox({-0.6f, 0.2f, -0.3f}, {-0.2f, 0.5f, 0.4f})};
  TriangleTree tree;
  for (size_t i = 0; i < meshes.size(); ++i) tree.add(meshes[i], static_cast<int>(i));
  tree.build();
  // Every triangle on its own, as a tree of one.
  std::vector<Mesh> triangles;
  for (const Mesh& m : meshes) {
    for (size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      Mesh& triangle = triangles.emplace_back();
      for (size_t k = 0; k < 3; ++k) triangle.positions.push_back(m.positions[m.indices[t + k]]);
      triangle.indices = {0, 1, 2};
    }
  }
  std::vector<TriangleTree> singles(triangles.size());
  for (size_t i = 0; i < triangles.size(); ++i) singles[i].add(triangles[i], 0), singles[i].build();
  std::mt19937 random(11);
  std::uniform_real_distribution<float> coordinate(-1.0f, 1.0f);
  for (int n = 0; n < 200; ++n) {
    const glm::vec3 p(coordinate(random), coordinate(random), coordinate(random));
    float nearest = std::numeric_limits<float>::max();
    for (const TriangleTree& one : singles) nearest = std::min(nearest, one.closest(p)->distance);
    const auto hit = tree.closest(p);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->distance, nearest, 1e-6f) << "at " << p.x << ", " << p.y << ", " << p.z;
  }
}

TEST(TriangleTree, EmptyTreeAnswersNothing) {
  TriangleTree tree;
  tree.build();
  EXPECT_FALSE(tree.closest({0, 0, 0}));
  EXPECT_FALSE(tree.raycast({0, 0, 0}, {1, 0, 0}, 1.0f));
}

}  // namespace
}  // namespace legatlas::geometry
