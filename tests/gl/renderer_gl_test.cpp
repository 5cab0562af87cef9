#include <algorithm>
#include <set>

#include "gl_fixture.h"
#include "render/gl_objects.h"

using legatlas::anatomy::Layer;
using legatlas::scene::ViewPreset;
using legatlas::testing::GlTest;

namespace {
constexpr int kCx = GlTest::kWidth / 2, kCy = GlTest::kHeight / 2;

std::array<int, 3> pixel(const legatlas::render::Image& image, int x, int y) {
  const size_t i = (static_cast<size_t>(y) * image.width + x) * 4;
  return {image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]};
}

int colourDistance(const std::array<int, 3>& a, const std::array<int, 3>& b) {
  return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}
}  // namespace

// With the skin see-through, the front of the limb shows the anterior muscle; from the
// side, the lateral (deep) muscle; from behind, the posterior muscle.
TEST_F(GlTest, IdBufferShowsTheTissueFacingEachView) {
  const struct {
    ViewPreset view;
    const char* tissue;
  } cases[] = {{ViewPreset::Anterior, "anterior_muscle"},
               {ViewPreset::Lateral, "side_muscles"},
               {ViewPreset::Posterior, "posterior_muscle"},
               {ViewPreset::Superior, "bone"}};
  for (const auto& c : cases) {
    const auto ids = renderer_->renderTissueIds(frameFrom(c.view), kWidth, kHeight);
    EXPECT_EQ(static_cast<int>(ids.at(kCx, kCy)) - 1, tissue(c.tissue)) << legatlas::scene::viewPresetName(c.view);
    EXPECT_EQ(ids.at(2, 2), 0u) << "corner should be background";
  }
}

TEST_F(GlTest, OpaqueSkinCoversTheMuscles) {
  auto frame = frameFrom(ViewPreset::Anterior);
  frame.layers[Layer::Skin].opacity = 1.0f;
  const auto ids = renderer_->renderTissueIds(frame, kWidth, kHeight);
  EXPECT_EQ(static_cast<int>(ids.at(kCx, kCy)) - 1, tissue("skin"));
}

TEST_F(GlTest, HiddenLayerShowsNowhere) {
  auto frame = frameFrom(ViewPreset::Anterior);
  frame.layers[Layer::SuperficialMuscle].visible = false;
  const auto ids = renderer_->renderTissueIds(frame, kWidth, kHeight);
  const std::set<uint32_t> seen(ids.ids.begin(), ids.ids.end());
  EXPECT_EQ(seen.count(tissue("anterior_muscle") + 1), 0u);
  EXPECT_EQ(seen.count(tissue("posterior_muscle") + 1), 0u);
  // What was behind it shows instead: the bone shaft in the middle.
  EXPECT_EQ(static_cast<int>(ids.at(kCx, kCy)) - 1, tissue("bone"));
}

TEST_F(GlTest, PickReturnsTheTissueUnderThePixel) {
  const auto frame = frameFrom(ViewPreset::Anterior);
  EXPECT_EQ(renderer_->pickTissue(frame, kWidth, kHeight, kCx, kCy), tissue("anterior_muscle"));
  EXPECT_EQ(renderer_->pickTissue(frame, kWidth, kHeight, 1, 1), -1);
  EXPECT_EQ(renderer_->pickTissue(frame, kWidth, kHeight, -5, 10), -1);
}

// A 30 % skin over an opaque muscle shows both: the pixel lies between the muscle alone
// and the skin alone, nearer the muscle.
TEST_F(GlTest, TranslucentSkinShowsTheMuscleBeneath) {
  auto frame = frameFrom(ViewPreset::Anterior);
  const auto blended = pixel(renderer_->renderImage(frame, kWidth, kHeight), kCx, kCy);
  frame.layers[Layer::Skin].visible = false;
  const auto muscleOnly = pixel(renderer_->renderImage(frame, kWidth, kHeight), kCx, kCy);
  frame.layers[Layer::Skin] = {true, 1.0f};
  const auto skinOnly = pixel(renderer_->renderImage(frame, kWidth, kHeight), kCx, kCy);
  const int toMuscle = colourDistance(blended, muscleOnly);
  const int toSkin = colourDistance(blended, skinOnly);
  EXPECT_GT(toMuscle, 10) << "the skin layer left no trace";
  EXPECT_GT(toSkin, 10) << "the muscle does not show through";
  EXPECT_LT(toMuscle, toSkin) << "at 30 % the muscle should dominate";
}

// The same holds from behind: order-independent transparency does not depend on the
// order the meshes were drawn in.
TEST_F(GlTest, TransparencyReadsFromEveryAngle) {
  for (ViewPreset view : {ViewPreset::Posterior, ViewPreset::Lateral, ViewPreset::Medial, ViewPreset::Superior}) {
    auto frame = frameFrom(view);
    const auto blended = pixel(renderer_->renderImage(frame, kWidth, kHeight), kCx, kCy);
    frame.layers[Layer::Skin].visible = false;
    const auto under = pixel(renderer_->renderImage(frame, kWidth, kHeight), kCx, kCy);
    const int difference = colourDistance(blended, under);
    EXPECT_GT(difference, 10) << legatlas::scene::viewPresetName(view);
    EXPECT_LT(difference, 200) << legatlas::scene::viewPresetName(view);
  }
}

TEST_F(GlTest, SelectionDrawsAnOutline) {
  auto frame = frameFrom(ViewPreset::Anterior);
  const auto plain = renderer_->renderImage(frame, kWidth, kHeight);
  frame.selectedTissue = tissue("anterior_muscle");
  const auto selected = renderer_->renderImage(frame, kWidth, kHeight);
  int outlinePixels = 0;
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const auto p = pixel(selected, x, y);
      const bool yellow = p[0] > 230 && p[1] > 190 && p[2] < 80;
      outlinePixels += yellow && colourDistance(p, pixel(plain, x, y)) > 60;
    }
  }
  EXPECT_GT(outlinePixels, 100);
}

TEST_F(GlTest, ImageHasTheRequestedSizeAndIsNotBlank) {
  const auto image = renderer_->renderImage(frameFrom(ViewPreset::Lateral), 200, 150);
  EXPECT_EQ(image.width, 200);
  EXPECT_EQ(image.height, 150);
  ASSERT_EQ(image.rgba.size(), 200u * 150u * 4u);
  std::set<std::array<int, 3>> colours;
  for (int y = 0; y < 150; y += 3) {
    for (int x = 0; x < 200; x += 3) colours.insert(pixel(image, x, y));
  }
  EXPECT_GT(colours.size(), 20u);
}

TEST_F(GlTest, GlObjectsAreReleased) {
  const long before = legatlas::render::liveGlObjectCount();
  {
    legatlas::render::Renderer another(4);
    another.setScene(scene_);
    another.renderImage(frameFrom(ViewPreset::Anterior), 64, 64);
    EXPECT_GT(legatlas::render::liveGlObjectCount(), before);
  }
  EXPECT_EQ(legatlas::render::liveGlObjectCount(), before);
}

static_assert(!std::is_copy_constructible_v<legatlas::render::Buffer>, "GL objects must not be copyable");
static_assert(std::is_nothrow_move_constructible_v<legatlas::render::Texture>, "GL objects move without throwing");

// The anterior lymph node sits 2 cm medial of the midline (model -X). Facing the subject,
// medial of a right leg is on the viewer's right: the node must show right of centre.
TEST_F(GlTest, AnteriorViewShowsMedialOnTheViewersRight) {
  const auto ids = renderer_->renderTissueIds(frameFrom(ViewPreset::Anterior), kWidth, kHeight);
  const uint32_t node = static_cast<uint32_t>(tissue("node") + 1);
  long sumX = 0, count = 0;
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      if (ids.at(x, y) == node) {
        sumX += x;
        ++count;
      }
    }
  }
  ASSERT_GT(count, 0) << "the node is not visible";
  EXPECT_GT(sumX / count, kCx);
}
