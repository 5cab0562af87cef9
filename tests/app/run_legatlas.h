#pragma once
// The real legatlas binary run as a user runs it, for the tests of the app tier.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace legatlas::testing {

struct ProcessResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together, unless asked for stdout alone
};

// `environment` is prefixed to the command, e.g. "DISPLAY=".
inline ProcessResult runLegatlas(const std::string& arguments, const std::string& environment = "",
                                 bool standardOutputOnly = false) {
  // GL debug output on in every run: a GL error fails the command, and so the test.
  const std::string command = "LEGATLAS_GL_DEBUG=1 " + environment + " " + std::string(LEGATLAS_BINARY) + " " + arguments +
                              (standardOutputOnly ? " 2>/dev/null" : " 2>&1");
  ProcessResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) run.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace legatlas::testing
