#include "technique/lymph_flow.h"

#include <gtest/gtest.h>

#include <cmath>
#include <glm/geometric.hpp>
#include <limits>
#include <random>

namespace legatlas::technique {
namespace {

const glm::vec3 kFacingFront(0, 0, 1);  // a skin normal: the flow lies in the x-y plane

// A vessel up the leg (+y) at x = 0, draining to the inguinal nodes.
DrainagePath upTheLeg() { return {{{0, -0.4f, 0}, {0, -0.2f, 0}, {0, 0, 0}, {0, 0.2f, 0}}, "inguinal"}; }

TEST(LymphFlow, RunsAlongTheVesselBesideIt) {
  const LymphFlowField field({upTheLeg()});
  const glm::vec3 flow = field.at({0.01f, -0.1f, 0}, kFacingFront);
  EXPECT_NEAR(flow.y, 1.0f, 1e-4f);
  EXPECT_NEAR(glm::length(flow), 1.0f, 1e-5f);
  EXPECT_EQ(field.territories().at(field.territoryAt({0.01f, -0.1f, 0})), "inguinal");
}

TEST(LymphFlow, BlendsTwoVesselsBetweenThem) {
  // A second vessel 4 cm to the side runs across (+x): halfway, both weigh the same.
  const DrainagePath across{{{-0.3f, -0.1f, 0.04f}, {0.3f, -0.1f, 0.04f}}, "popliteal"};
  const LymphFlowField field({upTheLeg(), across});
  const glm::vec3 flow = field.at({0.0f, -0.1f, 0.02f}, glm::vec3(0, 0, 0));
  EXPECT_NEAR(flow.x, flow.y, 1e-4f);
  EXPECT_GT(flow.x, 0.7f);
  // Nearer the first vessel, its direction weighs more.
  const glm::vec3 nearer = field.at({0.0f, -0.1f, 0.01f}, glm::vec3(0, 0, 0));
  EXPECT_GT(nearer.y, nearer.x);
}

TEST(LymphFlow, PullsPerLengthOfVesselNotPerPointOfItsPath) {
  // The same two vessels as above, the first now drawn with a point every millimetre: the
  // blend halfway between them must not lean toward the one with more points.
  DrainagePath dense{{}, "inguinal"};
  for (int i = 0; i <= 600; ++i) dense.path.push_back({0, -0.4f + 0.001f * float(i), 0});
  const DrainagePath across{{{-0.3f, -0.1f, 0.04f}, {0.3f, -0.1f, 0.04f}}, "popliteal"};
  const glm::vec3 flow = LymphFlowField({dense, across}).at({0.0f, -0.1f, 0.02f}, glm::vec3(0, 0, 0));
  EXPECT_NEAR(flow.x, flow.y, 0.02f);
}

TEST(LymphFlow, FarFromEveryVesselFollowsTheNearestOne) {
  const DrainagePath down{{{0.5f, 0.2f, 0}, {0.5f, -0.4f, 0}}, "elsewhere"};
  const LymphFlowField field({upTheLeg(), down});
  const glm::vec3 flow = field.at({-0.3f, 0.0f, 0}, kFacingFront);  // 30 cm from the first
  EXPECT_NEAR(flow.y, 1.0f, 1e-4f);
  EXPECT_EQ(field.territories().at(field.territoryAt({-0.3f, 0.0f, 0})), "inguinal");
  EXPECT_EQ(field.territories().at(field.territoryAt({0.9f, 0.0f, 0})), "elsewhere");
}

TEST(LymphFlow, EmptyWithoutVesselsOrWithOnlyBrokenOnes) {
  const LymphFlowField none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.at({0, 0, 0}, kFacingFront), glm::vec3(0.0f));
  EXPECT_EQ(none.territoryAt({0, 0, 0}), -1);
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  const LymphFlowField broken({{{{0, 0, 0}, {nan, 0, 0}, {0, inf, 0}}, "inguinal"}, {{{1, 1, 1}, {1, 1, 1}}, "x"}});
  EXPECT_TRUE(broken.empty());
  EXPECT_EQ(broken.at({0, 0, 0}, kFacingFront), glm::vec3(0.0f));
}

TEST(LymphFlow, VesselsSpreadOverAHugeModelStillGiveAField) {
  // A model in the wrong units puts its vessels kilometres apart: the field must still be
  // built in bounded memory and answer near each of them.
  const DrainagePath far{{{5000, 0, 0}, {5000, 100, 0}}, "far"};
  const LymphFlowField field({upTheLeg(), far});
  EXPECT_NEAR(field.at({0.01f, 0, 0}, kFacingFront).y, 1.0f, 1e-4f);
  EXPECT_NEAR(field.at({5000.01f, 50, 0}, kFacingFront).y, 1.0f, 1e-4f);
  EXPECT_EQ(field.territories().at(field.territoryAt({5000.01f, 50, 0})), "far");
}

// A vessel's path again at equal steps of at most 1 cm, by arc length.
std::vector<glm::vec3> resampled(const std::vector<glm::vec3>& path) {
  std::vector<float> along{0.0f};
  for (size_t i = 1; i < path.size(); ++i) along.push_back(along.back() + glm::length(path[i] - path[i - 1]));
  const int steps = static_cast<int>(std::ceil(along.back() / 0.01f));
  std::vector<glm::vec3> points;
  for (int k = 0; k <= steps; ++k) {
    const float s = along.back() * float(k) / float(steps);
    size_t i = 1;
    while (i + 1 < path.size() && along[i] < s) ++i;
    points.push_back(glm::mix(path[i - 1], path[i], glm::clamp((s - along[i - 1]) / (along[i] - along[i - 1]), 0.0f, 1.0f)));
  }
  return points;
}

// The definition the field implements, by looking at every segment of the resampled
// vessels: weights exp(-(d / 3 cm)^2) of the segments within 9 cm, summed in the plane
// of the skin.
glm::vec3 flowByEverySegment(const std::vector<DrainagePath>& vessels, const glm::vec3& p, const glm::vec3& normal) {
  glm::vec3 sum(0.0f);
  for (const DrainagePath& v : vessels) {
    const std::vector<glm::vec3> path = resampled(v.path);
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      const glm::vec3 a = path[i], ab = path[i + 1] - a;
      const float t = glm::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
      const float d = glm::length(p - (a + t * ab));
      if (d < 0.09f) sum += glm::normalize(ab) * std::exp(-(d / 0.03f) * (d / 0.03f));
    }
  }
  sum -= normal * glm::dot(sum, normal);
  return glm::length(sum) < 1e-3f ? glm::vec3(0.0f) : glm::normalize(sum);
}

TEST(LymphFlow, AgreesWithTheSumOverEverySegment) {
  // A bundle of winding vessels like the leg's; the field only reads the segments listed
  // for a point's cell, so any segment it misses would show here.
  std::mt19937 random(5);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  std::vector<DrainagePath> vessels;
  for (int v = 0; v < 12; ++v) {
    DrainagePath vessel{{}, v % 2 ? "popliteal" : "inguinal"};
    glm::vec3 p(0.12f * unit(random), -0.8f, 0.12f * unit(random));
    for (int i = 0; i < 40; ++i, p += glm::vec3(0.01f * unit(random), 0.02f + 0.01f * unit(random), 0.01f * unit(random)))
      vessel.path.push_back(p);
    vessels.push_back(vessel);
  }
  const LymphFlowField field(vessels);
  int compared = 0;
  for (int n = 0; n < 2000; ++n) {
    const glm::vec3 p(0.25f * unit(random), -0.8f + 0.5f * (unit(random) + 1.0f), 0.25f * unit(random));
    const glm::vec3 normal = glm::normalize(glm::vec3(p.x, 0, p.z) + glm::vec3(1e-3f, 0, 0));
    const glm::vec3 expected = flowByEverySegment(vessels, p, normal);
    if (glm::length(expected) == 0.0f) continue;  // the nearest-vessel fallback, tested above
    const glm::vec3 flow = field.at(p, normal);
    EXPECT_NEAR(glm::length(flow - expected), 0.0f, 1e-4f) << "at " << p.x << ", " << p.y << ", " << p.z;
    ++compared;
  }
  EXPECT_GT(compared, 500);
}

}  // namespace
}  // namespace legatlas::technique
