#include "core/child_process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

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

std::string readAll(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  return bytes;
}

}  // namespace

ChildOutcome runInChildProcess(const std::function<std::string()>& work) {
  int pipeEnds[2];
  if (::pipe(pipeEnds) != 0) return {true, 0, work()};
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipeEnds[0]);
    ::close(pipeEnds[1]);
    return {true, 0, work()};
  }
  if (child == 0) {
    ::close(pipeEnds[0]);
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
  outcome.bytes = readAll(pipeEnds[0]);
  ::close(pipeEnds[0]);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  outcome.finished = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  outcome.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  if (!outcome.finished) outcome.bytes.clear();
  return outcome;
}

}  // namespace legatlas
