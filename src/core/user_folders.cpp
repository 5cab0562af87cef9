#include "core/user_folders.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace legatlas {
namespace {

std::filesystem::path homeFolder() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  if (const passwd* account = ::getpwuid(::getuid()); account && account->pw_dir && *account->pw_dir) return account->pw_dir;
  return ".";
}

}  // namespace

std::filesystem::path xdgFolder(const char* variable, const std::filesystem::path& underHome) {
  const char* value = std::getenv(variable);
  if (value && *value && std::filesystem::path(value).is_absolute()) return value;
  return homeFolder() / underHome;
}

}  // namespace legatlas
