// What strokes do to a swelling, on a limb-shaped surface with one lymph vessel up its
// front to the groin: fluid is conserved, a very light hand opens the lymphatics more
// than a firm one, and a stroke toward the foot pushes fluid where it cannot leave.
#include <gtest/gtest.h>

#include "geometry/primitives.h"
#include "simulation/edema_model.h"

namespace legatlas::simulation {
namespace {

// A leg-sized ellipsoid, the foot at y = -0.3 and the groin at y = +0.3.
geometry::Mesh limb() { return geometry::makeEllipsoid(glm::vec3(0.0f), glm::vec3(0.06f, 0.3f, 0.06f), 48, 48); }

technique::LymphFlowField vesselUpTheFront() {
  technique::DrainagePath vessel;
  for (int i = 0; i <= 20; ++i) {
    const float y = -0.28f + 0.56f * float(i) / 20.0f;
    const float r = 0.06f * std::sqrt(std::max(0.0f, 1.0f - (y / 0.3f) * (y / 0.3f)));
    vessel.path.emplace_back(0.0f, y, r);
  }
  vessel.drainsTo = "superficial_inguinal";
  return technique::LymphFlowField({vessel});
}

// The groin's nodes at the top of the limb.
std::vector<NodeGroup> nodesAtTheTop() { return {{"superficial_inguinal", {glm::vec3(0.0f, 0.3f, 0.02f)}}}; }

EdemaModel swollenLimb() { return EdemaModel(skinGraph(limb()), vesselUpTheFront(), nodesAtTheTop()); }

// Swelling of the lower third: 40 ml spread evenly over the skin below y = -0.1.
void swellLowerLeg(EdemaModel& model) {
  const SkinGraph& skin = model.fluid().skin();
  double area = 0;
  for (size_t i = 0; i < skin.size(); ++i)
    if (skin.positions[i].y < -0.1f) area += skin.areas[i];
  std::vector<double> ml(skin.size(), 0.0);
  for (size_t i = 0; i < skin.size(); ++i)
    if (skin.positions[i].y < -0.1f) ml[i] = 40.0 * skin.areas[i] / area;
  model.fluid().setExcess(ml, "test");
}

double below(const EdemaModel& model, float y) {
  double ml = 0;
  for (size_t i = 0; i < model.fluid().skin().size(); ++i)
    if (model.fluid().skin().positions[i].y < y) ml += model.fluid().excess()[i];
  return ml;
}

// Strokes along the front, up (toward the groin) or down, 2 s each at 10 samples a second.
void stroke(EdemaModel& model, bool up, technique::Pressure pressure, int strokes) {
  for (int s = 0; s < strokes; ++s) {
    for (int i = 0; i < 20; ++i) {
      const float t = float(i) / 19.0f;
      const float y = up ? -0.25f + 0.2f * t : -0.05f - 0.2f * t;
      const float r = 0.06f * std::sqrt(1.0f - (y / 0.3f) * (y / 0.3f));
      HandContact hand{{0.0f, y, r}, {0.0f, up ? 1.0f : -1.0f, 0.0f}, 0.04f, pressure, 0.2f / 19.0f};
      model.advance(0.1, &hand);
    }
  }
}

TEST(EdemaModel, EveryMillilitreIsAccountedFor) {
  EdemaModel model = swollenLimb();
  swellLowerLeg(model);
  stroke(model, true, technique::Pressure::VeryLight, 20);
  stroke(model, false, technique::Pressure::Firm, 5);
  model.advance(600.0, nullptr);
  EXPECT_NEAR(model.accounted(), 40.0, 40.0 * 0.001);
  EXPECT_GT(model.takenUp(), 0.0);
  EXPECT_LT(model.fluid().held(), 40.0);
}

TEST(EdemaModel, AVeryLightHandOpensTheLymphaticsMoreThanAFirmOne) {
  EdemaModel light = swollenLimb(), firm = swollenLimb();
  swellLowerLeg(light);
  swellLowerLeg(firm);
  stroke(light, true, technique::Pressure::VeryLight, 10);
  stroke(firm, true, technique::Pressure::Firm, 10);
  EXPECT_GT(light.takenUp(), 2.0 * firm.takenUp()) << light.takenUp() << " ml vs " << firm.takenUp() << " ml";
}

TEST(EdemaModel, AStrokeTowardTheFootRaisesTheExcessThere) {
  EdemaModel down = swollenLimb(), up = swollenLimb();
  swellLowerLeg(down);
  swellLowerLeg(up);
  const double footBefore = below(down, -0.2f);
  stroke(down, false, technique::Pressure::Light, 10);
  stroke(up, true, technique::Pressure::Light, 10);
  EXPECT_GT(below(down, -0.2f), footBefore) << "pushed toward the foot";
  EXPECT_LT(below(up, -0.2f), footBefore) << "drained toward the groin";
}

}  // namespace
}  // namespace legatlas::simulation
