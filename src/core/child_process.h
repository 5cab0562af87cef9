#pragma once
// Running third-party code that reads untrusted files (Assimp's importers) where its
// crash cannot take LegAtlas down: in a forked child process whose only output is bytes.
#include <chrono>
#include <functional>
#include <string>

namespace legatlas {

struct ChildOutcome {
  bool finished = false;  // false: the child died (a signal) or exited with an error
  int signal = 0;         // the signal that ended it, if any
  bool timedOut = false;  // it ran past its time and was killed
  std::string bytes;      // what `work` returned, when finished
};

// Runs `work` in a child process and returns what it produced. `work` must not throw;
// if it does, crashes or runs past `limit`, the outcome says so. Where fork is
// unavailable `work` runs here.
ChildOutcome runInChildProcess(const std::function<std::string()>& work, std::chrono::seconds limit);

}  // namespace legatlas
