// The collectors as a chain of stretches to their nodes: a full stretch nearer the nodes
// holds back the ones below it, nodes open under work and close slowly after, and the
// knee's chain passes its lymph into the groin's at the knee's height.
#include <gtest/gtest.h>

#include "simulation/lymph_collectors.h"

namespace legatlas::simulation {
namespace {

// Skin points every centimetre up a limb from y = -0.8 (the sole) to y = 0 (the groin);
// those below the knee (y < -0.4) at the back drain to the knee's nodes.
struct Limb {
  std::vector<glm::vec3> skin;
  std::vector<int> territory;
};

Limb limb() {
  Limb l;
  for (int i = 0; i <= 80; ++i) {
    const float y = -0.8f + 0.01f * float(i);
    l.skin.emplace_back(0.0f, y, 0.05f);  // front: to the groin
    l.territory.push_back(0);
    if (y < -0.4f) {
      l.skin.emplace_back(0.0f, y, -0.05f);  // back of the calf: to the knee
      l.territory.push_back(1);
    }
  }
  return l;
}

std::vector<NodeGroup> groinAndKnee() {
  return {{"superficial_inguinal", {glm::vec3(0.0f, 0.0f, 0.03f)}}, {"popliteal", {glm::vec3(0.0f, -0.4f, -0.04f)}}};
}

int stretchAt(const LymphCollectors& c, const Limb& l, float y, int territory) {
  for (size_t v = 0; v < l.skin.size(); ++v)
    if (l.territory[v] == territory && std::abs(l.skin[v].y - y) < 0.005f) return c.stretchOf(v);
  return -1;
}

TEST(LymphCollectors, StretchesCountFromTheNodesDown) {
  const Limb l = limb();
  LymphCollectors c(groinAndKnee(), l.skin, l.territory);
  EXPECT_EQ(stretchAt(c, l, -0.05f, 0), 0);
  EXPECT_EQ(stretchAt(c, l, -0.75f, 0), 7);
  EXPECT_EQ(stretchAt(c, l, -0.45f, 1), stretchAt(c, l, -0.75f, 1) - 3) << "the knee's own chain";
  EXPECT_NE(stretchAt(c, l, -0.45f, 1), stretchAt(c, l, -0.45f, 0));
}

TEST(LymphCollectors, AFullStretchNearerTheNodesHoldsBackTheOnesBelow) {
  const Limb l = limb();
  LymphCollectors jammed(groinAndKnee(), l.skin, l.territory), cleared(groinAndKnee(), l.skin, l.territory);
  jammed.fill(1.0);
  cleared.fill(1.0);
  // Clear the groin's chain above the ankle's stretch in one of them.
  const int ankle = stretchAt(cleared, l, -0.75f, 0);
  for (int s = stretchAt(cleared, l, -0.05f, 0); s < ankle; ++s) cleared.setHeld(s, 0.0);
  const std::vector<double> none(jammed.stretchCount(), 0.0), noNodes(2, 0.0);
  for (int i = 0; i < 60; ++i) {
    jammed.flow(1.0, none, noNodes);
    cleared.flow(1.0, none, noNodes);
  }
  EXPECT_GT(jammed.room(ankle), -1.0);
  EXPECT_LT(jammed.room(ankle), 0.05) << "nothing above had room";
  EXPECT_GT(cleared.room(ankle), 0.5) << "the stretch above took the ankle's lymph";
}

TEST(LymphCollectors, NodesOpenUnderWorkAndCloseSlowlyAfter) {
  const Limb l = limb();
  LymphCollectors c(groinAndKnee(), l.skin, l.territory);
  c.fill(1.0);
  const std::vector<double> none(c.stretchCount(), 0.0);
  c.flow(60.0, none, {0.0, 0.0});
  const double closedLeft = c.leftTheLeg();
  for (int i = 0; i < 120; ++i) c.flow(1.0, none, {1.0, 0.0});
  const double opened = c.nodesOpen()[0];
  EXPECT_GT(opened, 0.8);
  EXPECT_EQ(c.nodesOpen()[1], 0.0) << "the knee's nodes were not worked";
  const double before = c.leftTheLeg();
  c.flow(60.0, none, {0.0, 0.0});
  EXPECT_GT(c.leftTheLeg() - before, 4.0 * closedLeft) << "open nodes let far more through";
  c.flow(1800.0, none, {0.0, 0.0});
  EXPECT_LT(c.nodesOpen()[0], 0.5 * opened);
  EXPECT_GT(c.nodesOpen()[0], 0.05 * opened) << "they close over a quarter hour or so, not at once";
}

TEST(LymphCollectors, TheKneesLymphPassesIntoTheGroinsChain) {
  const Limb l = limb();
  LymphCollectors c(groinAndKnee(), l.skin, l.territory);
  const int knee = stretchAt(c, l, -0.45f, 1);
  const int groinAtKnee = stretchAt(c, l, -0.41f, 0);
  c.receive(knee, 5.0);
  const std::vector<double> none(c.stretchCount(), 0.0);
  c.flow(600.0, none, {0.0, 1.0});
  EXPECT_LT(c.leftTheLeg(), 0.5) << "the groin's nodes stayed closed";
  EXPECT_GT(c.room(knee), 0.9) << "the knee's open nodes passed it on";
  double inGroinChain = 0;
  for (int s = 0; s <= groinAtKnee; ++s) inGroinChain += (1.0 - c.room(s)) * 6.0;
  EXPECT_GT(inGroinChain, 2.0);
  EXPECT_NEAR(c.held() + c.leftTheLeg(), 5.0, 1e-9);
}

}  // namespace
}  // namespace legatlas::simulation
