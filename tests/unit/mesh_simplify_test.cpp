// Coarse copies for distant views: far fewer triangles, the same surface within the
// bound, the full mesh's vertices and attributes, still closed.
#include <gtest/gtest.h>

#include "geometry/mesh_simplify.h"
#include "geometry/primitives.h"
#include "geometry/triangle_tree.h"

using legatlas::geometry::Mesh;

TEST(MeshSimplify, KeepsTheSurfaceWithinTheBoundWithFarFewerTriangles) {
  Mesh full = legatlas::geometry::makeEllipsoid({0.1f, 0.4f, 0.0f}, {0.02f, 0.15f, 0.03f}, 96, 128);
  full.uvs.resize(full.positions.size());
  for (size_t v = 0; v < full.positions.size(); ++v) full.uvs[v] = {full.positions[v].y, float(v)};
  const float bound = 0.0006f;
  const Mesh coarse = legatlas::geometry::simplifiedWithin(full, bound);

  EXPECT_LT(coarse.triangleCount(), full.triangleCount() / 4);
  EXPECT_GT(coarse.triangleCount(), 100u) << "an ellipsoid 30 cm long cannot be a handful of triangles within 0.6 mm";
  EXPECT_TRUE(coarse.closedAndOutward());
  ASSERT_EQ(coarse.uvs.size(), coarse.positions.size());
  ASSERT_EQ(coarse.normals.size(), coarse.positions.size());
  for (size_t v = 0; v < coarse.positions.size(); ++v) {
    // Each kept vertex is an original one, with its own attributes.
    const size_t original = static_cast<size_t>(coarse.uvs[v].y);
    ASSERT_LT(original, full.positions.size());
    EXPECT_EQ(coarse.positions[v], full.positions[original]);
    EXPECT_EQ(coarse.normals[v], full.normals[original]);
  }
  // The coarse triangles' centres stay near the full surface (a little slack: the error
  // meshoptimizer bounds is a quadric measure, close to but not exactly a distance).
  legatlas::geometry::TriangleTree tree;
  tree.add(full, 0);
  tree.build();
  for (size_t i = 0; i < coarse.indices.size(); i += 3) {
    const glm::vec3 centre = (coarse.positions[coarse.indices[i]] + coarse.positions[coarse.indices[i + 1]] +
                              coarse.positions[coarse.indices[i + 2]]) / 3.0f;
    ASSERT_LT(tree.closest(centre)->distance, 2 * bound) << "triangle " << i / 3;
  }
}

TEST(MeshSimplify, AnEmptyMeshStaysEmpty) {
  EXPECT_TRUE(legatlas::geometry::simplifiedWithin(Mesh{}, 0.001f).indices.empty());
}
