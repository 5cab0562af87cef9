// The therapist's hand skinned on the GPU matches the same hand skinned on the CPU
// (technique::HandRig::skinned): at rest it is the committed mesh itself, and a bent
// finger moves on screen exactly as the CPU moves it.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "render/gl_context.h"
#include "render/renderer.h"
#include "technique/hand_poses.h"
#include "technique/hand_rig.h"
#include "technique/hand_rig_file.h"

using namespace legatlas;

namespace {

constexpr int kWidth = 480, kHeight = 360;

class HandSkinning : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rig_ = std::make_unique<technique::HandRig>(technique::loadHandRig(LEGATLAS_SOURCE_DIR "/assets/hands/hand.rig"));
    auto skin = std::make_shared<scene::HandSkin>();
    // The hand fills the picture, so the renderer draws the fine level: the coarse is
    // left empty, and a hand drawn from it would show as missing.
    skin->fine = {rig_->mesh, rig_->mirrored().mesh, rig_->boneIndices, rig_->boneWeights};
    skin_ = skin;
  }
  static void TearDownTestSuite() { rig_.reset(), skin_.reset(); }

  void SetUp() override {
    context_ = std::make_unique<render::GlContext>(render::ContextOptions{kWidth, kHeight, false, true, false, "test", true});
    renderer_ = std::make_unique<render::Renderer>(1);
    // Looking at the back of the hand, the fingers up the picture.
    camera_.setPreset(scene::ViewPreset::Anterior);
    camera_.frame(rig_->mesh.bounds(), float(kWidth) / kHeight);
  }
  void TearDown() override {
    context_->checkErrors("test");
    EXPECT_EQ(context_->errorCount(), 0);
    for (const std::string& message : context_->errorMessages()) ADD_FAILURE() << message;
    renderer_.reset();
    context_.reset();
  }

  // The frame with the overlays given and the scene's bone layer shown or not.
  render::FrameInputs frameWith(const scene::Overlays* overlays, bool showBone) {
    render::FrameInputs frame{&camera_, scene::LayerVisibility::defaults(), -1};
    for (anatomy::Layer layer : anatomy::kAllLayers) frame.layers[layer].visible = showBone && layer == anatomy::Layer::Bone;
    frame.background = glm::vec3(0.0f);
    frame.overlays = overlays;
    return frame;
  }

  // The GPU's picture of the hand in `pose`, its forearm fading out toward the cut or not.
  render::Image gpuImage(const technique::HandPose& pose, bool forearmFades) {
    scene::Overlays overlays;
    overlays.handSkin = skin_;
    overlays.hands.push_back({scene::SkinnedHand::Side::Right, glm::mat4(1.0f), rig_->boneMatrices(pose), 1.0f, forearmFades});
    return renderer_->renderImage(frameWith(&overlays, false), kWidth, kHeight);
  }

  // Where the GPU draws the hand in `pose` (the forearm whole, as the CPU has it): every
  // pixel not left black.
  std::vector<bool> gpuCoverage(const technique::HandPose& pose) {
    const render::Image image = gpuImage(pose, false);
    std::vector<bool> covered(size_t(kWidth) * kHeight);
    for (size_t i = 0; i < covered.size(); ++i)
      covered[i] = image.rgba[i * 4] > 0 || image.rgba[i * 4 + 1] > 0 || image.rgba[i * 4 + 2] > 0;
    return covered;
  }

  // Where the mesh skinned on the CPU lies: drawn as an ordinary tissue into the id buffer.
  std::vector<bool> cpuCoverage(const technique::HandPose& pose) {
    scene::Scene scene;
    scene::Tissue hand;
    hand.id = hand.name = "hand";
    hand.layer = anatomy::Layer::Bone;
    scene.tissues.push_back(hand);
    scene::SceneMesh mesh;
    mesh.mesh = rig_->skinned(pose);
    scene.meshes.push_back(std::move(mesh));
    renderer_->setScene(scene);
    const render::TissueIdBuffer ids = renderer_->renderTissueIds(frameWith(nullptr, true), kWidth, kHeight);
    std::vector<bool> covered(ids.ids.size());
    for (size_t i = 0; i < covered.size(); ++i) covered[i] = ids.ids[i] != 0;
    return covered;
  }

  static bool near(const std::vector<bool>& mask, int x, int y) {
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        const int px = std::clamp(x + dx, 0, kWidth - 1), py = std::clamp(y + dy, 0, kHeight - 1);
        if (mask[size_t(py) * kWidth + px]) return true;
      }
    return false;
  }

  // Pixels one mask covers with nothing of the other within a pixel of them (the GPU's
  // hand carries a one-pixel outline).
  static int apart(const std::vector<bool>& a, const std::vector<bool>& b) {
    int count = 0;
    for (int y = 0; y < kHeight; ++y)
      for (int x = 0; x < kWidth; ++x) {
        const size_t i = size_t(y) * kWidth + x;
        count += (a[i] && !near(b, x, y)) || (b[i] && !near(a, x, y));
      }
    return count;
  }

  static int covered(const std::vector<bool>& mask) { return int(std::count(mask.begin(), mask.end(), true)); }

  static inline std::unique_ptr<technique::HandRig> rig_;
  static inline std::shared_ptr<const scene::HandSkin> skin_;
  std::unique_ptr<render::GlContext> context_;
  std::unique_ptr<render::Renderer> renderer_;
  scene::Camera camera_;
};

TEST_F(HandSkinning, AtRestTheGpuDrawsTheUnskinnedMesh) {
  const std::vector<bool> gpu = gpuCoverage(rig_->restPose()), cpu = cpuCoverage(rig_->restPose());
  ASSERT_GT(covered(cpu), kWidth * kHeight / 50) << "the hand fills a good part of the picture";
  EXPECT_EQ(apart(gpu, cpu), 0);
}

TEST_F(HandSkinning, ABentFingerMovesAsTheCpuMovesIt) {
  technique::JointAngles angles;
  angles.fingers[0] = {60, 60, 30};  // the index curled into the palm
  const technique::HandPose bent = technique::poseOf(*rig_, angles);
  const std::vector<bool> rest = gpuCoverage(rig_->restPose()), gpu = gpuCoverage(bent), cpu = cpuCoverage(bent);
  EXPECT_GT(apart(rest, gpu), 150) << "the finger's pixels moved";
  EXPECT_EQ(apart(gpu, cpu), 0);
}

// The forearm's open cut end fades out, and nothing else changes: the fingers and the palm
// are drawn exactly as with the forearm whole.
TEST_F(HandSkinning, TheForearmFadesOutTowardItsCutEndAndOnlyThere) {
  const render::Image whole = gpuImage(rig_->restPose(), false), faded = gpuImage(rig_->restPose(), true);
  // Per picture row (the first at the top: the fingertips; the last: the forearm's cut),
  // the light of the hand's pixels.
  const auto rowLight = [](const render::Image& image, int y) {
    long light = 0;
    for (int x = 0; x < kWidth; ++x)
      for (int c = 0; c < 3; ++c) light += image.rgba[(size_t(y) * kWidth + size_t(x)) * 4 + size_t(c)];
    return light;
  };
  int top = -1, bottom = -1;
  for (int y = 0; y < kHeight; ++y)
    if (rowLight(whole, y) > 0) bottom = y, top = top < 0 ? y : top;
  ASSERT_GT(bottom - top, kHeight / 2) << "the hand spans the picture, fingers up";
  long cutWhole = 0, cutFaded = 0;
  for (int y = bottom - 5; y <= bottom; ++y) cutWhole += rowLight(whole, y), cutFaded += rowLight(faded, y);
  EXPECT_LT(cutFaded * 10, cutWhole) << "the last rows of the forearm, at its cut, have faded to under a tenth";
  // The fade spans 5 cm of the 35 cm from the fingertips to the cut: the upper 60 % of the
  // hand's rows are untouched.
  const int untouched = top + (bottom - top) * 6 / 10;
  for (int y = top; y < untouched; ++y)
    for (int x = 0; x < kWidth * 4; ++x)
      ASSERT_EQ(whole.rgba[size_t(y) * kWidth * 4 + size_t(x)], faded.rgba[size_t(y) * kWidth * 4 + size_t(x)])
          << "row " << y << " changed with the forearm's fade";
}

}  // namespace
