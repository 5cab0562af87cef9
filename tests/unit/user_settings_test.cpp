#include "core/user_settings.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace legatlas {
namespace {

namespace fs = std::filesystem;

TEST(UserSettings, SurviveARestartAndACorruptFileIsSetAside) {
  const fs::path dir = fs::temp_directory_path() / ("legatlas_settings_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string path = (dir / "legatlas" / "settings.json").string();
  std::string notice;
  EXPECT_EQ(UserSettings::load(path, notice), UserSettings{}) << "defaults before the first run";
  UserSettings s;
  s.uiScale = 1.75f;
  s.playbackSpeed = 0.5f;
  s.labels = true;
  s.cameraFollowsSteps = false;
  s.lesson = "edema";
  s.guides = "lymph,territories";
  s.save(path);
  EXPECT_EQ(UserSettings::load(path, notice), s);
  EXPECT_TRUE(notice.empty());

  std::ofstream(path) << "{\"ui_scale\": 1.5, ";
  EXPECT_EQ(UserSettings::load(path, notice), UserSettings{});
  EXPECT_NE(notice.find("moved to"), std::string::npos) << notice;
  bool kept = false;
  for (const auto& entry : fs::directory_iterator(dir / "legatlas"))
    kept = kept || entry.path().filename().string().starts_with("settings.json.corrupt-");
  EXPECT_TRUE(kept);
  fs::remove_all(dir);
}

TEST(UserSettings, OutOfRangeValuesAreClamped) {
  const fs::path dir = fs::temp_directory_path() / ("legatlas_settings_range_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "settings.json").string();
  std::ofstream(path) << R"({"ui_scale": 40, "playback_speed": 0.01})";
  std::string notice;
  const UserSettings s = UserSettings::load(path, notice);
  EXPECT_FLOAT_EQ(s.uiScale, 3.0f);
  EXPECT_FLOAT_EQ(s.playbackSpeed, 0.25f);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace legatlas
