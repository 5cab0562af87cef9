#pragma once
// The program's command line: the viewer's options and the commands', each option that
// several commands share (the model, --leg, --anatomy, --json, --size, --msaa) declared
// in one place, and each command a row of one table.
#include <chrono>

namespace legatlas::app {

// Parses the command line and runs the viewer or the command it names. Returns the exit
// code: 0, or 2 for a bad command line; a bad input file or value (1) and a graphics
// driver problem (3) are thrown for the caller to report.
int runCommandLine(int argc, char** argv, std::chrono::steady_clock::time_point processStart);

}  // namespace legatlas::app
