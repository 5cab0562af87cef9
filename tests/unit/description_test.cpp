#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <glm/geometric.hpp>
#include <functional>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "anatomy/description.h"
#include "core/error.h"

namespace fs = std::filesystem;
using legatlas::InputError;
using legatlas::anatomy::Description;
using legatlas::anatomy::loadDescription;

namespace {

const std::string kBuiltIn = std::string(LEGATLAS_SOURCE_DIR) + "/assets/anatomy";

const Description& builtIn() {
  static const Description description = loadDescription(kBuiltIn);
  return description;
}

}  // namespace

// Every muscle named in the anatomy reference must be described.
TEST(Description, HasEveryMuscleOfTheReference) {
  for (const char* id : {"gluteus_maximus", "tensor_fasciae_latae", "sartorius", "rectus_femoris", "vastus_lateralis",
                         "vastus_medialis", "vastus_intermedius", "adductor_longus", "adductor_magnus", "gracilis",
                         "pectineus", "biceps_femoris_long_head", "biceps_femoris_short_head", "semitendinosus",
                         "semimembranosus", "gastrocnemius_medial_head", "gastrocnemius_lateral_head", "soleus",
                         "plantaris", "popliteus", "tibialis_anterior", "extensor_digitorum_longus",
                         "extensor_hallucis_longus", "fibularis_longus", "fibularis_brevis", "tibialis_posterior",
                         "flexor_digitorum_longus", "flexor_hallucis_longus"}) {
    const auto* muscle = builtIn().findMuscle(id);
    ASSERT_NE(muscle, nullptr) << id;
    EXPECT_FALSE(muscle->action.empty()) << id;
    EXPECT_FALSE(muscle->massageNotes.empty()) << id;
    EXPECT_GE(muscle->profile.size(), 5u) << id;
  }
  std::set<std::string> tendons;
  for (const auto& t : builtIn().tendons) tendons.insert(t.id);
  for (const char* id : {"iliotibial_tract", "calcaneal_tendon", "patellar_ligament", "quadriceps_tendon"}) {
    EXPECT_TRUE(tendons.count(id)) << id;
  }
}

TEST(Description, NodeGroupsHaveTheirTextbookCounts) {
  std::map<std::string, int> groups;
  for (const auto& n : builtIn().nodes) ++groups[n.group];
  EXPECT_GE(groups["popliteal"], 5);
  EXPECT_LE(groups["popliteal"], 7);
  const int superficialInguinal = groups["superficial_inguinal_horizontal"] + groups["superficial_inguinal_vertical"];
  EXPECT_GE(superficialInguinal, 8);
  EXPECT_LE(superficialInguinal, 10);
  EXPECT_GE(groups["superficial_inguinal_horizontal"], 1);
  EXPECT_GE(groups["deep_inguinal"], 1);
  EXPECT_LE(groups["deep_inguinal"], 3);
  for (const auto& n : builtIn().nodes) {
    const float length = 2.0f * std::max({n.radii.x, n.radii.y, n.radii.z});
    EXPECT_GE(length, 0.005f) << n.id;
    EXPECT_LE(length, 0.020f) << n.id;
  }
}

// Vessels are written in the direction of flow: each ends at its node, above where it began
// on the limb, below where it began on the lower abdominal wall.
TEST(Description, LymphVesselsFlowUpToTheirNodes) {
  std::map<std::string, int> bundles;
  const float ligament = builtIn().findLandmark("inguinal_ligament_mid")->position.y;
  for (const auto& v : builtIn().vessels) {
    ++bundles[v.bundle];
    const auto* node = builtIn().findNode(v.endsAt);
    ASSERT_NE(node, nullptr) << v.id;
    EXPECT_LT(glm::distance(v.path.back(), node->position), 0.03f) << v.id << " does not reach " << v.endsAt;
    if (v.path.front().y > ligament + 0.05f) {
      EXPECT_LT(v.path.back().y, v.path.front().y) << v.id << " drains up, across the watershed";
    } else if (v.bundle != "lower_trunk") {
      EXPECT_GT(v.path.back().y, v.path.front().y) << v.id << " flows downward";
    }
  }
  EXPECT_GE(bundles["lower_trunk"], 3) << "the lower abdominal wall and the buttock drain to the groin too";
  EXPECT_GE(bundles["ventromedial"], 8);
  EXPECT_GE(bundles["dorsolateral"], 3);
  EXPECT_GE(bundles["deep"], 1);
  for (const auto& v : builtIn().vessels) {
    if (v.bundle == "dorsolateral") { EXPECT_EQ(builtIn().findNode(v.endsAt)->group, "popliteal") << v.id; }
    if (v.bundle == "ventromedial") { EXPECT_EQ(builtIn().findNode(v.endsAt)->group, "superficial_inguinal_vertical") << v.id; }
    if (v.bundle == "lower_trunk") { EXPECT_EQ(builtIn().findNode(v.endsAt)->group, "superficial_inguinal_horizontal") << v.id; }
  }
}

TEST(Description, SaphenousVeinsReturnTowardTheHeart) {
  ASSERT_EQ(builtIn().veins.size(), 2u);
  for (const auto& vein : builtIn().veins) {
    EXPECT_GT(vein.path.back().y, vein.path.front().y) << vein.id;
  }
}

// The skeleton's frame: medial is -X, and the medial malleolus is higher than the lateral.
TEST(Description, LandmarksAreInTheModelFrame) {
  const auto* hip = builtIn().findLandmark("hip_joint_centre");
  ASSERT_NE(hip, nullptr);
  EXPECT_EQ(hip->position, glm::vec3(0.0f));
  const auto* medial = builtIn().findLandmark("medial_malleolus");
  const auto* lateral = builtIn().findLandmark("lateral_malleolus");
  ASSERT_TRUE(medial && lateral);
  EXPECT_LT(medial->position.x, lateral->position.x);
  EXPECT_GT(medial->position.y, lateral->position.y);
  const auto* toe = builtIn().findLandmark("tip_great_toe");
  ASSERT_NE(toe, nullptr);
  EXPECT_GT(toe->position.z, 0.15f);  // the foot points anterior
}

// Deliberate mistakes, each reported with the file, the field path and the reason.
class BrokenDescription : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("legatlas_description_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(kBuiltIn, dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void edit(const std::string& file, const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json document;
    std::ifstream(dir_ / file) >> document;
    change(document);
    std::ofstream(dir_ / file) << document.dump(2);
  }

  std::string error() {
    try {
      loadDescription(dir_.string());
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }

  fs::path dir_;
};

TEST_F(BrokenDescription, UnknownLandmark) {
  edit("muscles.json", [](auto& d) { d["muscles"][0]["origin"]["point"] = "sacrum_tip_typo"; });
  const std::string e = error();
  EXPECT_NE(e.find("muscles.json"), std::string::npos) << e;
  EXPECT_NE(e.find("muscles[0].origin.point"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown landmark \"sacrum_tip_typo\""), std::string::npos) << e;
}

TEST_F(BrokenDescription, MuscleWithoutInsertion) {
  edit("muscles.json", [](auto& d) { d["muscles"][3].erase("insertion"); });
  const std::string e = error();
  EXPECT_NE(e.find("muscles[3].insertion"), std::string::npos) << e;
  EXPECT_NE(e.find("missing"), std::string::npos) << e;
}

TEST_F(BrokenDescription, SlipsWithoutWhereTheTendonDivides) {
  edit("muscles.json", [](auto& d) {
    for (auto& m : d["muscles"]) {
      if (m["insertion"].contains("slips")) m["insertion"].erase("divides_before");
    }
  });
  const std::string e = error();
  EXPECT_NE(e.find("muscles.json"), std::string::npos) << e;
  EXPECT_NE(e.find(".insertion"), std::string::npos) << e;
  EXPECT_NE(e.find("divides_before"), std::string::npos) << e;
}

TEST(Description, TheLongToeTendonsSendASlipToEachLesserToe) {
  const legatlas::anatomy::Description d = legatlas::anatomy::loadDescription(LEGATLAS_SOURCE_DIR "/assets/anatomy");
  for (const char* id : {"extensor_digitorum_longus", "flexor_digitorum_longus"}) {
    const legatlas::anatomy::Muscle* m = d.findMuscle(id);
    ASSERT_TRUE(m) << id;
    EXPECT_EQ(m->insertion.slips.size(), 4u) << id;
    EXPECT_GT(m->insertion.dividesBefore, 0.0f) << id;
  }
}

TEST_F(BrokenDescription, BadNumber) {
  edit("landmarks.json", [](auto& d) { d["landmarks"][2]["position"][1] = "low"; });
  const std::string e = error();
  EXPECT_NE(e.find("landmarks.json"), std::string::npos) << e;
  EXPECT_NE(e.find("landmarks[2].position[1]"), std::string::npos) << e;
  EXPECT_NE(e.find("expected a number"), std::string::npos) << e;
}

TEST_F(BrokenDescription, NumberOutOfRange) {
  edit("muscles.json", [](auto& d) { d["muscles"][5]["belly"]["profile"][2][1] = -0.04; });
  const std::string e = error();
  EXPECT_NE(e.find("muscles[5].belly.profile[2][1]"), std::string::npos) << e;
}

TEST_F(BrokenDescription, UnknownBone) {
  edit("muscles.json", [](auto& d) { d["muscles"][1]["insertion"]["bone"] = "femurr"; });
  const std::string e = error();
  EXPECT_NE(e.find("muscles[1].insertion.bone"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown bone"), std::string::npos) << e;
}

TEST_F(BrokenDescription, InsertionIntoAnUnknownTendon) {
  edit("muscles.json", [](auto& d) { d["muscles"][1]["insertion"]["into"] = "iliotibial_band"; });
  const std::string e = error();
  EXPECT_NE(e.find("muscles[1].insertion.into"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown tendon \"iliotibial_band\""), std::string::npos) << e;
}

TEST_F(BrokenDescription, MuscleWithoutACourse) {
  edit("muscles.json", [](auto& d) {
    auto& m = d["muscles"][3];
    m["insertion"]["point"] = m["origin"]["point"];
    m["via"] = nlohmann::json::array();
  });
  const std::string e = error();
  EXPECT_NE(e.find("muscles[3].insertion.point"), std::string::npos) << e;
  EXPECT_NE(e.find("where the origin is"), std::string::npos) << e;
}

TEST_F(BrokenDescription, VesselEndingNowhere) {
  edit("lymphatics.json", [](auto& d) { d["vessels"][2]["ends_at"] = "axillary_1"; });
  const std::string e = error();
  EXPECT_NE(e.find("vessels[2].ends_at"), std::string::npos) << e;
}

TEST_F(BrokenDescription, DuplicateId) {
  edit("muscles.json", [](auto& d) { d["muscles"][2]["id"] = d["muscles"][1]["id"]; });
  EXPECT_NE(error().find("muscles[2].id"), std::string::npos) << error();
}

TEST_F(BrokenDescription, InvalidJsonNamesTheLine) {
  std::ofstream(dir_ / "veins.json") << "{\n  \"veins\": [\n    {\"id\": \"x\",,}\n  ]\n}\n";
  const std::string e = error();
  EXPECT_NE(e.find("veins.json"), std::string::npos) << e;
  EXPECT_NE(e.find("line 3"), std::string::npos) << e;
}

TEST_F(BrokenDescription, MissingFile) {
  fs::remove(dir_ / "bones.json");
  const std::string e = error();
  EXPECT_NE(e.find("bones.json"), std::string::npos) << e;
  EXPECT_NE(e.find("not found"), std::string::npos) << e;
}
