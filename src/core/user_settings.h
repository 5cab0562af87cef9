#pragma once
// What the viewer remembers between runs, in the XDG config folder. Written atomically;
// a file that cannot be read is moved aside and the defaults are used.
#include <string>

namespace legatlas {

struct UserSettings {
  float uiScale = 1.0f;
  float playbackSpeed = 1.0f;
  bool cameraFollowsSteps = true;
  bool labels = false;
  std::string lesson;  // the last lesson opened
  std::string guides;  // "lymph,territories,..." as render --guides takes them

  bool operator==(const UserSettings&) const = default;

  // $XDG_CONFIG_HOME/legatlas/settings.json, else ~/.config/legatlas/settings.json.
  static std::string defaultPath();
  // The saved settings, or the defaults; `notice` says when a corrupt file was set aside.
  static UserSettings load(const std::string& path, std::string& notice);
  // Throws InputError when the folder cannot be written.
  void save(const std::string& path) const;
};

}  // namespace legatlas
