#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "anatomy/model_generator.h"
#include "anatomy/tissue_map.h"
#include "core/error.h"
#include "geometry/primitives.h"

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

  const std::string badClosed = errorOf(R"({"tissues": [{"match": "A", "id": "a", "layer": "bones", "closed": "yes"}]})");
  EXPECT_NE(badClosed.find("tissues[0].closed"), std::string::npos) << badClosed;
  EXPECT_NE(badClosed.find("true or false"), std::string::npos) << badClosed;

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

namespace {
// A muscle, a lymph vessel and a node, each with the anatomy a map may carry.
const char* kAnatomyMap = R"({
  "tissues": [
    {"match": "RF", "id": "rectus_femoris", "layer": "superficial_muscles",
     "origin": {"point": [0.04, 0.03, 0.05], "area": "anterior inferior iliac spine"},
     "insertion": {"point": [0.0, -0.45, 0.06]}},
    {"match": "VM1", "id": "ventromedial_01", "layer": "lymph",
     "path": [[-0.05, -0.87, 0.16], [-0.06, -0.5, 0.08], [-0.047, -0.088, 0.049]], "flows_to": "inguinal_vertical_4"},
    {"match": "IV4", "id": "inguinal_vertical_4", "layer": "lymph", "flows_to": "deep_inguinal"}
  ]
})";

std::string anatomyErrorOf(const std::string& fields) {
  return errorOf(R"({"tissues": [{"match": "A", "id": "a", "layer": "lymph", )" + fields + "}]}");
}
}  // namespace

TEST(TissueMap, ReadsAttachmentsPathsAndFlowTargets) {
  const TissueMap map = TissueMap::parse(kAnatomyMap, "map.json");
  const auto& muscle = map.entries()[0].anatomy;
  ASSERT_TRUE(muscle.origin && muscle.insertion);
  EXPECT_FLOAT_EQ(muscle.origin->point.z, 0.05f);
  EXPECT_EQ(muscle.origin->area, "anterior inferior iliac spine");
  EXPECT_FLOAT_EQ(muscle.insertion->point.y, -0.45f);
  EXPECT_EQ(muscle.insertion->area, "");
  EXPECT_TRUE(muscle.path.empty());

  const auto& vessel = map.entries()[1].anatomy;
  ASSERT_EQ(vessel.path.size(), 3u);
  EXPECT_FLOAT_EQ(vessel.path.back().y, -0.088f);
  EXPECT_EQ(vessel.flowsTo, "inguinal_vertical_4");
  EXPECT_FALSE(vessel.origin.has_value());

  EXPECT_EQ(map.entries()[2].anatomy.flowsTo, "deep_inguinal");
  EXPECT_TRUE(TissueMap::parse(kMap, "map.json").entries()[0].anatomy.empty());
}

// What the generator writes, the map reads back unchanged.
TEST(TissueMap, GeneratedMapRoundTripsAnatomy) {
  namespace anatomy = legatlas::anatomy;
  anatomy::GeneratedModel model;
  anatomy::GeneratedTissue muscle;
  muscle.entry = {{"m"}, "m", "Muscle", Layer::SuperficialMuscle, std::nullopt, {{"Action", "flexes"}}};
  muscle.entry.anatomy.origin = anatomy::AttachmentSite{{0.01f, 0.02f, 0.03f}, "upper end"};
  muscle.entry.anatomy.insertion = anatomy::AttachmentSite{{-0.01f, -0.4f, 0.05f}, ""};
  muscle.mesh = legatlas::geometry::makeEllipsoid({0, -0.2f, 0}, {0.02f, 0.2f, 0.02f}, 6, 8);
  anatomy::GeneratedTissue vessel;
  vessel.entry = {{"v"}, "v", "Vessel", Layer::Lymph, std::nullopt, {}};
  vessel.entry.anatomy.path = {{0, -0.8f, 0.1f}, {0.001f, -0.5f, 0.08f}, {0, -0.1f, 0.05f}};
  vessel.entry.anatomy.flowsTo = "node";
  vessel.mesh = muscle.mesh;
  muscle.entry.closed = true;
  model.tissues = {muscle, vessel};

  const auto dir = std::filesystem::temp_directory_path() / ("legatlas_map_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  anatomy::writeGeneratedModel(model, (dir / "m.glb").string());
  const TissueMap map = TissueMap::load((dir / "m.tissues.json").string());
  std::filesystem::remove_all(dir);

  ASSERT_EQ(map.entries().size(), 2u);
  const auto& readMuscle = map.entries()[0].anatomy;
  ASSERT_TRUE(readMuscle.origin && readMuscle.insertion);
  EXPECT_EQ(readMuscle.origin->point, muscle.entry.anatomy.origin->point);
  EXPECT_EQ(readMuscle.origin->area, "upper end");
  EXPECT_EQ(readMuscle.insertion->point, muscle.entry.anatomy.insertion->point);
  EXPECT_TRUE(readMuscle.path.empty());
  EXPECT_TRUE(readMuscle.flowsTo.empty());
  EXPECT_TRUE(map.entries()[0].closed);
  EXPECT_FALSE(map.entries()[1].closed);
  const auto& readVessel = map.entries()[1].anatomy;
  EXPECT_EQ(readVessel.path, vessel.entry.anatomy.path);
  EXPECT_EQ(readVessel.flowsTo, "node");
  EXPECT_FALSE(readVessel.origin.has_value());
}

TEST(TissueMap, MalformedAnatomyNamesTheField) {
  const struct {
    std::string fields, place, reason;
  } cases[] = {
      {R"("origin": {"point": [0.1, 0.2]})", "tissues[0].origin.point", "three numbers"},
      {R"("origin": {"point": [0.1, 0.2, 0.3, 0.4]})", "tissues[0].origin.point", "three numbers"},
      {R"("origin": "AIIS")", "tissues[0].origin", "expected an object"},
      {R"("insertion": {"area": "tuberosity"})", "tissues[0].insertion.point", "missing"},
      {R"("insertion": {"point": [0, "-0.4", 0]})", "tissues[0].insertion.point[1]", "expected a number"},
      {R"("origin": {"point": [0, 0, 0], "area": 3})", "tissues[0].origin.area", "expected text"},
      {R"("path": [[0, 0, 0]])", "tissues[0].path", "at least two points"},
      {R"("path": {"from": [0, 0, 0]})", "tissues[0].path", "expected a list"},
      {R"("path": [[0, 0, 0], [0, 1]])", "tissues[0].path[1]", "three numbers"},
      {R"("flows_to": 7)", "tissues[0].flows_to", "expected text"},
      {R"("flows_to": "")", "tissues[0].flows_to", "empty id"},
  };
  for (const auto& c : cases) {
    const std::string message = anatomyErrorOf(c.fields);
    EXPECT_NE(message.find("map.json: " + c.place + ":"), std::string::npos) << c.fields << " -> " << message;
    EXPECT_NE(message.find(c.reason), std::string::npos) << c.fields << " -> " << message;
  }
}
