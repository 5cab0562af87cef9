#pragma once
// The practice scores a student has earned, kept in a per-user file (the XDG data
// folder). Every write is atomic, so a crash leaves the old file or the new one; a file
// that cannot be read is moved aside, never emptied; two programs writing at once do
// not lose each other's scores (each write re-reads the file under a lock).
#include <string>
#include <vector>

namespace legatlas::technique {

struct ScoreEntry {
  std::string when;  // ISO 8601, UTC
  std::string technique, target;
  int score = 0;
};

class ScoreBook {
 public:
  explicit ScoreBook(std::string path);
  // $XDG_DATA_HOME/legatlas/scores.json, else ~/.local/share/legatlas/scores.json.
  static std::string defaultPath();

  const std::string& path() const { return path_; }
  // The saved entries. A corrupt file is moved to "<path>.corrupt-YYYYMMDD-HHMMSS" and
  // `notice` says so; the book then starts empty.
  std::vector<ScoreEntry> load(std::string& notice) const;
  // Adds one entry to the file. Throws InputError when the folder cannot be written.
  void add(const ScoreEntry& entry, std::string& notice) const;

 private:
  std::string path_;
};

// Now, as ISO 8601 UTC.
std::string nowIso8601();

}  // namespace legatlas::technique
