#include "core/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/error.h"

namespace legatlas {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("legatlas_atomic_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  // The reason writing to `path` is refused, or "" when it is written.
  static std::string refusal(const fs::path& path) {
    try {
      writeFileAtomically(path.string(), "new");
      return "";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), path.string());
      return e.reason();
    }
  }

  fs::path dir_;
};

TEST_F(AtomicFile, ALinkStaysALinkAndTheFileItPointsAtIsReplaced) {
  fs::create_directories(dir_ / "synced");
  std::ofstream(dir_ / "synced" / "scores.json") << "old";
  fs::create_symlink(dir_ / "synced" / "scores.json", dir_ / "scores.json");
  writeFileAtomically((dir_ / "scores.json").string(), "new");
  EXPECT_TRUE(fs::is_symlink(dir_ / "scores.json"));
  EXPECT_EQ(contents(dir_ / "synced" / "scores.json"), "new");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "synced"), {}), 1) << "no temporary file left";
}

TEST_F(AtomicFile, AFolderOrAPipeIsNeverReplaced) {
  fs::create_directories(dir_ / "renders");
  EXPECT_NE(refusal(dir_ / "renders").find("folder"), std::string::npos);
  EXPECT_TRUE(fs::is_directory(dir_ / "renders"));

  ASSERT_EQ(::mkfifo((dir_ / "pipe").c_str(), 0600), 0);
  EXPECT_NE(refusal(dir_ / "pipe").find("not a file"), std::string::npos);
  EXPECT_TRUE(fs::is_fifo(dir_ / "pipe")) << "the pipe must not be renamed over";

  EXPECT_EQ(refusal(dir_ / "new.png"), "");
  EXPECT_EQ(contents(dir_ / "new.png"), "new");
}

TEST_F(AtomicFile, AWriterCanAskBeforeItWorks) {
  EXPECT_NO_THROW(checkWritablePath((dir_ / "recording.json").string()));
  const auto reason = [](const fs::path& path) {
    try {
      checkWritablePath(path.string());
    } catch (const InputError& e) {
      return e.reason();
    }
    return std::string();
  };
  EXPECT_NE(reason(dir_ / "no-such-folder" / "recording.json").find("does not exist"), std::string::npos);
  EXPECT_NE(reason(dir_).find("folder"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "recording.json")) << "asking writes nothing";
}

}  // namespace
}  // namespace legatlas
