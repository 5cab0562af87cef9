// Scores survive: written atomically, a corrupt file set aside, concurrent writers merged.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <csignal>
#include <random>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/text.h"
#include "technique/score_book.h"

namespace legatlas::technique {
namespace {

namespace fs = std::filesystem;

class ScoreBookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("legatlas_scores_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    path_ = (dir_ / "legatlas" / "scores.json").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

TEST_F(ScoreBookTest, EntriesAreKeptAcrossReads) {
  const ScoreBook book(path_);
  std::string notice;
  EXPECT_TRUE(book.load(notice).empty());
  book.add({"2026-11-24T10:00:00Z", "gliding", "leg_anterior", 93}, notice);
  book.add({"2026-11-24T10:01:00Z", "thumb_stroke", "tibialis_anterior", 12}, notice);
  const auto entries = ScoreBook(path_).load(notice);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].score, 93);
  EXPECT_EQ(entries[1].technique, "thumb_stroke");
  EXPECT_TRUE(notice.empty()) << notice;
}

TEST_F(ScoreBookTest, ACorruptFileIsSetAsideAndReported) {
  fs::create_directories(fs::path(path_).parent_path());
  std::ofstream(path_) << "{\"scores\": [ {\"when\": \"x\", \"tech";
  const ScoreBook book(path_);
  std::string notice;
  EXPECT_TRUE(book.load(notice).empty());
  EXPECT_NE(notice.find("could not be read"), std::string::npos) << notice;
  int asideCount = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(path_).parent_path()))
    if (entry.path().filename().string().starts_with("scores.json.corrupt-")) {
      ++asideCount;
      EXPECT_NE(readFile(entry.path().string()).find("tech"), std::string::npos) << "kept, not emptied";
    }
  EXPECT_EQ(asideCount, 1);
  book.add({"2026-11-24T10:00:00Z", "gliding", "leg_anterior", 80}, notice);
  EXPECT_EQ(book.load(notice).size(), 1u);
}

TEST_F(ScoreBookTest, TwoProgramsWritingAtOnceLoseNothing) {
  constexpr int kEach = 40;
  std::string notice;
  ScoreBook(path_).add({"2026-11-24T09:00:00Z", "gliding", "leg_anterior", 50}, notice);
  std::vector<pid_t> children;
  for (int writer = 0; writer < 2; ++writer) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::string childNotice;
      for (int i = 0; i < kEach; ++i) ScoreBook(path_).add({"2026-11-24T10:00:00Z", "kneading", "soleus", writer * 100 + i}, childNotice);
      std::_Exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  EXPECT_EQ(ScoreBook(path_).load(notice).size(), 1u + 2 * kEach);
}

TEST_F(ScoreBookTest, AWriterKilledAtAnyMomentLeavesTheOldFileOrTheNew) {
  std::mt19937 random(12345);
  size_t before = 0;
  for (int round = 0; round < 25; ++round) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::string notice;
      for (int i = 0;; ++i) ScoreBook(path_).add({"2026-11-24T10:00:00Z", "gliding", "leg_anterior", i % 100}, notice);
    }
    ::usleep(std::uniform_int_distribution<useconds_t>(200, 15000)(random));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    std::string notice;
    const auto entries = ScoreBook(path_).load(notice);
    EXPECT_TRUE(notice.empty()) << "round " << round << ": " << notice;
    EXPECT_GE(entries.size(), before) << "round " << round << ": scores were lost";
    before = entries.size();
  }
  for (const auto& entry : fs::directory_iterator(fs::path(path_).parent_path()))
    EXPECT_FALSE(entry.path().filename().string().starts_with("scores.json.corrupt")) << entry.path();
  EXPECT_GT(before, 0u);
}

TEST(ScoreBookPath, FollowsXdgDataHome) {
  const char* saved = std::getenv("XDG_DATA_HOME");
  const std::string restore = saved ? saved : "";
  ::setenv("XDG_DATA_HOME", "/tmp/some-data", 1);
  EXPECT_EQ(ScoreBook::defaultPath(), "/tmp/some-data/legatlas/scores.json");
  ::unsetenv("XDG_DATA_HOME");
  EXPECT_NE(ScoreBook::defaultPath().find(".local/share/legatlas/scores.json"), std::string::npos);
  // A relative value is ignored, as the XDG spec says, and without HOME the account's
  // home is used: never a folder relative to wherever the program was started.
  ::setenv("XDG_DATA_HOME", "relative/data", 1);
  const char* home = std::getenv("HOME");
  const std::string homeWas = home ? home : "";
  ::unsetenv("HOME");
  EXPECT_TRUE(std::filesystem::path(ScoreBook::defaultPath()).is_absolute()) << ScoreBook::defaultPath();
  EXPECT_EQ(ScoreBook::defaultPath().find("relative/data"), std::string::npos);
  if (home) ::setenv("HOME", homeWas.c_str(), 1);
  ::unsetenv("XDG_DATA_HOME");
  if (saved) ::setenv("XDG_DATA_HOME", restore.c_str(), 1);
}

}  // namespace
}  // namespace legatlas::technique
