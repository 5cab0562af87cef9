// Replays, in the ordinary build, every input a fuzz target starts from (its seeds) and
// every input that ever made one fail (tests/fuzz/regressions/TARGET/): each must be read
// or refused with an InputError, the only outcomes the harnesses accept.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/text.h"
#include "harnesses.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFuzzDir = LEGATLAS_SOURCE_DIR "/tests/fuzz";

std::vector<fs::path> inputsOf(const std::string& target) {
  std::vector<fs::path> inputs;
  for (const char* kind : {"corpus", "regressions"}) {
    const fs::path dir = kFuzzDir / kind / target;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) inputs.push_back(entry.path());
  }
  return inputs;
}

void replay(const std::string& target, const std::function<void(std::string_view)>& feed, size_t atLeast) {
  const std::vector<fs::path> inputs = inputsOf(target);
  EXPECT_GE(inputs.size(), atLeast) << "the seeds of " << target << " are missing";
  for (const fs::path& input : inputs) {
    const std::string bytes = legatlas::readFile(input.string());
    EXPECT_NO_THROW(feed(bytes)) << input;
  }
}

}  // namespace

TEST(FuzzInputs, Lessons) { replay("lesson", legatlas::fuzz::feedLesson, 5); }
TEST(FuzzInputs, DescriptionFiles) { replay("description", legatlas::fuzz::feedDescription, 8); }
TEST(FuzzInputs, TissueMaps) { replay("tissue_map", legatlas::fuzz::feedTissueMap, 3); }
TEST(FuzzInputs, StrokePaths) { replay("stroke_path", legatlas::fuzz::feedStrokePath, 3); }
TEST(FuzzInputs, Models) { replay("model", legatlas::fuzz::feedModel, 7); }
TEST(FuzzInputs, Conditions) { replay("condition", legatlas::fuzz::feedCondition, 3); }
