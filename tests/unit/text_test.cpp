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
