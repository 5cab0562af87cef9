// `legatlas simulate` as a user runs it: the edema lesson on a swollen lower leg, its
// JSON, the reversed and reordered plays, and bad conditions refused by name.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_legatlas.h"

namespace {

namespace fs = std::filesystem;
using legatlas::testing::ProcessResult;
using legatlas::testing::runLegatlas;
using Json = nlohmann::json;

Json simulate(const std::string& arguments) {
  const ProcessResult run = runLegatlas("simulate --leg described --lesson edema --json " + arguments, "", true);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  return Json::parse(run.output);
}

TEST(SimulateCommand, PrintsTheExcessAndTheTapeAfterEveryStep) {
  const Json forward = simulate("");
  EXPECT_EQ(forward["condition"], "ankle_lower_leg");
  ASSERT_EQ(forward["steps"].size(), 14u) << "the edema lesson's steps";
  EXPECT_DOUBLE_EQ(forward["start"]["excess_ml"].get<double>(), 400.0);
  const Json& last = forward["steps"].back();
  EXPECT_LT(last["excess_ml"].get<double>(), 300.0);
  EXPECT_GT(last["session_minutes"].get<double>(), 40.0) << "the lesson's session minutes";
  ASSERT_GE(last["tape"].size(), 12u);
  EXPECT_EQ(last["tape"][1]["above_ankle_cm"].get<double>(), 4.0);
  EXPECT_LT(last["tape"][2]["circumference_cm"].get<double>(), forward["start"]["tape"][2]["circumference_cm"].get<double>());
  const Json reversed = simulate("--reverse");
  EXPECT_LT(reversed["removed_share"].get<double>(), forward["removed_share"].get<double>() / 3.0);
  const Json fromTheFoot = simulate("--order distal-first");
  EXPECT_EQ(fromTheFoot["steps"][0]["technique"], "mld_pump") << "the foot's pumps first";
  EXPECT_LT(fromTheFoot["removed_share"].get<double>(), simulate("--order proximal-first")["removed_share"].get<double>());
  const ProcessResult table = runLegatlas("simulate --leg described --lesson edema");
  EXPECT_NE(table.output.find("removed "), std::string::npos) << table.output;
}

TEST(SimulateCommand, BadConditionsAreRefusedByName) {
  const ProcessResult unknown = runLegatlas("simulate --leg described --lesson edema --condition ankle");
  EXPECT_EQ(unknown.exitCode, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("ankle_lower_leg"), std::string::npos) << unknown.output;
  const fs::path file = fs::temp_directory_path() / ("legatlas_condition_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << "conditions:\n  - id: mine\n    name: Mine\n    excess_ml: 100\n    levels:\n      - {at: ankle_bone, amount: 1}\n";
  const ProcessResult badLandmark = runLegatlas("simulate --leg described --lesson edema --condition " + file.string());
  EXPECT_EQ(badLandmark.exitCode, 1) << badLandmark.output;
  EXPECT_NE(badLandmark.output.find(file.string() + ": line 6"), std::string::npos) << badLandmark.output;
  EXPECT_NE(badLandmark.output.find("ankle_bone"), std::string::npos) << badLandmark.output;
  fs::remove(file);
  EXPECT_EQ(runLegatlas("simulate --leg described --lesson edema --order sideways").exitCode, 2);
}

}  // namespace
