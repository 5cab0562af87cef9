#include "core/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

extern char** environ;

namespace legatlas {

namespace {

// Reads until the program closes its end, or gives up after `limit` without an end.
std::string readAll(int fd, std::chrono::seconds limit, bool& timedOut) {
  std::string bytes;
  char buffer[1 << 16];
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{fd, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&ready, 1, static_cast<int>(left.count())) == 0) {
      timedOut = true;
      break;
    }
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  return bytes;
}

// Starts the program with its standard output on `output`; -1 if it cannot start.
pid_t spawnWithOutput(const std::vector<std::string>& argv, int output) {
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO);
  pid_t child = -1;
  const int failed = ::posix_spawn(&child, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return failed ? -1 : child;
}

}  // namespace

ChildOutcome runProgram(const std::vector<std::string>& argv, std::chrono::seconds limit) {
  ChildOutcome outcome;
  int pipeEnds[2];
  // Close-on-exec: a program another thread spawns meanwhile must not hold our pipe open.
  if (argv.empty() || ::pipe2(pipeEnds, O_CLOEXEC) != 0) return outcome;
  const pid_t child = spawnWithOutput(argv, pipeEnds[1]);
  ::close(pipeEnds[1]);
  if (child < 0) {
    ::close(pipeEnds[0]);
    return outcome;
  }
  outcome.started = true;
  outcome.bytes = readAll(pipeEnds[0], limit, outcome.timedOut);
  ::close(pipeEnds[0]);
  if (outcome.timedOut) ::kill(child, SIGKILL);  // an importer caught in a loop
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  outcome.finished = !outcome.timedOut && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  if (!outcome.finished) outcome.bytes.clear();
  return outcome;
}

}  // namespace legatlas
