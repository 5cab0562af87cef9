#include <gtest/gtest.h>

#include "core/text.h"

using legatlas::globMatch;

TEST(GlobMatch, LiteralAndCaseInsensitive) {
  EXPECT_TRUE(globMatch("Skin", "skin"));
  EXPECT_FALSE(globMatch("Skin", "Skins"));
}

TEST(GlobMatch, StarAndQuestionMark) {
  EXPECT_TRUE(globMatch("Muscle_*", "Muscle_Rectus"));
  EXPECT_TRUE(globMatch("*femoris*", "rectus_femoris_left"));
  EXPECT_TRUE(globMatch("node_?", "node_7"));
  EXPECT_FALSE(globMatch("node_?", "node_12"));
  EXPECT_FALSE(globMatch("Muscle_*", "Bone_Femur"));
  EXPECT_TRUE(globMatch("*", ""));
}

namespace legatlas {
namespace {

TEST(NearestName, SuggestsOnlyNearMisses) {
  const std::vector<std::string> names{"gliding", "kneading", "thumb_stroke"};
  EXPECT_EQ(nearestName("glidng", names), "gliding");
  EXPECT_EQ(nearestName("Kneeding", names), "kneading");
  EXPECT_EQ(nearestName("massage", names), "");
  EXPECT_EQ(joinAsChoices({"a", "b", "c"}), "a, b or c");
  EXPECT_EQ(joinAsChoices({"a"}), "a");
}

}  // namespace
}  // namespace legatlas
