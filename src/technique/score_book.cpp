#include "technique/score_book.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"
#include "core/user_folders.h"

namespace legatlas::technique {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string utcStamp(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, format, &utc);
  return text;
}

// Holds an exclusive lock on "<path>.lock" while it lives.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(::open((path + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

std::vector<ScoreEntry> parseEntries(const std::string& text) {
  const Json document = Json::parse(text);  // throws on bad JSON
  std::vector<ScoreEntry> entries;
  for (const Json& e : document.at("scores"))
    entries.push_back({e.at("when").get<std::string>(), e.at("technique").get<std::string>(),
                       e.at("target").get<std::string>(), e.at("score").get<int>()});
  return entries;
}

// Reads the file; a corrupt one is moved aside. Call with the lock held.
std::vector<ScoreEntry> readOrSetAside(const std::string& path, std::string& notice) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return {};
  try {
    return parseEntries(readFile(path));
  } catch (const std::exception& e) {
    const std::string aside = moveAside(path);
    notice = "The scores file " + path + " could not be read (" + std::string(e.what()).substr(0, 120) + "); it was moved to " +
             aside + " and a new one started.";
    return {};
  }
}

// A writer killed between creating its temporary file and renaming it leaves the
// temporary behind. Writers hold the lock, so with it held every temporary is stale.
void removeStaleTemporaries(const std::string& path) {
  const fs::path folder = fs::path(path).parent_path();
  const std::string prefix = fs::path(path).filename().string() + ".tmp-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().filename().string().starts_with(prefix)) fs::remove(entry.path(), ec);
}

}  // namespace

std::string nowIso8601() { return utcStamp("%Y-%m-%dT%H:%M:%SZ"); }

ScoreBook::ScoreBook(std::string path) : path_(std::move(path)) {}

std::string ScoreBook::defaultPath() {
  return (xdgFolder("XDG_DATA_HOME", fs::path(".local") / "share") / "legatlas" / "scores.json").string();
}

std::vector<ScoreEntry> ScoreBook::load(std::string& notice) const {
  std::error_code ec;
  if (!fs::exists(path_, ec)) return {};
  FileLock lock(path_);
  return readOrSetAside(path_, notice);
}

void ScoreBook::add(const ScoreEntry& entry, std::string& notice) const {
  std::error_code ec;
  fs::create_directories(fs::path(path_).parent_path(), ec);
  if (ec) throw InputError(fs::path(path_).parent_path().string(), "", "cannot create the folder for scores (" + ec.message() + ")",
                           "set XDG_DATA_HOME to a folder you can write");
  FileLock lock(path_);
  removeStaleTemporaries(path_);
  std::vector<ScoreEntry> entries = readOrSetAside(path_, notice);
  entries.push_back(entry);
  Json out = {{"scores", Json::array()}};
  for (const ScoreEntry& e : entries)
    out["scores"].push_back({{"when", e.when}, {"technique", e.technique}, {"target", e.target}, {"score", e.score}});
  writeFileAtomically(path_, out.dump(1) + "\n");
}

}  // namespace legatlas::technique
