// Cutting one solid with another leaves crumbs, and sometimes a cavity: the crumbs go,
// the cavity stays part of the solid around it.
#include <gtest/gtest.h>

#include <utility>

#include "geometry/primitives.h"

using legatlas::geometry::Mesh;
using legatlas::geometry::makeEllipsoid;

namespace {

Mesh inwardFacing(Mesh mesh) {
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
  return mesh;
}

}  // namespace

TEST(MeshPieces, SmallOuterPiecesGoAndCavitiesStay) {
  const Mesh body = makeEllipsoid({0, 0, 0}, {0.05f, 0.05f, 0.05f}, 16, 24);
  const Mesh cavity = inwardFacing(makeEllipsoid({0, 0, 0}, {0.01f, 0.01f, 0.01f}, 4, 6));
  const Mesh crumb = makeEllipsoid({0.2f, 0, 0}, {0.01f, 0.01f, 0.01f}, 4, 6);
  Mesh cut = body;
  cut.append(cavity);
  cut.append(crumb);
  const size_t removed = cut.removeSmallPieces(0.1f);
  EXPECT_EQ(removed, crumb.triangleCount());
  EXPECT_EQ(cut.triangleCount(), body.triangleCount() + cavity.triangleCount());
  EXPECT_LT(cut.bounds().max.x, 0.1f) << "the crumb's vertices are still there";
  EXPECT_EQ(cut.positions.size(), body.positions.size() + cavity.positions.size());
}

// A renderer skips the back faces only of surfaces that can never show them.
TEST(MeshClosedAndOutward, OnlyAClosedOutwardSurfaceQualifies) {
  Mesh tetrahedron;
  tetrahedron.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  tetrahedron.indices = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
  tetrahedron.computeNormals();
  EXPECT_TRUE(tetrahedron.closedAndOutward());
  EXPECT_FALSE(inwardFacing(tetrahedron).closedAndOutward());

  Mesh open = tetrahedron;
  open.indices.resize(9);
  EXPECT_FALSE(open.closedAndOutward());

  // Two triangles of one edge running the same way: closed by count, not by orientation.
  Mesh twisted = tetrahedron;
  std::swap(twisted.indices[10], twisted.indices[11]);
  EXPECT_FALSE(twisted.closedAndOutward());
  EXPECT_FALSE(Mesh{}.closedAndOutward());

  // A second tetrahedron on edge 0-1 (the first turned half round the x axis): the edge
  // is crossed twice each way, as where simplification pinches two sheets together.
  Mesh pinched = tetrahedron;
  pinched.positions.insert(pinched.positions.end(), {{0, -1, 0}, {0, 0, -1}});
  pinched.indices.insert(pinched.indices.end(), {0, 4, 1, 0, 1, 5, 0, 5, 4, 1, 4, 5});
  pinched.computeNormals();
  EXPECT_TRUE(pinched.closedAndOutward());
  Mesh pinchedOpen = pinched;
  pinchedOpen.indices.resize(pinchedOpen.indices.size() - 3);
  EXPECT_FALSE(pinchedOpen.closedAndOutward());
}
