// A few pictures guard the look. Each is rendered by the real binary and compared with its
// baseline in tests/data/baselines/ by the mean difference of its pixels and the share of
// pixels that differ clearly. LEGATLAS_UPDATE_BASELINES=1 writes the baselines again from
// the current build: look at them before committing them.
#include <gtest/gtest.h>
#include <stb_image.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>

#include "run_legatlas.h"

namespace fs = std::filesystem;

namespace {

using legatlas::testing::runLegatlas;

// Thresholds, per driver. Mesa's llvmpipe (the CI and the tests here) renders these views
// identically run to run: 0 difference was measured. A GPU driver rasterises silhouettes
// and shading a little differently (no anti-aliasing in these renders): a mean under 2
// levels of 255 and under 1 % of pixels more than 40 levels apart allows that, while a
// missing table, a torn territory wash or a moved leg changes several per cent of the
// picture by far more.
constexpr double kMostMeanDifference = 2.0;
constexpr double kMostShareClearlyDifferent = 0.01;
constexpr int kClearDifference = 40;

struct Picture {
  const char* name;
  const char* arguments;
};

void PrintTo(const Picture& picture, std::ostream* out) { *out << picture.name; }

const Picture kPictures[] = {
    {"leg-anterior", "render --leg female --view anterior --size 240x400"},
    {"territories-posterior", "render --leg female --guides territories --view posterior --layers skin=1 --size 240x400"},
    {"edema-thigh-pump-on-table", "render --leg female --lesson edema --step 3 --time 2 --size 480x270"},
    // Close enough for the fascicle lines to show.
    {"calf-muscles-striated", "render --leg female --view posterior --layers muscles,bones,tendons "
                              "--focus gastrocnemius_medial_head,gastrocnemius_lateral_head --size 320x320"},
};

struct Pixels {
  int width = 0, height = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> data{nullptr, stbi_image_free};
};

Pixels load(const std::string& path) {
  Pixels p;
  int channels = 0;
  p.data.reset(stbi_load(path.c_str(), &p.width, &p.height, &channels, 3));
  return p;
}

class ImageBaselines : public ::testing::TestWithParam<Picture> {};

TEST_P(ImageBaselines, TheRenderMatchesItsBaseline) {
  const Picture& picture = GetParam();
  const fs::path baseline = fs::path(LEGATLAS_SOURCE_DIR) / "tests/data/baselines" / (std::string(picture.name) + ".png");
  const fs::path rendered = fs::temp_directory_path() / ("legatlas-" + std::to_string(::getpid()) + "-" + picture.name + ".png");
  const auto run = runLegatlas(std::string(picture.arguments) + " --out " + rendered.string());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  if (std::getenv("LEGATLAS_UPDATE_BASELINES")) {
    fs::create_directories(baseline.parent_path());
    fs::copy_file(rendered, baseline, fs::copy_options::overwrite_existing);
    GTEST_SKIP() << "wrote " << baseline;
  }
  const Pixels expected = load(baseline.string()), actual = load(rendered.string());
  ASSERT_TRUE(expected.data) << baseline << " is missing: run with LEGATLAS_UPDATE_BASELINES=1";
  ASSERT_TRUE(actual.data);
  ASSERT_EQ(actual.width, expected.width);
  ASSERT_EQ(actual.height, expected.height);
  const size_t values = size_t(actual.width) * actual.height * 3;
  double sum = 0;
  size_t clearly = 0;
  for (size_t i = 0; i < values; i += 3) {
    int most = 0;
    for (size_t c = 0; c < 3; ++c) {
      const int d = std::abs(int(actual.data.get()[i + c]) - int(expected.data.get()[i + c]));
      sum += d, most = std::max(most, d);
    }
    clearly += most > kClearDifference;
  }
  const double mean = sum / double(values), share = double(clearly) / double(values / 3);
  EXPECT_LE(mean, kMostMeanDifference) << picture.name << ": see " << rendered;
  EXPECT_LE(share, kMostShareClearlyDifferent) << picture.name << ": see " << rendered;
  if (!HasFailure()) fs::remove(rendered);
}

INSTANTIATE_TEST_SUITE_P(Look, ImageBaselines, ::testing::ValuesIn(kPictures),
                         [](const auto& info) {
                           std::string name = info.param.name;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

}  // namespace
