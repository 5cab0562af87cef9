// legatlas: the viewer, and the commands that render, benchmark and inspect.
#include <chrono>
#include <csignal>
#include <iostream>

#include "app/command_line.h"
#include "core/error.h"

namespace {

// Taken during static initialisation, before main: the benchmark's "process start".
const auto kProcessStart = std::chrono::steady_clock::now();

}  // namespace

int main(int argc, char** argv) {
  using namespace legatlas;
  // A pipe whose reader has gone (ffmpeg refusing the video's path, `legatlas lessons | head`)
  // must fail the write with EPIPE, which is reported, not end the program with a signal.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return app::runCommandLine(argc, argv, kProcessStart);
  } catch (const InputError& e) {
    std::cerr << "legatlas: " << e.what() << '\n';
    return kExitInputError;
  } catch (const GraphicsError& e) {
    std::cerr << "legatlas: " << e.what() << '\n';
    return kExitGraphicsError;
  } catch (const std::exception& e) {
    // Every problem a user can cause is an InputError or a GraphicsError; anything else is
    // a fault of the program, reported rather than ended on with an abort.
    std::cerr << "legatlas: internal error: " << e.what() << " (please report it with the command you ran)\n";
    return kExitInternalError;
  }
}
