// The client lies on the table: the table's top is under the body in every position, the
// feet hang off its end when prone, and the arrow on it points toward the heart.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "built_leg.h"
#include "technique/treatment_table.h"

namespace legatlas::technique {
namespace {

std::vector<glm::vec3> skinPoints() {
  std::vector<glm::vec3> points;
  const scene::Scene& scene = testing::builtLeg().scene();
  for (const scene::SceneMesh& m : scene.meshes)
    if (m.detail == 0 && scene.tissues[m.tissueIndex].layer == anatomy::Layer::Skin)
      for (size_t i = 0; i < m.mesh.positions.size(); i += 7) points.push_back(m.mesh.positions[i]);
  return points;
}

// The table's top: the highest of its points along the room's up.
float tableTop(const TableSetting& t) {
  float top = -1e9f;
  for (const glm::vec3& p : t.table.positions) top = std::max(top, glm::dot(p, t.up));
  return top;
}

TEST(TreatmentTable, TheLegLiesOnTheTableInEveryPosition) {
  const std::vector<glm::vec3> leg = skinPoints();
  ASSERT_GT(leg.size(), 1000u);
  for (ClientPosition position : {ClientPosition::Supine, ClientPosition::Prone, ClientPosition::SideLying}) {
    const TableSetting t = setTable(position, leg);
    const float top = tableTop(t);
    float lowest = 1e9f;
    for (const glm::vec3& p : leg) {
      if (position == ClientPosition::Prone && p.y < -0.8f) continue;  // the feet hang over the end
      lowest = std::min(lowest, glm::dot(p, t.up));
    }
    EXPECT_GE(lowest, top) << clientPositionId(position) << ": the leg sinks into the table";
    EXPECT_LT(lowest - top, 0.01f) << clientPositionId(position) << ": the leg floats above the table";
    geometry::Bounds box = t.table.bounds();
    EXPECT_GT(box.size().y, 0.9f) << "the table runs the length of the client";
    EXPECT_GT(t.heartArrowDirection.y, 0.99f) << "toward the heart, up the body";
    EXPECT_NEAR(glm::dot(t.heartArrowTip, t.up), top, 0.01f) << "the arrow lies on the table";
  }
  EXPECT_EQ(roomUp(ClientPosition::Supine), glm::vec3(0, 0, 1)) << "the front faces the ceiling";
  EXPECT_EQ(roomUp(ClientPosition::Prone), glm::vec3(0, 0, -1));
  EXPECT_EQ(roomUp(ClientPosition::SideLying), glm::vec3(1, 0, 0)) << "the treated right side uppermost";
  EXPECT_GT(setTable(ClientPosition::Prone, leg).table.bounds().min.y, -0.85f) << "prone feet hang off the end";
}

}  // namespace
}  // namespace legatlas::technique
