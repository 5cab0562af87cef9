// Runs the real legatlas binary as a user would and checks exit codes, messages and
// the files it writes.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "layered_limb.h"

namespace fs = std::filesystem;

namespace {

struct ProcessResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr together
};

// `environment` is prefixed to the command, e.g. "DISPLAY=".
ProcessResult runLegatlas(const std::string& arguments, const std::string& environment = "") {
  const std::string command = environment + " " + std::string(LEGATLAS_BINARY) + " " + arguments + " 2>&1";
  ProcessResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) run.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

class CommandLine : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("legatlas_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    model_ = (dir_ / "limb.glb").string();
    legatlas::testing::writeLayeredLimb(legatlas::testing::makeLayeredLimb(1), model_);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static std::string path(const std::string& name) { return (dir_ / name).string(); }

  static inline fs::path dir_;
  static inline std::string model_;
};

}  // namespace

TEST_F(CommandLine, HelpListsEveryCommandAndOption) {
  const ProcessResult help = runLegatlas("--help");
  EXPECT_EQ(help.exitCode, 0);
  for (const char* word : {"render", "bench", "--model", "--tissue-map", "--version"}) {
    EXPECT_NE(help.output.find(word), std::string::npos) << word;
  }
  const ProcessResult renderHelp = runLegatlas("render --help");
  EXPECT_EQ(renderHelp.exitCode, 0);
  for (const char* word : {"--view", "--layers", "--size", "--out", "--select"}) {
    EXPECT_NE(renderHelp.output.find(word), std::string::npos) << word;
  }
  const ProcessResult benchHelp = runLegatlas("bench --help");
  for (const char* word : {"--frames", "--size", "--model"}) {
    EXPECT_NE(benchHelp.output.find(word), std::string::npos) << word;
  }
}

TEST_F(CommandLine, VersionPrintsTheVersion) {
  const ProcessResult run = runLegatlas("--version");
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_NE(run.output.find(LEGATLAS_VERSION), std::string::npos);
}

TEST_F(CommandLine, RenderWritesAPngOfTheRequestedSize) {
  const std::string out = path("lateral.png");
  const ProcessResult run = runLegatlas("render --model " + model_ + " --view lateral --layers skin=0.3,muscles,bones --size 320x200 --debug-gl --out " + out);
  ASSERT_EQ(run.exitCode, 0) << run.output;
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load(out.c_str(), &width, &height, &channels, 3);
  ASSERT_NE(pixels, nullptr);
  EXPECT_EQ(width, 320);
  EXPECT_EQ(height, 200);
  std::set<int> colours;
  for (int i = 0; i < width * height; i += 7) {
    colours.insert(pixels[i * 3] << 16 | pixels[i * 3 + 1] << 8 | pixels[i * 3 + 2]);
  }
  stbi_image_free(pixels);
  EXPECT_GT(colours.size(), 50u) << "the image is blank or nearly so";
}

TEST_F(CommandLine, BadArgumentsExitWithUsageError) {
  for (const char* arguments : {"render", "render --out x.png --size 10", "render --out x.png --size 100xabc",
                                "render --out x.png --msaa 17", "--no-such-option", "bench --frames -3"}) {
    const ProcessResult run = runLegatlas(arguments);
    EXPECT_EQ(run.exitCode, 2) << arguments << "\n" << run.output;
    EXPECT_NE(run.output.find("legatlas"), std::string::npos) << arguments;
  }
}

TEST_F(CommandLine, BadValuesExitWithInputErrorNamingThePlace) {
  const struct {
    std::string arguments;
    std::string mustMention;
  } cases[] = {
      {"render --model " + model_ + " --view sideways --out " + path("a.png"), "--view"},
      {"render --model " + model_ + " --layers skin=2 --out " + path("a.png"), "--layers"},
      {"render --model " + model_ + " --select femur --out " + path("a.png"), "--select"},
      {"render --model " + path("absent.glb") + " --out " + path("a.png"), "absent.glb"},
      {"render --model " + model_ + " --tissue-map " + path("absent.json") + " --out " + path("a.png"), "absent.json"},
  };
  for (const auto& c : cases) {
    const ProcessResult run = runLegatlas(c.arguments);
    EXPECT_EQ(run.exitCode, 1) << c.arguments << "\n" << run.output;
    EXPECT_NE(run.output.find(c.mustMention), std::string::npos) << run.output;
  }
}

TEST_F(CommandLine, CorruptModelIsReportedNotCrashedOn) {
  const std::string corrupt = path("corrupt.glb");
  std::ofstream(corrupt, std::ios::binary) << "glTF\x02\x00\x00\x00garbage that is not a model";
  const ProcessResult run = runLegatlas("render --model " + corrupt + " --out " + path("b.png"));
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("corrupt.glb"), std::string::npos);
  EXPECT_FALSE(fs::exists(path("b.png")));
}

TEST_F(CommandLine, UnwritableOutputIsReported) {
  const ProcessResult run = runLegatlas("render --model " + model_ + " --size 64x64 --out /nonexistent-dir/x.png");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("/nonexistent-dir/x.png"), std::string::npos);
}

TEST_F(CommandLine, BenchPrintsItsFigures) {
  const ProcessResult run = runLegatlas("bench --model " + model_ + " --frames 5 --size 160x120");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  for (const char* key : {"median_frame_ms:", "p95_frame_ms:", "first_frame_ms:", "triangles:", "peak_rss_mb:"}) {
    EXPECT_NE(run.output.find(key), std::string::npos) << key;
  }
}

// Mesa can be told to offer only OpenGL 3.3: the driver then lacks 4.1 core.
TEST_F(CommandLine, MissingOpenGl41IsAClearGraphicsError) {
  const ProcessResult run = runLegatlas("render --model " + model_ + " --size 64x64 --out " + path("c.png"),
                                        "MESA_GL_VERSION_OVERRIDE=3.3");
  EXPECT_EQ(run.exitCode, 3) << run.output;
  EXPECT_NE(run.output.find("OpenGL 4.1 core"), std::string::npos) << run.output;
  EXPECT_FALSE(fs::exists(path("c.png")));
}

// Rendering to a file needs no display server where EGL offers a surfaceless context.
TEST_F(CommandLine, RenderNeedsNoDisplay) {
  const ProcessResult run = runLegatlas("render --model " + model_ + " --size 64x64 --out " + path("d.png"), "DISPLAY=");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(fs::exists(path("d.png")));
}

// The viewer and the benchmark show a window, so they need a display and say so.
TEST_F(CommandLine, WindowWithoutDisplayIsAClearGraphicsError) {
  for (const std::string arguments : {"--model " + model_, "bench --frames 2 --model " + model_}) {
    const ProcessResult run = runLegatlas(arguments, "DISPLAY=");
    EXPECT_EQ(run.exitCode, 3) << arguments << "\n" << run.output;
    EXPECT_NE(run.output.find("display"), std::string::npos) << run.output;
  }
}

// A problem with the user's own file is the more useful message, display or not.
TEST_F(CommandLine, BadModelIsReportedEvenWithoutDisplay) {
  const ProcessResult run = runLegatlas("render --model " + path("absent.glb") + " --out " + path("e.png"), "DISPLAY=");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("absent.glb"), std::string::npos) << run.output;
}

TEST_F(CommandLine, LandmarksPrintsTheModelFrameAsJson) {
  const ProcessResult run = runLegatlas("landmarks --json");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  for (const char* text : {"\"hip_joint_centre\"", "\"medial_malleolus\"", "\"tibial_tuberosity\"", "\"units\": \"m\""}) {
    EXPECT_NE(run.output.find(text), std::string::npos) << text;
  }
  const ProcessResult bad = runLegatlas("landmarks --json --anatomy " + path("no-such-folder"));
  EXPECT_EQ(bad.exitCode, 1) << bad.output;
  EXPECT_NE(bad.output.find("no-such-folder"), std::string::npos) << bad.output;
}
