#pragma once
#include <filesystem>

namespace legatlas {

// The XDG base folder that `variable` names (XDG_CONFIG_HOME, XDG_DATA_HOME), or, when it
// is unset or relative (which the XDG spec says to ignore), `underHome` inside the home
// folder. Without HOME the account's home from the password database is used, and only
// without that the current folder.
std::filesystem::path xdgFolder(const char* variable, const std::filesystem::path& underHome);

}  // namespace legatlas
