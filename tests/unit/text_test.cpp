#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "core/error.h"
#include "core/text.h"

namespace fs = std::filesystem;

using legatlas::globMatch;

TEST(GlobMatch, LiteralAndCaseInsensitive) {
  EXPECT_TRUE(globMatch("Skin", "skin"));
  EXPECT_FALSE(globMatch("Skin", "Skins"));
}

TEST(GlobMatch, StarAndQuestionMark) {
  EXPECT_TRUE(globMatch("Muscle_*", "Muscle_Rectus"));
  EXPECT_TRUE(globMatch("*femoris*", "rectus_femoris_left"));
  EXPECT_TRUE(globMatch("node_?", "node_7"));
  EXPECT_FALSE(globMatch("node_?", "node_12"));
  EXPECT_FALSE(globMatch("Muscle_*", "Bone_Femur"));
  EXPECT_TRUE(globMatch("*", ""));
}

TEST(FileExtension, LowerCaseWithItsDotAndOnlyTheLastOne) {
  EXPECT_EQ(legatlas::fileExtension("models/Leg.GLB"), ".glb");
  EXPECT_EQ(legatlas::fileExtension("step3.tar.MP4"), ".mp4");
  EXPECT_EQ(legatlas::fileExtension("out/README"), "");
  EXPECT_EQ(legatlas::fileExtension("folder.d/map"), "");
}

namespace legatlas {
namespace {

TEST(NearestName, SuggestsOnlyNearMisses) {
  const std::vector<std::string> names{"gliding", "kneading", "thumb_stroke"};
  EXPECT_EQ(nearestName("glidng", names), "gliding");
  EXPECT_EQ(nearestName("Kneeding", names), "kneading");
  EXPECT_EQ(nearestName("massage", names), "");
  EXPECT_EQ(joinAsChoices({"a", "b", "c"}), "a, b or c");
  EXPECT_EQ(joinAsChoices({"a"}), "a");
}

// The reason readFile gives for `path`, or "" when it reads the file.
std::string refusal(const std::string& path, size_t mostBytes = kMostTextFileBytes) {
  try {
    readFile(path, mostBytes);
    return "";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    return e.reason();
  }
}

TEST(ReadFile, RefusesWhatIsNotAFileInsteadOfReadingForever) {
  EXPECT_NE(refusal("/dev/zero").find("device"), std::string::npos);
  EXPECT_NE(refusal("/dev/urandom").find("device"), std::string::npos);
  EXPECT_NE(refusal("/").find("folder"), std::string::npos);
  EXPECT_NE(refusal("/no/such/file.yaml").find("not found"), std::string::npos);
}

TEST(ReadFile, StopsAtItsLimitAndReadsPipes) {
  const fs::path file = fs::temp_directory_path() / ("legatlas_text_" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(file) << std::string(3 << 20, '#');
  EXPECT_EQ(refusal(file, 4 << 20), "");
  EXPECT_NE(refusal(file, 2 << 20).find("larger than 2 MiB"), std::string::npos);
  fs::remove(file);

  // A pipe, as a shell's <(...) gives, is read to its end, and up to the limit only.
  const auto readPipe = [](size_t mostBytes) {
    int ends[2];
    EXPECT_EQ(::pipe(ends), 0);
    // 13,000 bytes fit in a pipe's buffer, so the writer finishes before the reading.
    const std::string text = "title: piped\n";
    for (int i = 0; i < 1000; ++i) EXPECT_EQ(::write(ends[1], text.data(), text.size()), ssize_t(text.size()));
    ::close(ends[1]);
    const std::string path = "/proc/self/fd/" + std::to_string(ends[0]);
    std::string piped, refused;
    try {
      piped = readFile(path, mostBytes);
    } catch (const InputError& e) {
      refused = e.reason();
    }
    ::close(ends[0]);
    return std::pair(piped, refused);
  };
  const auto [whole, none] = readPipe(kMostTextFileBytes);
  EXPECT_EQ(whole.size(), 13000u);
  EXPECT_TRUE(whole.starts_with("title: piped\n"));
  EXPECT_EQ(none, "");
  EXPECT_NE(readPipe(4096).second.find("larger than 4096 bytes"), std::string::npos);
}

}  // namespace
}  // namespace legatlas
