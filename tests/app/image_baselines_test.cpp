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

// Thresholds, per driver. Mesa's software rasterisers (llvmpipe, softpipe: CI and these
// machines) render these views identically run to run (0 difference was measured), so
// there a handful of changed pixels fails: a recoloured hand, a moved arrow, a missing
// trail. A GPU driver rasterises silhouettes and shading a little differently (no
// anti-aliasing in these renders): a mean under 2 levels of 255 and under 1 % of pixels
// more than 40 levels apart allows that, while a missing table, a torn territory wash or
// a moved leg still changes several per cent of the picture by far more.
struct Tolerance {
  double mostMeanDifference;         // levels of 255, over every channel of every pixel
  double mostShareClearlyDifferent;  // of the pixels
  int clearDifference;               // levels of 255 in any channel
};
constexpr Tolerance kSoftwareRasteriser{0.25, 0.0005, 16};
constexpr Tolerance kGpuDriver{2.0, 0.01, 40};

// The GL renderer the binary draws with, as the driver names it.
const Tolerance& tolerance() {
  static const Tolerance* chosen = [] {
    const auto run = runLegatlas("bench --leg described --frames 1 --size 64x64");
    const bool software = run.output.find("llvmpipe") != std::string::npos ||
                          run.output.find("softpipe") != std::string::npos;
    return software ? &kSoftwareRasteriser : &kGpuDriver;
  }();
  return *chosen;
}

struct Picture {
  const char* name;
  const char* arguments;
  const char* outOption = "--out";
  const char* environment = "";
};

// The viewer in a screen of its own, the same size wherever the tests run (presentation
// mode fills the screen).
constexpr const char* kOwnScreen = "xvfb-run -a -s '-screen 0 960x540x24'";

void PrintTo(const Picture& picture, std::ostream* out) { *out << picture.name; }

const Picture kPictures[] = {
    {"leg-anterior", "render --leg female --view anterior --size 240x400"},
    {"territories-posterior", "render --leg female --guides territories --view posterior --layers skin=1 --size 240x400"},
    {"edema-thigh-pump-on-table", "render --leg female --lesson edema --step 3 --time 2 --size 480x270"},
    // Close enough for the fascicle lines to show.
    {"calf-muscles-striated", "render --leg female --view posterior --layers muscles,bones,tendons "
                              "--focus gastrocnemius_medial_head,gastrocnemius_lateral_head --size 320x320"},
    // The layers a teacher peels the leg down through.
    {"layers-superficial-muscles-lateral", "render --leg female --view lateral --layers superficial_muscles,tendons,bones "
                                           "--size 200x400"},
    {"layers-deep-muscles-posterior", "render --leg female --view posterior --layers deep_muscles,tendons,bones --size 200x400"},
    {"layers-bones-anterior", "render --leg female --view anterior --layers bones --size 200x400"},
    {"layers-lymph-medial", "render --leg female --view medial --layers lymph,skin=0.2,bones --size 200x400"},
    // Each technique's still, from the lesson step that teaches it (mld_pump is above).
    {"technique-gliding", "render --leg female --lesson calf_cramp --step 3 --time 2 --size 480x270"},
    {"technique-kneading", "render --leg female --lesson calf_cramp --step 4 --time 2 --size 480x270"},
    {"technique-thumb-stroke", "render --leg female --lesson shin_splints --step 3 --time 2 --size 480x270"},
    {"technique-forearm-glide", "render --leg female --lesson sports_maintenance --step 6 --time 2 --size 480x270"},
    {"technique-mld-circles", "render --leg female --lesson edema --step 5 --time 1 --size 480x270"},
    {"technique-mld-scoop", "render --leg female --lesson edema --step 8 --time 1 --size 480x270"},
    {"technique-stone-glide", "render --leg female --lesson shin_splints --step 5 --time 2 --size 480x270"},
    {"technique-heat", "render --leg female --lesson calf_cramp --step 7 --time 1 --size 480x270"},
    {"technique-passive-stretch", "render --leg female --lesson calf_cramp --step 1 --time 1 --size 480x270"},
    // The guides to why a stroke goes the way it does (territories are above).
    {"guide-lymph-flow-anterior", "render --leg female --guides lymph --view anterior --size 200x400"},
    {"guide-fibres-tibialis-anterior", "render --leg female --guides fibres --select tibialis_anterior --view anterior "
                                       "--layers muscles,bones,tendons --focus tibialis_anterior --size 200x400"},
    {"guide-veins-medial", "render --leg female --guides veins --view medial --size 200x400"},
    // The edema simulation: the swollen lower leg in the fluid's colour, and the same leg
    // after the edema lesson's strokes, paler.
    {"edema-swollen-medial", "render --leg female --condition ankle_lower_leg --view medial --size 200x400"},
    {"edema-drained-medial", "render --leg female --lesson edema --condition ankle_lower_leg --time 170 --upright "
                             "--view medial --size 200x400"},
    // The viewer presenting (F5 pressed in the replay): the step's caption large at the
    // bottom, no panels, the laser pointer, the edema simulation's plot at the top right;
    // three seconds into the edema lesson.
    {"viewer-presenting-edema", "--leg female --lesson edema --replay " LEGATLAS_SOURCE_DIR
                                "/tests/data/input/present_edema.json", "--screenshot", kOwnScreen},
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
  const auto run = runLegatlas(std::string(picture.arguments) + " " + picture.outOption + " " + rendered.string(),
                               "HOME=" + (fs::temp_directory_path() / ("legatlas-home-" + std::to_string(::getpid()))).string() +
                                   " " + picture.environment);
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
    clearly += most > tolerance().clearDifference;
  }
  const double mean = sum / double(values), share = double(clearly) / double(values / 3);
  EXPECT_LE(mean, tolerance().mostMeanDifference) << picture.name << ": see " << rendered;
  EXPECT_LE(share, tolerance().mostShareClearlyDifferent) << picture.name << ": see " << rendered;
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
