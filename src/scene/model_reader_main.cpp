// legatlas-model-reader FILE [--up AXIS] [--front AXIS] [--metres-per-unit X]
// Reads a model file with Assimp and writes its meshes, in the model frame, to standard
// output as bytes that loadModel decodes. LegAtlas runs it; people have no need to.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "scene/model_reader.h"

namespace {

bool writeAll(const std::string& bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

int usage() {
  std::fputs("usage: legatlas-model-reader FILE [--up AXIS] [--front AXIS] [--metres-per-unit X]\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc % 2 != 0) return usage();
  legatlas::anatomy::ModelFrameHint hint;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string name = argv[i], value = argv[i + 1];
    if (name == "--up") hint.up = value;
    else if (name == "--front") hint.front = value;
    else if (name == "--metres-per-unit") hint.metresPerUnit = std::strtof(value.c_str(), nullptr);
    else return usage();
  }
  return writeAll(legatlas::scene::readModelAnswer(argv[1], hint)) ? 0 : 1;
}
