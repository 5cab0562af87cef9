#pragma once
// Running third-party code that reads untrusted files (Assimp's importers) where its
// crash cannot take LegAtlas down: in a forked child process whose only output is bytes.
#include <functional>
#include <string>

namespace legatlas {

struct ChildOutcome {
  bool finished = false;  // false: the child died (a signal) or exited with an error
  int signal = 0;         // the signal that ended it, if any
  std::string bytes;      // what `work` returned, when finished
};

// Runs `work` in a child process and returns what it produced. `work` must not throw;
// if it does, or crashes, the outcome says so. Where fork is unavailable `work` runs here.
ChildOutcome runInChildProcess(const std::function<std::string()>& work);

}  // namespace legatlas
