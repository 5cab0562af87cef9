#include "core/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "core/error.h"

namespace legatlas {

namespace {
[[noreturn]] void fail(const std::string& path, const char* what) {
  throw InputError(path, "", std::string(what) + ": " + std::strerror(errno),
                   "check that the folder exists and you may write to it");
}

// Where the bytes go: the file a symbolic link points at (the link stays a link), and
// never a folder or a device, which a rename would replace rather than write into.
std::string replacedFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return path;
  if (fs::is_directory(status))
    throw InputError(path, "", "is a folder", "give the path of a file to write, inside the folder or beside it");
  if (!fs::is_regular_file(status))
    throw InputError(path, "", "is a device or pipe, not a file", "give the path of a file to write");
  const fs::path target = fs::canonical(path, ec);
  return ec ? path : target.string();
}

}  // namespace

void checkWritablePath(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(replacedFile(path)).parent_path();
  if (std::error_code ec; !folder.empty() && !fs::is_directory(folder, ec))
    throw InputError(path, "", "its folder " + folder.string() + " does not exist", "create the folder, or give another path");
}

void writeFileAtomically(const std::string& given, std::string_view bytes) {
  const std::string path = replacedFile(given);
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, "cannot create the file");
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(temporary.c_str());
      fail(path, "cannot write the file");
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temporary.c_str());
    fail(path, "cannot flush the file");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    fail(path, "cannot replace the file");
  }
}

}  // namespace legatlas

namespace legatlas {

std::string moveAside(const std::string& path) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
  std::string aside = path + ".corrupt-" + stamp;
  std::error_code ec;
  for (int n = 2; std::filesystem::exists(aside, ec); ++n) aside = path + ".corrupt-" + stamp + "-" + std::to_string(n);
  std::filesystem::rename(path, aside, ec);
  return ec ? std::string() : aside;
}

}  // namespace legatlas
