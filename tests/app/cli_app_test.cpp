// Runs the real legatlas binary as a user would and checks exit codes, messages and
// the files it writes.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <glm/geometric.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "anatomy/tissue_map.h"
#include "run_legatlas.h"
#include "core/text.h"
#include "generated_leg.h"
#include "layered_limb.h"

namespace fs = std::filesystem;

namespace {

using legatlas::testing::ProcessResult;
using legatlas::testing::runLegatlas;

class CommandLine : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("legatlas_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    model_ = (dir_ / "limb.glb").string();
    legatlas::testing::writeLayeredLimb(legatlas::testing::makeLayeredLimb(1), model_);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static std::string path(const std::string& name) { return (dir_ / name).string(); }

  static inline fs::path dir_;
  static inline std::string model_;
};

}  // namespace

TEST_F(CommandLine, HelpListsEveryCommandAndOption) {
  const ProcessResult help = runLegatlas("--help");
  EXPECT_EQ(help.exitCode, 0);
  for (const char* word : {"render", "bench", "model-info", "--model", "--tissue-map", "--version"}) {
    EXPECT_NE(help.output.find(word), std::string::npos) << word;
  }
  const ProcessResult renderHelp = runLegatlas("render --help");
  EXPECT_EQ(renderHelp.exitCode, 0);
  for (const char* word : {"--view", "--layers", "--size", "--out", "--select"}) {
    EXPECT_NE(renderHelp.output.find(word), std::string::npos) << word;
  }
  const ProcessResult benchHelp = runLegatlas("bench --help");
  for (const char* word : {"--frames", "--size", "--model"}) {
    EXPECT_NE(benchHelp.output.find(word), std::string::npos) << word;
  }
}

// The options several commands share read the same in each: declared once, not per command.
TEST_F(CommandLine, SharedOptionsReadTheSameInEveryCommand) {
  const auto help = [](const std::string& command) { return runLegatlas(command + " --help").output; };
  for (const char* command : {"render", "bench", "model-info", "strokes", "check", "soak", "score"}) {
    const std::string text = help(command);
    for (const char* option : {"--model FILE", "--leg TEXT:{described,female,male}", "--tissue-map FILE"})
      EXPECT_NE(text.find(option), std::string::npos) << command << ": " << option;
  }
  for (const char* command : {"landmarks", "model-info", "techniques", "lessons", "strokes", "check", "score"}) {
    const std::string text = help(command);
    EXPECT_NE(text.find("--json"), std::string::npos) << command;
    EXPECT_NE(text.find("Print JSON"), std::string::npos) << command;
  }
  for (const char* command : {"landmarks", "build-model", "strokes", "check", "score"})
    EXPECT_NE(help(command).find("--anatomy DIR"), std::string::npos) << command;
}

TEST_F(CommandLine, VersionPrintsTheVersion) {
  const ProcessResult run = runLegatlas("--version");
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_NE(run.output.find(LEGATLAS_VERSION), std::string::npos);
}

TEST_F(CommandLine, RenderWritesAPngOfTheRequestedSize) {
  const std::string out = path("lateral.png");
  const ProcessResult run = runLegatlas("render --model " + model_ + " --view lateral --layers skin=0.3,muscles,bones --size 320x200 --debug-gl --out " + out);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(out.c_str(), &width, &height, &channels, 3);
  ASSERT_NE(pixels, nullptr);
  EXPECT_EQ(width, 320);
  EXPECT_EQ(height, 200);
  std::set<int> colours;
  for (int i = 0; i < width * height; i += 7) {
    colours.insert(pixels[i * 3] << 16 | pixels[i * 3 + 1] << 8 | pixels[i * 3 + 2]);
  }
  stbi_image_free(pixels);
  EXPECT_GT(colours.size(), 50u) << "the image is blank or nearly so";
}

TEST_F(CommandLine, BadArgumentsExitWithUsageError) {
  for (const char* arguments : {"render", "render --out x.png --size 10", "render --out x.png --size 100xabc",
                                "render --out x.png --msaa 17", "--no-such-option", "bench --frames -3"}) {
    const ProcessResult run = runLegatlas(arguments);
    EXPECT_EQ(run.exitCode, 2) << arguments << "\n" << run.output;
    EXPECT_NE(run.output.find("legatlas"), std::string::npos) << arguments;
  }
}

TEST_F(CommandLine, BadValuesExitWithInputErrorNamingThePlace) {
  const struct {
    std::string arguments;
    std::string mustMention;
  } cases[] = {
      {"render --model " + model_ + " --view sideways --out " + path("a.png"), "--view"},
      {"render --model " + model_ + " --layers skin=2 --out " + path("a.png"), "--layers"},
      {"render --model " + model_ + " --select femur --out " + path("a.png"), "--select"},
      {"render --model " + model_ + " --focus femur --out " + path("a.png"), "--focus"},
      {"render --model " + path("absent.glb") + " --out " + path("a.png"), "absent.glb"},
      {"render --model " + model_ + " --tissue-map " + path("absent.json") + " --out " + path("a.png"), "absent.json"},
  };
  for (const auto& c : cases) {
    const ProcessResult run = runLegatlas(c.arguments);
    EXPECT_EQ(run.exitCode, 1) << c.arguments << "\n" << run.output;
    EXPECT_NE(run.output.find(c.mustMention), std::string::npos) << run.output;
  }
}

// Share of an image's pixels that differ from its top-left corner (the background).
double shareDrawn(const std::string& png) {
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
  if (!pixels) return -1.0;
  size_t drawn = 0;
  for (int i = 0; i < width * height; ++i) {
    if (!std::equal(pixels + i * 3, pixels + i * 3 + 3, pixels)) ++drawn;
  }
  stbi_image_free(pixels);
  return double(drawn) / double(width * height);
}

TEST_F(CommandLine, FocusFramesTheNamedTissues) {
  const std::string whole = path("bones.png"), heel = path("heel.png");
  const std::string common = "render --leg described --view lateral --layers bones --size 200x200 --out ";
  ASSERT_EQ(runLegatlas(common + whole).exitCode, 0);
  const ProcessResult run = runLegatlas(common + heel + " --focus calcaneus,talus");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const double wholeShare = shareDrawn(whole), heelShare = shareDrawn(heel);
  EXPECT_GT(heelShare, 0.3) << "the heel and ankle bones should fill much of the frame";
  EXPECT_GT(heelShare, 3 * wholeShare) << "the whole leg's bones cover " << wholeShare;
}

// A flat model the anterior view sees edge-on is drawn from the side that shows it; one
// that shows nothing from any side is an error, not an empty picture.
TEST_F(CommandLine, RenderPicksAViewThatShowsAFlatModel) {
  const std::string sheet = path("sheet.obj"), line = path("line.obj");
  // In the plane x = 0: edge-on from the front and the back, whole from either side.
  std::ofstream(sheet) << "v 0 -0.2 -0.1\nv 0 -0.2 0.1\nv 0 0.2 0.1\nv 0 0.2 -0.1\nf 1 2 3\nf 1 3 4\n";
  const ProcessResult run = runLegatlas("render --model " + sheet + " --size 200x200 --out " + path("sheet.png"));
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_GT(shareDrawn(path("sheet.png")), 0.2) << "the sheet should be seen face on";
  const ProcessResult front = runLegatlas("render --model " + sheet + " --view anterior --size 200x200 --out " +
                                          path("sheet_front.png"));
  ASSERT_EQ(front.exitCode, 0) << front.output;
  EXPECT_LT(shareDrawn(path("sheet_front.png")), 0.02) << "asked for, the edge-on view is kept";
  // Triangles without area show from nowhere.
  std::ofstream(line) << "v 0 -0.2 0\nv 0 0 0\nv 0 0.2 0\nf 1 2 3\n";
  const ProcessResult none = runLegatlas("render --model " + line + " --size 200x200 --out " + path("line.png"));
  EXPECT_EQ(none.exitCode, 1) << none.output;
  EXPECT_NE(none.output.find("line.obj"), std::string::npos) << none.output;
  EXPECT_FALSE(fs::exists(path("line.png")));
}

TEST_F(CommandLine, CorruptModelIsReportedNotCrashedOn) {
  const std::string corrupt = path("corrupt.glb");
  std::ofstream(corrupt, std::ios::binary) << "glTF\x02\x00\x00\x00garbage that is not a model";
  const ProcessResult run = runLegatlas("render --model " + corrupt + " --out " + path("b.png"));
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("corrupt.glb"), std::string::npos);
  EXPECT_FALSE(fs::exists(path("b.png")));
}

TEST_F(CommandLine, UnwritableOutputIsReported) {
  const ProcessResult run = runLegatlas("render --model " + model_ + " --size 64x64 --out /nonexistent-dir/x.png");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("/nonexistent-dir/x.png"), std::string::npos);
}

TEST_F(CommandLine, BenchPrintsItsFigures) {
  const ProcessResult run = runLegatlas("bench --model " + model_ + " --frames 5 --size 160x120");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  for (const char* key : {"median_frame_ms:", "p95_frame_ms:", "first_frame_ms:", "triangles:", "peak_rss_mb:"}) {
    EXPECT_NE(run.output.find(key), std::string::npos) << key;
  }
}

// Mesa can be told to offer only OpenGL 3.3: the driver then lacks 4.1 core.
TEST_F(CommandLine, MissingOpenGl41IsAClearGraphicsError) {
  const ProcessResult run = runLegatlas("render --model " + model_ + " --size 64x64 --out " + path("c.png"),
                                        "MESA_GL_VERSION_OVERRIDE=3.3");
  EXPECT_EQ(run.exitCode, 3) << run.output;
  EXPECT_NE(run.output.find("OpenGL 4.1 core"), std::string::npos) << run.output;
  EXPECT_FALSE(fs::exists(path("c.png")));
}

// Rendering to a file needs no display server where EGL offers a surfaceless context.
TEST_F(CommandLine, RenderNeedsNoDisplay) {
  const ProcessResult run = runLegatlas("render --model " + model_ + " --size 64x64 --out " + path("d.png"), "DISPLAY=");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(fs::exists(path("d.png")));
}

// The viewer and the benchmark show a window, so they need a display and say so.
TEST_F(CommandLine, WindowWithoutDisplayIsAClearGraphicsError) {
  for (const std::string& arguments : {"--model " + model_, "bench --frames 2 --model " + model_}) {
    const ProcessResult run = runLegatlas(arguments, "DISPLAY=");
    EXPECT_EQ(run.exitCode, 3) << arguments << "\n" << run.output;
    EXPECT_NE(run.output.find("display"), std::string::npos) << run.output;
  }
}

// A problem with the user's own file is the more useful message, display or not.
TEST_F(CommandLine, BadModelIsReportedEvenWithoutDisplay) {
  const ProcessResult run = runLegatlas("render --model " + path("absent.glb") + " --out " + path("e.png"), "DISPLAY=");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("absent.glb"), std::string::npos) << run.output;
}

TEST_F(CommandLine, LandmarksPrintsTheModelFrameAsJson) {
  const ProcessResult run = runLegatlas("landmarks --json");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  for (const char* text : {"\"hip_joint_centre\"", "\"medial_malleolus\"", "\"tibial_tuberosity\"", "\"units\": \"m\""}) {
    EXPECT_NE(run.output.find(text), std::string::npos) << text;
  }
  const ProcessResult bad = runLegatlas("landmarks --json --anatomy " + path("no-such-folder"));
  EXPECT_EQ(bad.exitCode, 1) << bad.output;
  EXPECT_NE(bad.output.find("no-such-folder"), std::string::npos) << bad.output;
}

TEST_F(CommandLine, AMeasuredLegsLandmarksAreMeasuredOnItsOwnBones) {
  const ProcessResult female = runLegatlas("landmarks --leg female --json", "", true);
  ASSERT_EQ(female.exitCode, 0) << female.output;
  const nlohmann::json landmarks = nlohmann::json::parse(female.output).at("landmarks");
  std::map<std::string, nlohmann::json> byId;
  for (const nlohmann::json& l : landmarks) byId[l.at("id").get<std::string>()] = l;
  // Measured where her bones are: the malleoli on her tibia and fibula, the patella's
  // centre on her patella; the femur and pelvis are not in the data, so carried.
  EXPECT_NE(byId.at("medial_malleolus").at("found").get<std::string>().find("bone/tibia"), std::string::npos);
  EXPECT_NE(byId.at("lateral_malleolus").at("found").get<std::string>().find("bone/fibula"), std::string::npos);
  EXPECT_NE(byId.at("patella_centre").at("found").get<std::string>().find("bone/patella"), std::string::npos);
  EXPECT_EQ(byId.at("greater_trochanter").at("found").get<std::string>(), "carried from the described leg");
  // Hers, not the described leg's: she is shorter (hip to ankle 0.73 m, not 0.83 m).
  const float ankle = byId.at("ankle_joint_centre").at("position").at(1).get<float>();
  EXPECT_GT(ankle, -0.78f);
  EXPECT_LT(ankle, -0.68f);
  const ProcessResult male = runLegatlas("landmarks --leg male");
  EXPECT_EQ(male.exitCode, 0) << male.output;
  EXPECT_NE(male.output.find("medial malleolar facet"), std::string::npos) << "he has no tibia in the data";
  const ProcessResult unknown = runLegatlas("landmarks --leg child");
  EXPECT_EQ(unknown.exitCode, 2) << unknown.output;
}

namespace {

using Json = nlohmann::json;

glm::vec3 pointOf(const Json& json) {
  return {json.at(0).get<float>(), json.at(1).get<float>(), json.at(2).get<float>()};
}

glm::vec3 bboxCentre(const Json& tissue) {
  return 0.5f * (pointOf(tissue["bbox"]["min"]) + pointOf(tissue["bbox"]["max"]));
}

// `model-info --json` of the built-in leg, by tissue id.
std::map<std::string, Json> builtInLegInfo() {
  const ProcessResult run = runLegatlas("model-info --leg described --json", "", true);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  const Json info = Json::parse(run.output);
  EXPECT_EQ(info["frame"]["units"], "m");
  std::map<std::string, Json> tissues;
  for (const Json& t : info.at("tissues")) tissues[t.at("id").get<std::string>()] = t;
  return tissues;
}

constexpr float kAttachmentTolerance = 0.01f;  // metres

}  // namespace

TEST_F(CommandLine, ModelInfoMeasuresEveryTissueOfTheBuiltInLeg) {
  const std::map<std::string, Json> tissues = builtInLegInfo();
  ASSERT_GT(tissues.size(), 50u);
  for (const auto& [id, t] : tissues) {
    EXPECT_GT(t["triangles"].get<size_t>(), 0u) << id;
    const glm::vec3 lo = pointOf(t["bbox"]["min"]), hi = pointOf(t["bbox"]["max"]);
    for (int axis = 0; axis < 3; ++axis) EXPECT_LT(lo[axis], hi[axis]) << id << " axis " << axis;
  }
}

TEST_F(CommandLine, ModelInfoGivesEachMuscleItsDescribedAttachments) {
  const std::map<std::string, Json> tissues = builtInLegInfo();
  for (const legatlas::anatomy::Muscle& m : legatlas::testing::leg().muscles) {
    ASSERT_TRUE(tissues.count(m.id)) << m.id;
    const Json& t = tissues.at(m.id);
    ASSERT_TRUE(t.contains("origin") && t.contains("insertion")) << m.id;
    EXPECT_LT(glm::distance(pointOf(t["origin"]["point"]), m.origin.point.position), kAttachmentTolerance) << m.id;
    EXPECT_LT(glm::distance(pointOf(t["insertion"]["point"]), m.insertion.point.position), kAttachmentTolerance)
        << m.id;
    EXPECT_EQ(t["origin"]["area"], m.origin.area) << m.id;
  }
}

TEST_F(CommandLine, ModelInfoGivesEachLymphVesselItsPathTowardItsNode) {
  const std::map<std::string, Json> tissues = builtInLegInfo();
  for (const legatlas::anatomy::LymphVessel& v : legatlas::testing::leg().vessels) {
    ASSERT_TRUE(tissues.count(v.id)) << v.id;
    ASSERT_TRUE(tissues.count(v.endsAt)) << v.endsAt;
    const Json& t = tissues.at(v.id);
    const Json& node = tissues.at(v.endsAt);
    EXPECT_GE(t["path"].size(), 2u) << v.id;
    EXPECT_EQ(t["flows_to"]["id"], v.endsAt) << v.id;
    EXPECT_EQ(t["flows_to"]["name"], node["name"]) << v.id;
    EXPECT_EQ(t["flow"]["toward"], v.endsAt) << v.id;
    const glm::vec3 from = pointOf(t["flow"]["from"]), to = pointOf(t["flow"]["to"]);
    EXPECT_LT(glm::distance(to, bboxCentre(node)), glm::distance(from, bboxCentre(node))) << v.id;
    EXPECT_EQ(pointOf(t["path"].front()), from) << v.id;
    EXPECT_EQ(pointOf(t["path"].back()), to) << v.id;
  }
}

TEST_F(CommandLine, ModelInfoTableListsTissuesWithTheirAnatomy) {
  const ProcessResult run = runLegatlas("model-info");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  for (const char* text : {"triangles", "rectus_femoris", "origin", "insertion", "ventromedial_01", "flows to",
                           "inguinal_"}) {
    EXPECT_NE(run.output.find(text), std::string::npos) << text;
  }
}

// The node and vessel facts the Info panel shows name where the lymph goes in words.
TEST_F(CommandLine, BuiltInTissueMapNamesWhereLymphDrains) {
  const fs::path map = fs::path(LEGATLAS_BINARY).parent_path() / "assets" / "models" / "leg.tissues.json";
  const auto tissueMap = legatlas::anatomy::TissueMap::load(map.string());
  const auto factOf = [](const legatlas::anatomy::TissueEntry& e, const std::string& label) {
    for (const auto& f : e.facts) {
      if (f.label == label) return f.text;
    }
    return std::string();
  };
  const auto& d = legatlas::testing::leg();
  for (const auto& entry : tissueMap.entries()) {
    if (const auto* node = d.findNode(entry.id)) {
      const std::string drainsTo = factOf(entry, "Drains to");
      EXPECT_FALSE(drainsTo.empty()) << entry.id;
      EXPECT_EQ(drainsTo.find('_'), std::string::npos) << entry.id << ": " << drainsTo;
      EXPECT_EQ(entry.anatomy.flowsTo, node->drainsTo) << entry.id;
    }
  }
  for (const auto& v : d.vessels) {
    const auto* entry = tissueMap.match(v.id, "");
    ASSERT_NE(entry, nullptr) << v.id;
    EXPECT_EQ(factOf(*entry, "Flows to"), d.findNode(v.endsAt)->name) << v.id;
  }
}

TEST_F(CommandLine, ModelInfoOfAModelWithoutAnatomyListsItsTissues) {
  const ProcessResult run = runLegatlas("model-info --json --model " + model_, "", true);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const Json info = Json::parse(run.output);
  ASSERT_FALSE(info["tissues"].empty());
  for (const Json& t : info["tissues"]) {
    EXPECT_FALSE(t.contains("origin")) << t["id"];
    EXPECT_FALSE(t.contains("path")) << t["id"];
  }
}

TEST_F(CommandLine, ModelInfoReportsBadFilesByName) {
  const std::string badMap = path("bad.tissues.json");
  std::ofstream(badMap) << R"({"tissues": [{"match": "*", "id": "a", "layer": "lymph", "path": [[0, 0, 0]]}]})";
  const struct {
    std::string arguments;
    std::string mustMention;
  } cases[] = {
      {"model-info --model " + path("absent.glb"), "absent.glb"},
      {"model-info --json --model " + path("absent.glb"), "absent.glb"},
      {"model-info --model " + model_ + " --tissue-map " + path("absent.json"), "absent.json"},
      {"model-info --model " + model_ + " --tissue-map " + badMap, "tissues[0].path"},
  };
  for (const auto& c : cases) {
    const ProcessResult run = runLegatlas(c.arguments);
    EXPECT_EQ(run.exitCode, 1) << c.arguments << "\n" << run.output;
    EXPECT_NE(run.output.find(c.mustMention), std::string::npos) << run.output;
  }
}

namespace {

TEST_F(CommandLine, LessonsListsEveryConditionWithItsSafetyNotes) {
  const ProcessResult run = runLegatlas("lessons --json", "", true);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const Json lessons = Json::parse(run.output)["lessons"];
  std::set<std::string> ids;
  for (const Json& l : lessons) {
    ids.insert(l["id"].get<std::string>());
    EXPECT_FALSE(l["steps"].empty());
    bool consult = false;
    for (const Json& note : l["safety"]) consult = consult || note.get<std::string>().find("consult a doctor") != std::string::npos;
    EXPECT_TRUE(consult) << l["id"];
    EXPECT_GT(l.value("session_minutes", 0.0), 0.0) << l["id"] << ": the real session length";
    for (const Json& step : l["steps"]) {
      EXPECT_TRUE(step.contains("position")) << l["id"] << " step " << step["step"];
      EXPECT_TRUE(step.contains("watch_for")) << l["id"] << " step " << step["step"];
    }
  }
  for (const char* id : {"edema", "post_exercise_recovery", "calf_cramp", "shin_splints", "circulation", "sports_maintenance"})
    EXPECT_TRUE(ids.count(id)) << id;
}

TEST_F(CommandLine, StrokesPrintsContactPathsInTheModelFrame) {
  const ProcessResult run = runLegatlas("strokes --lesson shin_splints --json", "", true);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const Json out = Json::parse(run.output);
  ASSERT_FALSE(out["strokes"].empty());
  for (const Json& s : out["strokes"]) {
    for (const char* key : {"step", "technique", "tissue", "pressure", "working", "return"}) EXPECT_TRUE(s.contains(key)) << key;
    const Json& w = s["working"];
    ASSERT_GE(w.size(), 2u);
    for (size_t i = 1; i < w.size(); ++i) {
      ASSERT_EQ(w[i].size(), 4u) << "[x, y, z, t]";
      const glm::vec3 a(w[i - 1][0], w[i - 1][1], w[i - 1][2]), b(w[i][0], w[i][1], w[i][2]);
      EXPECT_LE(glm::length(b - a), 0.0101f) << "at least one sample per centimetre";
      EXPECT_GE(w[i][3].get<double>(), w[i - 1][3].get<double>());
    }
  }
  const auto found = std::find_if(out["strokes"].begin(), out["strokes"].end(),
                                  [](const Json& s) { return s["technique"] == "thumb_stroke"; });
  ASSERT_NE(found, out["strokes"].end());
  const Json& thumb = *found;
  EXPECT_EQ(thumb["tissue"], "tibialis_anterior");
  EXPECT_GT(thumb["working"].back()[1].get<double>(), thumb["working"].front()[1].get<double>()) << "upward";
  EXPECT_EQ(thumb["beneath"].size(), thumb["working"].size());
}

TEST_F(CommandLine, CheckPassesASoundLessonAndFailsAWrongOne) {
  const ProcessResult good = runLegatlas("check edema");
  EXPECT_EQ(good.exitCode, 0) << good.output;
  const std::string wrong = path("wrong.yaml");
  std::ofstream(wrong) << "title: Wrong way\ncondition: test\ngoal: g\nsafety:\n  - s\nsteps:\n"
                          "  - technique: gliding\n    target: {region: leg_medial}\n"
                          "    path: {from: pes_anserinus, to: medial_malleolus, over: medial}\n    caption: down the shin\n";
  const ProcessResult bad = runLegatlas("check " + wrong);
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_NE(bad.output.find("wrong.yaml: line 7, steps[0]"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("lymph"), std::string::npos) << bad.output;
}

TEST_F(CommandLine, CheckNamesTheStepAndTheFixOfAStrokeOffItsTargetOrOverASite) {
  const std::string lesson = path("unsafe.yaml");
  std::ofstream(lesson) << "title: Unsafe\ncondition: test\ngoal: g\nsafety:\n  - s\nsteps:\n"
                           "  - technique: gliding\n    target: {region: leg_anterior}\n    caption: fine\n"
                           "  - technique: gliding\n    target: {tissue: iliotibial_tract}\n    pressure: moderate\n"
                           "    path: {follow: lymph_flow}\n    caption: knee to hip\n"
                           "  - technique: kneading\n    target: {tissue: gastrocnemius_medial_head}\n    pressure: light\n"
                           "    path: {from: calcaneal_tuberosity, to: popliteal_fossa_centre, over: posterior}\n    caption: up the calf\n"
                           "  - technique: thumb_stroke\n    target: {tissue: fibularis_longus}\n    pressure: firm\n"
                           "    path: {from: lateral_malleolus, to: fibular_head, over: lateral}\n    caption: up the outer leg\n";
  const ProcessResult run = runLegatlas("check " + lesson);
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_EQ(run.output.find("steps[0]"), std::string::npos) << "the sound step is not reported\n" << run.output;
  EXPECT_NE(run.output.find("line 10, steps[1] (gliding): only"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("keep the contact on it"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("steps[2] (kneading): Kneading (petrissage) at light pressure passes over the popliteal fossa"),
            std::string::npos) << run.output;
  EXPECT_NE(run.output.find("steps[3] (thumb_stroke)"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("fibular neck"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("or use what it allows: at most light pressure"), std::string::npos) << run.output;
}

TEST_F(CommandLine, CheckNamesTheLineAndFieldOfAMistake) {
  const std::string typo = path("typo.yaml");
  std::ofstream(typo) << "title: T\ncondition: c\ngoal: g\nsafety:\n  - s\nsteps:\n"
                         "  - technique: gliding\n    target: {region: leg_anterior}\n    pressure: hard\n    caption: c\n";
  const ProcessResult run = runLegatlas("check " + typo);
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.output.find("typo.yaml: line 9, steps[0].pressure: unknown pressure 'hard'"), std::string::npos) << run.output;
  const ProcessResult missing = runLegatlas("check " + path("absent.yaml"));
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.output.find("absent.yaml"), std::string::npos) << missing.output;
  const ProcessResult unknown = runLegatlas("strokes --lesson edemma");
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_NE(unknown.output.find("did you mean 'edema'"), std::string::npos) << unknown.output;
}

}  // namespace

namespace {

// Pixels of a rendered PNG that pass `match` (r, g, b in 0..255).
template <typename Match>
int countPixels(const std::string& png, Match match) {
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
  if (!pixels) return -1;
  int count = 0;
  for (int i = 0; i < width * height; ++i) count += match(pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2]) ? 1 : 0;
  stbi_image_free(pixels);
  return count;
}

TEST_F(CommandLine, RenderShowsALessonsHandsArrowAndWorkedMuscle) {
  const std::string with = path("thumb.png"), without = path("plain.png");
  const ProcessResult run = runLegatlas("render --lesson shin_splints --step 3 --time 5 --size 400x400 --debug-gl --out " + with);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  ASSERT_EQ(runLegatlas("render --view anterior --size 400x400 --out " + without).exitCode, 0);
  // The hands' skin tone: warm, clearly redder than green and greener than blue, and light
  // (the muscles beneath are as red but much darker in green).
  const auto hand = [](int r, int g, int b) { return r > g + 30 && g > b + 16 && g > 105 && r > 160; };
  const auto arrow = [](int r, int g, int b) { return r > 200 && g > 70 && g < 160 && b < 80; };
  EXPECT_GT(countPixels(with, hand), 400) << "the hand shows";
  EXPECT_GT(countPixels(with, arrow), 30) << "the arrow shows";
  EXPECT_LT(countPixels(without, hand), 50) << "no hand without a lesson";
  EXPECT_LT(countPixels(without, arrow), 5);
  const ProcessResult badStep = runLegatlas("render --lesson shin_splints --step 40 --out " + path("x.png"));
  EXPECT_EQ(badStep.exitCode, 1);
  EXPECT_NE(badStep.output.find("--step"), std::string::npos) << badStep.output;
}

}  // namespace

namespace {

TEST_F(CommandLine, ScoreReadsAnExportedStrokeAndScoresIt) {
  const ProcessResult strokes = runLegatlas("strokes --lesson shin_splints --json", "", true);
  ASSERT_EQ(strokes.exitCode, 0);
  const Json exported = Json::parse(strokes.output);
  const auto thumb = std::find_if(exported["strokes"].begin(), exported["strokes"].end(),
                                  [](const Json& s) { return s["technique"] == "thumb_stroke"; });
  ASSERT_NE(thumb, exported["strokes"].end());
  const std::string right = path("right.json"), wrong = path("wrong.json");
  std::ofstream(right) << thumb->dump();
  Json reversed = (*thumb)["working"];
  std::reverse(reversed.begin(), reversed.end());
  for (size_t i = 0; i < reversed.size(); ++i) reversed[i][3] = (*thumb)["working"][i][3];
  std::ofstream(wrong) << reversed.dump();

  const ProcessResult good = runLegatlas("score --technique thumb_stroke --target tibialis_anterior --json --path " + right, "", true);
  ASSERT_EQ(good.exitCode, 0) << good.output;
  const Json goodScore = Json::parse(good.output);
  EXPECT_GE(goodScore["score"].get<int>(), 90);
  EXPECT_TRUE(goodScore["passed"].get<bool>());
  EXPECT_FALSE(goodScore["rules"].empty());
  EXPECT_FALSE(goodScore["correct"]["working"].empty());

  const ProcessResult bad = runLegatlas("score --technique thumb_stroke --target tibialis_anterior --json --path " + wrong, "", true);
  ASSERT_EQ(bad.exitCode, 0) << bad.output;
  const Json badScore = Json::parse(bad.output);
  EXPECT_LE(badScore["score"].get<int>(), 20);
  EXPECT_NE(badScore["feedback"][0].get<std::string>().find("origin"), std::string::npos) << badScore["feedback"];

  const ProcessResult typo = runLegatlas("score --technique thumb --target tibialis_anterior --path " + right);
  EXPECT_EQ(typo.exitCode, 1);
  EXPECT_NE(typo.output.find("--technique"), std::string::npos) << typo.output;
  const ProcessResult missing = runLegatlas("score --technique gliding --target leg_anterior --path " + path("none.json"));
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.output.find("none.json"), std::string::npos) << missing.output;
}

}  // namespace

namespace {

// Width, height and frame count of a video, as ffprobe reads them.
std::array<int, 3> probeVideo(const std::string& path) {
  FILE* pipe = popen(("ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=width,height,nb_read_frames "
                      "-of csv=p=0 '" + path + "'").c_str(), "r");
  std::array<int, 3> found{-1, -1, -1};
  if (!pipe) return found;
  if (std::fscanf(pipe, "%d,%d,%d", &found[0], &found[1], &found[2]) != 3) found = {-1, -1, -1};
  pclose(pipe);
  return found;
}

TEST_F(CommandLine, RenderWritesALessonStepAsAVideoWithTheRightFramesAndSize) {
  const ProcessResult strokes = runLegatlas("strokes --lesson shin_splints --json", "", true);
  ASSERT_EQ(strokes.exitCode, 0);
  double stepOne = 1e9, stepTwo = 1e9;
  const Json exported = Json::parse(strokes.output);
  for (const Json& s : exported["strokes"]) {
    const double start = s["working"][0][3].get<double>();
    if (s["step"] == 1) stepOne = std::min(stepOne, start);
    if (s["step"] == 2) stepTwo = std::min(stepTwo, start);
  }
  constexpr int kFps = 4;
  const int expected = static_cast<int>(std::ceil((stepTwo - stepOne) * kFps));
  for (const char* name : {"step.mp4", "step.gif"}) {
    const std::string out = path(name);
    const ProcessResult run = runLegatlas("render --lesson shin_splints --step 1 --size 320x180 --fps " +
                                          std::to_string(kFps) + " --out " + out);
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("100%"), std::string::npos) << "progress is shown";
    const auto [width, height, frames] = probeVideo(out);
    EXPECT_EQ(width, 320) << name;
    EXPECT_EQ(height, 180) << name;
    EXPECT_NEAR(frames, expected, 1) << name;
  }
  const ProcessResult noLesson = runLegatlas("render --out " + path("nothing.mp4"));
  EXPECT_EQ(noLesson.exitCode, 1);
  EXPECT_NE(noLesson.output.find("--lesson"), std::string::npos) << noLesson.output;
}

TEST_F(CommandLine, TheTenMinuteHeatStepExportsAsAFewSeconds) {
  const ProcessResult listed = runLegatlas("strokes --lesson calf_cramp --json", "", true);
  ASSERT_EQ(listed.exitCode, 0);
  int heat = 0;
  const Json exported = Json::parse(listed.output);
  for (const Json& s : exported["strokes"])
    if (s["technique"] == "heat") heat = s["step"].get<int>();
  ASSERT_GT(heat, 0);
  const std::string out = path("heat.mp4");
  const ProcessResult run = runLegatlas("render --lesson calf_cramp --step " + std::to_string(heat) + " --size 160x90 --fps 4 --out " + out);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto [width, height, frames] = probeVideo(out);
  EXPECT_EQ(width, 160);
  EXPECT_NEAR(frames, 16, 1) << "four seconds, not ten minutes";
}

TEST_F(CommandLine, AVideoThatCannotBeWrittenIsAnErrorNotASignal) {
  // A missing folder, or a folder where the file should go, is caught before ffmpeg
  // starts; a place no file can be made (/proc) makes ffmpeg quit while frames are still
  // coming, which must not end us with SIGPIPE.
  fs::create_directories(path("taken.mp4"));
  for (const std::string& out : {path("no-such-folder/step.mp4"), path("taken.mp4"), std::string("/proc/step.mp4")}) {
    const ProcessResult run = runLegatlas("render --lesson shin_splints --step 1 --size 160x90 --fps 4 --out " + out);
    EXPECT_EQ(run.exitCode, 1) << out << "\n" << run.output;
    EXPECT_NE(run.output.find(out + ": "), std::string::npos) << run.output;
    EXPECT_FALSE(fs::exists(out + ".ffmpeg.log")) << "ffmpeg's log is not left behind";
  }
}

}  // namespace

namespace {

TEST_F(CommandLine, RenderDrawsTheDirectionGuidesAskedFor) {
  const std::string with = path("guides.png"), without = path("noguides.png");
  ASSERT_EQ(runLegatlas("render --view posterior --guides territories,lymph --size 300x450 --debug-gl --out " + with).exitCode, 0);
  ASSERT_EQ(runLegatlas("render --view posterior --size 300x450 --out " + without).exitCode, 0);
  const auto flowGreen = [](int r, int g, int b) { return g > 180 && r < 190 && b < 150; };
  const auto violet = [](int r, int g, int b) { return r > 120 && b > 140 && g < r - 20; };
  EXPECT_GT(countPixels(with, flowGreen), 300) << "streamlines of the lymph flow";
  EXPECT_GT(countPixels(with, violet), 300) << "the popliteal territory on the back of the calf";
  EXPECT_LT(countPixels(without, violet), countPixels(with, violet) / 4);
  const ProcessResult bad = runLegatlas("render --guides arrows --out " + path("x.png"));
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_NE(bad.output.find("--guides"), std::string::npos) << bad.output;
}

TEST_F(CommandLine, ALessonStepShowsTheClientOnTheTableUnlessUpright) {
  // Edema's third step works the front of the thigh: supine, on the table, with the arrow
  // toward the heart on it; --upright shows the standing leg alone.
  const std::string table = path("table.png"), upright = path("upright.png");
  const ProcessResult run = runLegatlas("render --lesson edema --step 3 --time 2 --size 480x270 --out " + table);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_EQ(run.output.find("warning"), std::string::npos) << run.output;
  ASSERT_EQ(runLegatlas("render --lesson edema --step 3 --time 2 --size 480x270 --upright --out " + upright).exitCode, 0);
  // The table's slate blue; the shaded side of the light blue hands comes close, but
  // covers a few hundred pixels where the table covers tens of thousands.
  const auto tablePixel = [](int r, int g, int b) { return r < 110 && b - r >= 25 && b >= 80 && b < 140 && g > r && b > g; };
  const auto heartRed = [](int r, int g, int b) { return r > 195 && g < 70 && b < 90; };
  EXPECT_GT(countPixels(table, tablePixel), 480 * 270 / 10) << "the table under the client";
  EXPECT_LT(countPixels(upright, tablePixel), 480 * 270 / 100);
  EXPECT_GT(countPixels(table, heartRed), 100) << "the arrow toward the heart";
  EXPECT_LT(countPixels(upright, heartRed), 20);
  // The strokes JSON says the position the table shows.
  const ProcessResult strokes = runLegatlas("strokes --lesson edema --json", "", true);
  const Json exported = Json::parse(strokes.output);
  for (const Json& s : exported["strokes"])
    if (s["step"] == 3) {
      EXPECT_EQ(s["position"], "supine");
    }
}

TEST_F(CommandLine, TheTerritoriesCoverAnOpaqueSkinWithoutTornPatches) {
  // The view an instructor turns to: the back of the leg, the skin fully opaque. The paint
  // must lie over all of it; bare skin showing through means the two surfaces fight. At
  // this size the renderer draws the skin at full detail, where the fight was.
  const std::string png = path("territories.png");
  ASSERT_EQ(runLegatlas("render --guides territories --view posterior --layers skin=1 --size 800x900 --out " + png).exitCode, 0);
  const int bare = countPixels(png, [](int r, int g, int b) { return r > 150 && r - g > 35 && b < g + 10; });
  const int teal = countPixels(png, [](int r, int g, int b) { return g > r + 15 && b > r; });
  const int violet = countPixels(png, [](int r, int g, int b) { return r > 120 && b > 140 && g < r - 20; });
  EXPECT_GT(teal, 5000) << "the groin's territory over most of the leg";
  EXPECT_GT(violet, 300) << "the popliteal strip";
  EXPECT_LT(bare, (teal + violet) / 50) << "bare skin shows through the paint";
}

}  // namespace

namespace {

// A replayed practice session: the viewer opens, "Draw a stroke" is clicked and a stroke
// dragged on the shin, then the viewer quits. Returns the scores it saved.
Json replayPractice(const std::string& replay, const fs::path& home) {
  const std::string environment = "XDG_DATA_HOME=" + (home / "data").string() + " XDG_CONFIG_HOME=" + (home / "config").string();
  // The leg standing, as the drag was recorded on it.
  const ProcessResult run = runLegatlas("--upright --lesson circulation --replay " + replay, environment);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  const fs::path scores = home / "data" / "legatlas" / "scores.json";
  if (!fs::exists(scores)) return Json();
  return Json::parse(legatlas::readFile(scores.string()));
}

TEST_F(CommandLine, ABrokenFileDroppedOnTheViewerLeavesTheLegAndLessonInPlace) {
  // The practice stroke of glide_up_the_shin.json, after an empty scene and a broken tissue
  // map are dropped on the window: each is refused by name and the stroke is still scored
  // on the leg that was there.
  Json events = Json::parse(legatlas::readFile(LEGATLAS_SOURCE_DIR "/tests/data/input/glide_up_the_shin.json"));
  const std::string badMap = path("dropped.tissues.json");
  std::ofstream(badMap) << R"({"tissues": [{"match": "*", "id": "x", "layer": "no such layer"}]})";
  Json first = events["events"][0];
  first["frame"] = 2;
  first["drop"] = {LEGATLAS_SOURCE_DIR "/tests/data/models/empty_scene.gltf"};
  Json second = events["events"][0];
  second["frame"] = 5;
  second["drop"] = {badMap};
  events["events"].insert(events["events"].begin() + 1, {first, second});
  const std::string script = path("drop_then_glide.json");
  std::ofstream(script) << events.dump();

  const fs::path home = dir_ / "dropped";
  const std::string environment = "XDG_DATA_HOME=" + (home / "data").string() + " XDG_CONFIG_HOME=" + (home / "config").string();
  const ProcessResult run = runLegatlas("--upright --lesson circulation --replay " + script, environment);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("empty_scene.gltf: holds no triangle meshes"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("dropped.tissues.json"), std::string::npos) << run.output;
  const Json scores = Json::parse(legatlas::readFile((home / "data" / "legatlas" / "scores.json").string()));
  ASSERT_EQ(scores["scores"].size(), 1u);
  EXPECT_GE(scores["scores"][0]["score"].get<int>(), 90) << "the leg was not kept";
}

TEST_F(CommandLine, AReplayedStrokeDrawnOnTheLegIsScoredAndKept) {
  const std::string recorded = std::string(LEGATLAS_SOURCE_DIR) + "/tests/data/input/glide_up_the_shin.json";
  const fs::path up = dir_ / "up", down = dir_ / "down";
  const Json upScores = replayPractice(recorded, up);
  ASSERT_TRUE(upScores.contains("scores"));
  ASSERT_EQ(upScores["scores"].size(), 1u);
  EXPECT_EQ(upScores["scores"][0]["technique"], "gliding");
  EXPECT_EQ(upScores["scores"][0]["target"], "leg_anterior");
  EXPECT_GE(upScores["scores"][0]["score"].get<int>(), 90);
  EXPECT_TRUE(fs::exists(up / "config" / "legatlas" / "settings.json")) << "settings are kept too";

  // The same drag the other way: from the knee down to the ankle.
  Json events = Json::parse(legatlas::readFile(recorded));
  std::vector<double> heights;
  for (const Json& e : events["events"])
    if (e["buttons"][0] == 1 && e["mouse"][0].get<double>() < 1000) heights.push_back(e["mouse"][1].get<double>());
  std::reverse(heights.begin(), heights.end());
  size_t next = 0;
  for (Json& e : events["events"])
    if (e["buttons"][0] == 1 && e["mouse"][0].get<double>() < 1000) e["mouse"][1] = heights[next++];
  const std::string reversed = path("glide_down.json");
  std::ofstream(reversed) << events.dump();
  const Json downScores = replayPractice(reversed, down);
  ASSERT_TRUE(downScores.contains("scores"));
  ASSERT_EQ(downScores["scores"].size(), 1u);
  EXPECT_LE(downScores["scores"][0]["score"].get<int>(), 20);

  // A second run adds to the scores rather than replacing them.
  EXPECT_EQ(replayPractice(recorded, up)["scores"].size(), 2u);
}

TEST_F(CommandLine, ARecordingThatCouldNotBeSavedIsRefusedBeforeItStarts) {
  const std::string out = path("no-such-folder/recording.json");
  // Refused before a window opens: it needs no display.
  const ProcessResult run = runLegatlas("--record " + out, "DISPLAY=");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find(out + ": "), std::string::npos) << run.output;
}

TEST_F(CommandLine, ABrokenReplayFileIsReportedByName) {
  const std::string broken = path("broken_replay.json");
  std::ofstream(broken) << "{\"events\": [{\"frame\": 3}]}";
  const ProcessResult run = runLegatlas("--replay " + broken, "DISPLAY=");
  EXPECT_EQ(run.exitCode, 1);
  EXPECT_NE(run.output.find("broken_replay.json"), std::string::npos) << run.output;
}

}  // namespace

namespace {

// Every kind of broken file, given to each command that reads lessons or stroke paths:
// a clean exit 1 with a message naming the file, never a signal or a hang.
// Broken files of every kind, as a model, a tissue map and an anatomy description file:
// each command exits 1 with a message naming the file, never a signal or a hang.
std::vector<std::pair<std::string, std::string>> brokenFiles(const std::string& extension, const std::string& model) {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
  std::ifstream in(model, std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(in)), {});
  return {{"empty" + extension, ""},
          {"binary" + extension, binary},
          {"truncated" + extension, extension == ".glb" ? whole.substr(0, whole.size() / 3) : R"({"tissues": [{"match": "Sk)"},
          {"nested" + extension, "{\"tissues\": " + std::string(20000, '[')},
          {"huge" + extension, "{\"note\": \"" + std::string(8 << 20, 'x') + "\"}"},
          {"wrongtype" + extension, "title: Calf cramp\nsteps:\n  - technique: gliding\n"}};
}

TEST_F(CommandLine, BrokenModelAndTissueMapFilesAreReportedByName) {
  // The last model is valid glTF that crashes Assimp 5.2: the importer's crash must not be ours.
  std::vector<std::string> models{path("missing.glb"), LEGATLAS_SOURCE_DIR "/tests/data/models/skin_without_inverse_bind_matrices.gltf"},
      maps{path("missing.tissues.json"), "/dev/zero"};
  for (const auto& [name, bytes] : brokenFiles(".glb", model_)) {
    std::ofstream(path(name), std::ios::binary) << bytes;
    models.push_back(path(name));
  }
  for (const auto& [name, bytes] : brokenFiles(".json", model_)) {
    std::ofstream(path("map-" + name), std::ios::binary) << bytes;
    maps.push_back(path("map-" + name));
  }
  const auto expectNamed = [](const std::string& command, const std::string& file) {
    const ProcessResult run = runLegatlas(command);
    EXPECT_EQ(run.exitCode, 1) << command << "\n" << run.output;
    EXPECT_NE(run.output.find(fs::path(file).filename().string()), std::string::npos) << command << "\n" << run.output;
  };
  for (const std::string& file : models) {
    expectNamed("model-info --model " + file, file);
    expectNamed("render --model " + file + " --out " + path("x.png"), file);
    expectNamed("check calf_cramp --model " + file, file);
  }
  for (const std::string& file : maps) expectNamed("model-info --model " + model_ + " --tissue-map " + file, file);
}

// A file named for one format must not hold another: it would be opened by the wrong reader.
TEST_F(CommandLine, NoFileIsWrittenUnderTheNameOfAnotherFormat) {
  const auto expectRefused = [&](const std::string& command, const std::string& name, const std::string& ending) {
    const ProcessResult run = runLegatlas(command + " --out " + path(name));
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_NE(run.output.find("--out: " + path(name)), std::string::npos) << run.output;
    EXPECT_NE(run.output.find(ending), std::string::npos) << run.output;
    EXPECT_FALSE(fs::exists(path(name))) << "nothing is written";
  };
  for (const std::string name : {"leg.obj", "leg.fbx", "leg"}) expectRefused("build-model", name, ".glb");
  for (const std::string name : {"view.jpg", "view"}) expectRefused("render --size 64x64", name, ".png");
}

TEST_F(CommandLine, BrokenAnatomyFilesAreReportedByName) {
  for (const auto& [name, bytes] : brokenFiles(".json", model_)) {
    for (const std::string replaced : {"landmarks.json", "muscles.json"}) {
      const fs::path anatomy = path("anatomy-" + name + "-" + replaced);
      fs::create_directories(anatomy);
      fs::copy(LEGATLAS_SOURCE_DIR "/assets/anatomy", anatomy, fs::copy_options::overwrite_existing);
      std::ofstream(anatomy / replaced, std::ios::binary) << bytes;
      for (const std::string& command : {"build-model --anatomy " + anatomy.string() + " --out " + path("leg.glb"),
                                         "landmarks --anatomy " + anatomy.string()}) {
        const ProcessResult run = runLegatlas(command);
        EXPECT_EQ(run.exitCode, 1) << command << "\n" << run.output;
        EXPECT_NE(run.output.find(replaced), std::string::npos) << command << "\n" << run.output;
      }
    }
  }
  // A file or a missing folder where the anatomy folder should be is named as such.
  for (const std::string& notAFolder : {model_, path("no-anatomy-here")}) {
    const ProcessResult run = runLegatlas("landmarks --anatomy " + notAFolder);
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_NE(run.output.find(notAFolder + ": "), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("folder"), std::string::npos) << run.output;
  }
}

TEST_F(CommandLine, BrokenLessonAndPathFilesAreReportedByName) {
  const auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(path(name), std::ios::binary) << bytes;
    return path(name);
  };
  const auto folder = [&](const std::string& name) {
    fs::create_directories(path(name));
    return path(name);
  };
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
  const std::vector<std::string> files{
      path("missing.yaml"),
      "/dev/zero",  // endless: must be refused, not read until memory runs out
      folder("folder.yaml"),
      write("empty.yaml", ""),
      write("binary.yaml", binary),
      write("truncated.yaml", "title: T\ncondition: C\ngoal: G\nsafety:\n  - s\nsteps:\n  - technique: glid"),
      write("nested.yaml", "title: " + std::string(20000, '[')),
      write("huge.yaml", "title: T\n" + std::string(8 << 20, '#') + "\n"),
      write("wrongtype.yaml", "title: [1, 2]\ncondition: C\ngoal: G\nsafety: s\nsteps: 3\n"),
  };
  for (const std::string& file : files) {
    for (const std::string& command : {"check " + file, "strokes --lesson " + file, "render --lesson " + file + " --out " + path("x.png")}) {
      const ProcessResult run = runLegatlas(command);
      EXPECT_EQ(run.exitCode, 1) << command << "\n" << run.output;
      EXPECT_NE(run.output.find(fs::path(file).filename().string()), std::string::npos) << command << "\n" << run.output;
    }
  }
  std::string manySamples = "[";
  for (int i = 0; i < 30000; ++i) manySamples += std::string(i ? "," : "") + "[0, -0.5, 0.05, " + std::to_string(i) + "]";
  const std::vector<std::string> paths{
      path("missing.json"), "/dev/urandom", write("empty.json", ""), write("binary.json", binary), write("truncated.json", "[[0, -0.5, 0.05, 0], [0, -0.4"),
      write("nested.json", std::string(20000, '[')), write("many.json", manySamples + "]"),
      write("wrongtype.json", R"({"working": "up the leg"})"),
  };
  for (const std::string& file : paths) {
    const ProcessResult run = runLegatlas("score --technique gliding --target leg_anterior --path " + file);
    EXPECT_EQ(run.exitCode, 1) << file << "\n" << run.output;
    EXPECT_NE(run.output.find(fs::path(file).filename().string()), std::string::npos) << file << "\n" << run.output;
  }
}

}  // namespace
