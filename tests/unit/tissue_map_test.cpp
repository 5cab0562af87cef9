#include <gtest/gtest.h>

#include "anatomy/tissue_map.h"
#include "core/error.h"

using legatlas::InputError;
using legatlas::anatomy::Layer;
using legatlas::anatomy::TissueMap;

namespace {
const char* kMap = R"({
  "model": {"units": "cm", "up": "+Z", "front": "-Y"},
  "tissues": [
    {"match": "Skin*", "id": "skin", "name": "Skin", "layer": "skin"},
    {"match": ["RF_*", "*rectus*"], "id": "rectus_femoris", "name": "Rectus femoris",
     "layer": "superficial_muscles", "color": [0.8, 0.2, 0.2],
     "facts": {"Origin": "AIIS", "Insertion": "tibial tuberosity"}},
    {"match": "*", "id": "other", "layer": "unassigned"}
  ]
})";

std::string errorOf(const std::string& json) {
  try {
    TissueMap::parse(json, "map.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(TissueMap, FirstMatchingEntryWinsOnNodeOrMeshName) {
  const TissueMap map = TissueMap::parse(kMap, "map.json");
  ASSERT_EQ(map.entries().size(), 3u);
  EXPECT_EQ(map.match("SkinOuter", "mesh0")->id, "skin");
  EXPECT_EQ(map.match("node", "Left_Rectus_Femoris")->id, "rectus_femoris");
  EXPECT_EQ(map.match("RF_belly", "")->layer, Layer::SuperficialMuscle);
  EXPECT_EQ(map.match("Femur", "")->id, "other");
}

TEST(TissueMap, KeepsFactsInOrderAndColour) {
  const TissueMap map = TissueMap::parse(kMap, "map.json");
  const auto* rf = map.match("RF_x", "");
  ASSERT_EQ(rf->facts.size(), 2u);
  EXPECT_EQ(rf->facts[0].label, "Origin");
  EXPECT_EQ(rf->facts[1].text, "tibial tuberosity");
  ASSERT_TRUE(rf->color.has_value());
  EXPECT_FLOAT_EQ(rf->color->x, 0.8f);
}

TEST(TissueMap, ReadsModelFrameHint) {
  const TissueMap map = TissueMap::parse(kMap, "map.json");
  EXPECT_FLOAT_EQ(*map.frameHint().metresPerUnit, 0.01f);
  EXPECT_EQ(*map.frameHint().up, "+z");
  EXPECT_EQ(*map.frameHint().front, "-y");
}

TEST(TissueMap, NoEntryMatchesGivesNull) {
  const TissueMap map = TissueMap::parse(R"({"tissues": [{"match": "A", "id": "a", "layer": "bones"}]})", "m.json");
  EXPECT_EQ(map.match("B", "C"), nullptr);
}

TEST(TissueMap, ErrorsNameFileFieldAndFix) {
  const std::string badLayer = errorOf(R"({"tissues": [{"match": "A", "id": "a", "layer": "muscle"}]})");
  EXPECT_NE(badLayer.find("map.json"), std::string::npos);
  EXPECT_NE(badLayer.find("tissues[0].layer"), std::string::npos);
  EXPECT_NE(badLayer.find("superficial_muscles"), std::string::npos) << badLayer;

  const std::string missingId = errorOf(R"({"tissues": [{"match": "A", "layer": "bones"}]})");
  EXPECT_NE(missingId.find("tissues[0].id"), std::string::npos) << missingId;

  const std::string badColor = errorOf(R"({"tissues": [{"match": "A", "id": "a", "layer": "bones", "color": [2, 0, 0]}]})");
  EXPECT_NE(badColor.find("tissues[0].color[0]"), std::string::npos) << badColor;

  const std::string badJson = errorOf("{\n  \"tissues\": [\n    {\"match\": }\n  ]\n}");
  EXPECT_NE(badJson.find("line 3"), std::string::npos) << badJson;

  EXPECT_NE(errorOf("").find("empty"), std::string::npos);
  EXPECT_NE(errorOf("[1, 2]").find("top level"), std::string::npos);
  EXPECT_NE(errorOf(std::string(100, '[') + std::string(100, ']')).find("nested"), std::string::npos);
}

TEST(TissueMap, MissingFileNamesIt) {
  try {
    TissueMap::load("/nonexistent/map.json");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "/nonexistent/map.json");
    EXPECT_EQ(e.reason(), "file not found");
  }
}
