#include "core/user_settings.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/text.h"
#include "core/user_folders.h"

namespace legatlas {

namespace fs = std::filesystem;

std::string UserSettings::defaultPath() {
  return (xdgFolder("XDG_CONFIG_HOME", ".config") / "legatlas" / "settings.json").string();
}

UserSettings UserSettings::load(const std::string& path, std::string& notice) {
  UserSettings s;
  std::error_code ec;
  if (!fs::exists(path, ec)) return s;
  try {
    const nlohmann::json j = nlohmann::json::parse(readFile(path));
    s.uiScale = std::clamp(j.value("ui_scale", s.uiScale), 0.5f, 3.0f);
    s.playbackSpeed = std::clamp(j.value("playback_speed", s.playbackSpeed), 0.25f, 2.0f);
    s.cameraFollowsSteps = j.value("camera_follows_steps", s.cameraFollowsSteps);
    s.labels = j.value("labels", s.labels);
    s.lesson = j.value("lesson", s.lesson);
    s.guides = j.value("guides", s.guides);
  } catch (const std::exception& e) {
    const std::string aside = moveAside(path);
    notice = "The settings file " + path + " could not be read; it was moved to " + aside + " and the defaults are used.";
    return UserSettings{};
  }
  return s;
}

void UserSettings::save(const std::string& path) const {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const nlohmann::json j = {{"ui_scale", uiScale},   {"playback_speed", playbackSpeed}, {"camera_follows_steps", cameraFollowsSteps},
                            {"labels", labels},      {"lesson", lesson},                {"guides", guides}};
  writeFileAtomically(path, j.dump(2) + "\n");
}

}  // namespace legatlas
