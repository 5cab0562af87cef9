// Fluid in the tissue under the skin: the skin as a graph, fluid spreading within it and
// draining away, and every millilitre accounted for.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "geometry/primitives.h"
#include "simulation/tissue_fluid.h"

namespace legatlas::simulation {
namespace {

geometry::Mesh limb() { return geometry::makeEllipsoid(glm::vec3(0.0f), glm::vec3(0.06f, 0.3f, 0.06f), 48, 48); }

double surfaceArea(const geometry::Mesh& m) {
  double area = 0;
  for (size_t t = 0; t < m.indices.size(); t += 3) {
    const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
    area += 0.5 * glm::length(glm::cross(b - a, c - a));
  }
  return area;
}

TEST(SkinGraph, KeepsTheSkinsAreaAndJoinsItsSeams) {
  const geometry::Mesh skin = limb();
  const SkinGraph graph = skinGraph(skin);
  EXPECT_NEAR(graph.totalArea(), surfaceArea(skin), 1e-9);
  // Two triangles written with their own copies of the shared edge's vertices: one graph.
  geometry::Mesh seam;
  seam.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
  seam.indices = {0, 1, 2, 3, 4, 5};
  const SkinGraph joined = skinGraph(seam);
  EXPECT_EQ(joined.size(), 4u);
  EXPECT_EQ(joined.neighbour.size(), 10u);  // five edges, each both ways
  EXPECT_THROW(skinGraph(geometry::Mesh{}), InputError);
}

TEST(TissueFluid, SpreadingEvensASwellingOutAndKeepsEveryMillilitre) {
  TissueFluid fluid(skinGraph(limb()));
  const SkinGraph& skin = fluid.skin();
  std::vector<double> start(skin.size(), 0.0);
  // 50 ml spread evenly over the skin within 8 cm of the lowest point: a swollen ankle.
  const auto lowest = std::min_element(skin.positions.begin(), skin.positions.end(),
                                       [](const glm::vec3& a, const glm::vec3& b) { return a.y < b.y; });
  const auto swollen = [&](size_t i) { return glm::distance(skin.positions[i], *lowest) < 0.08f; };
  double swollenArea = 0;
  for (size_t i = 0; i < skin.size(); ++i)
    if (swollen(i)) swollenArea += skin.areas[i];
  for (size_t i = 0; i < skin.size(); ++i) start[i] = swollen(i) ? 50.0 * skin.areas[i] / swollenArea : 0.0;
  fluid.setExcess(start, "test");
  fluid.spread(600.0, 1e-6);
  EXPECT_NEAR(fluid.held(), 50.0, 50.0 * 1e-9);
  double stillThere = 0;
  for (size_t i = 0; i < skin.size(); ++i)
    if (swollen(i)) stillThere += fluid.excess()[i];
  EXPECT_LT(stillThere, 49.0) << "some fluid should have spread out of the swelling";
  EXPECT_GT(stillThere, 25.0) << "in ten minutes, most of it should still be there";
  // Given long enough, the fluid per area of skin is the same everywhere.
  fluid.spread(2e7, 1e-6);
  double least = 1e30, most = 0;
  for (size_t i = 0; i < skin.size(); ++i) {
    if (skin.areas[i] <= 0) continue;
    least = std::min(least, fluid.excess()[i] / skin.areas[i]);
    most = std::max(most, fluid.excess()[i] / skin.areas[i]);
  }
  EXPECT_LT(most / least, 1.05);
  EXPECT_NEAR(fluid.held(), 50.0, 50.0 * 1e-9);
}

TEST(TissueFluid, NaturalDrainageHalvesTheFluidInItsHalfLifeAndCountsWhatLeft) {
  TissueFluid fluid(skinGraph(limb()));
  fluid.setExcess(std::vector<double>(fluid.skin().size(), 0.1), "test");
  const double start = fluid.held();
  const double rate = 1e-4;  // per second
  fluid.drainNaturally(std::log(2.0) / rate, rate);
  EXPECT_NEAR(fluid.held(), start / 2, start * 1e-9);
  EXPECT_NEAR(fluid.held() + fluid.drained(), start, start * 1e-12);
}

TEST(TissueFluid, ASwellingOfTheWrongShapeOrSignIsRefused) {
  TissueFluid fluid(skinGraph(limb()));
  EXPECT_THROW(fluid.setExcess({1.0, 2.0}, "condition.json"), InputError);
  std::vector<double> negative(fluid.skin().size(), 0.0);
  negative[3] = -1.0;
  try {
    fluid.setExcess(negative, "condition.json");
    FAIL() << "a negative amount was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("vertex 3"), std::string::npos) << e.what();
  }
  EXPECT_EQ(fluid.held(), 0.0);  // the fluid before stays
}

}  // namespace
}  // namespace legatlas::simulation
