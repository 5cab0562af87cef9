#pragma once
// Running third-party code that reads untrusted files (Assimp's importers) where its
// crash cannot take LegAtlas down: in a program of its own, whose only output is bytes.
#include <chrono>
#include <string>
#include <vector>

namespace legatlas {

struct ChildOutcome {
  bool started = false;   // false: the program could not be run at all
  bool finished = false;  // false: it died (a signal), exited with an error, or ran too long
  int signal = 0;         // the signal that ended it, if any
  bool timedOut = false;  // it ran past its time and was killed
  std::string bytes;      // what it wrote to its standard output, when finished
};

// Runs the program `argv[0]` with `argv` and collects its standard output; its standard
// error stays ours. A program still running after `limit` is killed. The program is
// spawned (never a bare fork): a fork of this process, whose other threads (a GL driver's,
// a loader's) may hold the allocator's or the dynamic linker's locks, could deadlock.
ChildOutcome runProgram(const std::vector<std::string>& argv, std::chrono::seconds limit);

}  // namespace legatlas
