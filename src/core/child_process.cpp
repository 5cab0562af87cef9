#include "core/child_process.h"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace legatlas {

namespace {

void writeAll(int fd, const std::string& bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(4);
    written += static_cast<size_t>(n);
  }
}

// Reads until the child closes its end, or gives up after `limit` without an end.
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

}  // namespace

ChildOutcome runInChildProcess(const std::function<std::string()>& work, std::chrono::seconds limit) {
  int pipeEnds[2];
  if (::pipe(pipeEnds) != 0) return {true, 0, false, work()};
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipeEnds[0]);
    ::close(pipeEnds[1]);
    return {true, 0, false, work()};
  }
  if (child == 0) {
    ::close(pipeEnds[0]);
    // A crash here should just end the child. Handlers installed in the parent (a
    // sanitizer's report) may wait on locks that other parent threads held at fork time.
    for (const int fatal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) ::signal(fatal, SIG_DFL);
    try {
      writeAll(pipeEnds[1], work());
    } catch (...) {
      ::_exit(3);
    }
    // _exit: no atexit handlers or static destructors of the parent's state run twice.
    ::_exit(0);
  }
  ::close(pipeEnds[1]);
  ChildOutcome outcome;
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
