// The swelling the edema simulation draws, read from the tissue-id buffer and the image
// of the built leg: swollen skin stands out further than the skin at rest where the
// fluid is (above the ankle) and not where there is none (the thigh), and the fluid's
// colour shows on it only when asked for.
#include <gtest/gtest.h>

#include <memory>

#include "anatomy/tissue_map.h"
#include "generated_leg.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/model_loader.h"
#include "teaching/edema_session.h"
#include "teaching/leg.h"
#include "teaching/swelling_view.h"

using namespace legatlas;

namespace {

constexpr int kWidth = 400, kHeight = 900;

class Swelling : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string glb = LEGATLAS_BUILT_LEG;
    const anatomy::TissueMap map = anatomy::TissueMap::load(glb.substr(0, glb.size() - 4) + ".tissues.json");
    leg_ = std::make_unique<teaching::Leg>(scene::loadModel(glb, &map), legatlas::testing::leg());
    teaching::EdemaSession session(leg_->model(), teaching::findCondition("ankle_lower_leg"));
    swollen_ = std::make_unique<scene::Swelling>();
    teaching::SwellingView(leg_->scene(), session.model().fluid().skin()).update(session.model().fluid(), *swollen_);
    ankle_ = session.ankleHeight();
  }
  static void TearDownTestSuite() { leg_.reset(); }

  void SetUp() override {
    context_ = std::make_unique<render::GlContext>(render::ContextOptions{kWidth, kHeight, false, true, false, "test", true});
    renderer_ = std::make_unique<render::Renderer>(1);
    renderer_->setScene(leg_->scene());
    camera_.setPreset(scene::ViewPreset::Anterior);
    camera_.frame(leg_->scene().bounds(), float(kWidth) / kHeight);
  }
  void TearDown() override {
    context_->checkErrors("test");
    EXPECT_EQ(context_->errorCount(), 0);
    renderer_.reset();
    context_.reset();
  }

  // The frame with only the skin shown, opaque, and the swelling given (or none).
  render::FrameInputs skinOnly(const scene::Swelling* swelling) {
    render::FrameInputs frame{&camera_, scene::LayerVisibility::defaults(), -1};
    for (anatomy::Layer layer : anatomy::kAllLayers) frame.layers[layer].visible = layer == anatomy::Layer::Skin;
    frame.layers[anatomy::Layer::Skin].opacity = 1.0f;
    frame.swelling = swelling;
    return frame;
  }

  // The screen row of a height of the leg (through its middle).
  int rowOf(float y) const {
    const glm::vec3 centre = leg_->scene().bounds().center();
    const glm::vec4 clip = camera_.projection(float(kWidth) / kHeight) * camera_.view() * glm::vec4(centre.x, y, centre.z, 1);
    return int((0.5f - clip.y / clip.w * 0.5f) * kHeight);
  }

  // Skin pixels in the rows between two heights.
  int skinPixels(const scene::Swelling* swelling, float low, float high) {
    const auto ids = renderer_->renderTissueIds(skinOnly(swelling), kWidth, kHeight);
    int count = 0;
    for (int y = std::max(0, rowOf(high)); y <= std::min(kHeight - 1, rowOf(low)); ++y)
      for (int x = 0; x < kWidth; ++x) count += ids.at(x, y) != 0;
    return count;
  }

  static inline std::unique_ptr<teaching::Leg> leg_;
  static inline std::unique_ptr<scene::Swelling> swollen_;
  static inline float ankle_ = 0;
  std::unique_ptr<render::GlContext> context_;
  std::unique_ptr<render::Renderer> renderer_;
  scene::Camera camera_;
};

TEST_F(Swelling, TheSkinStandsOutWhereTheFluidIs) {
  const float aboveAnkle = ankle_ + 0.02f, midCalf = ankle_ + 0.15f;
  const int atRest = skinPixels(nullptr, aboveAnkle, midCalf), swollen = skinPixels(swollen_.get(), aboveAnkle, midCalf);
  EXPECT_GT(swollen, atRest + atRest / 50) << "over 2 % wider above the ankle: " << swollen << " against " << atRest;
  const float thigh = ankle_ + 0.55f;
  EXPECT_EQ(skinPixels(swollen_.get(), thigh, thigh + 0.1f), skinPixels(nullptr, thigh, thigh + 0.1f))
      << "no fluid, no swelling";
  EXPECT_EQ(skinPixels(nullptr, aboveAnkle, midCalf), atRest) << "taking the swelling away puts the skin back";
}

TEST_F(Swelling, TheFluidIsColouredOnlyWhenAsked) {
  const auto blueness = [&](const scene::Swelling* swelling) {
    const render::Image image = renderer_->renderImage(skinOnly(swelling), kWidth, kHeight);
    const auto ids = renderer_->renderTissueIds(skinOnly(swelling), kWidth, kHeight);
    double sum = 0;
    int count = 0;
    for (int y = rowOf(ankle_ + 0.12f); y <= rowOf(ankle_ + 0.02f); ++y)
      for (int x = 0; x < kWidth; ++x) {
        if (ids.at(x, y) == 0) continue;
        const uint8_t* p = &image.rgba[(size_t(y) * kWidth + x) * 4];
        sum += double(p[2]) - double(p[0]);
        ++count;
      }
    return count > 0 ? sum / count : 0.0;
  };
  scene::Swelling uncoloured = *swollen_;
  uncoloured.showFluid = false;
  uncoloured.version += 1;
  const double plain = blueness(&uncoloured), coloured = blueness(swollen_.get());
  EXPECT_GT(coloured, plain + 40.0) << "blue over red, coloured " << coloured << " against " << plain;
  EXPECT_LT(plain, 0.0) << "skin is warm-toned without the fluid's colour";
}

}  // namespace
