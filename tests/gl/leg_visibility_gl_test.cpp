// What a student sees on the built-in leg, read from the tissue-id buffer: with the skin
// hidden, each view shows the muscle an anatomy teacher expects at each place, and the
// lymph nodes sit where they are palpated.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>
#include <memory>
#include <set>
#include <string>

#include "anatomy/description.h"
#include "anatomy/tissue_map.h"
#include "generated_leg.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/model_loader.h"

using namespace legatlas;
using anatomy::Layer;
using render::ViewPreset;

namespace {

constexpr int kWidth = 500, kHeight = 900;

// The leg the build generated (the same file `legatlas` opens by default).
const scene::Scene& builtLeg() {
  static const scene::Scene scene = [] {
    const std::string glb = LEGATLAS_BUILT_LEG;
    const anatomy::TissueMap map = anatomy::TissueMap::load(glb.substr(0, glb.size() - 4) + ".tissues.json");
    return scene::loadModel(glb, &map);
  }();
  return scene;
}

glm::vec3 landmark(const std::string& id) { return legatlas::testing::leg().findLandmark(id)->position; }

class BuiltLeg : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = std::make_unique<render::GlContext>(
        render::ContextOptions{kWidth, kHeight, false, true, false, "test", true});
    renderer_ = std::make_unique<render::Renderer>(1);
    renderer_->setScene(builtLeg());
  }
  void TearDown() override {
    context_->checkErrors("test");
    EXPECT_EQ(context_->errorCount(), 0);
    renderer_.reset();
    context_.reset();
  }

  enum class Showing { Muscles, Lymph };

  // The ids of the tissues drawn within `radius` pixels of where `p` (model frame)
  // projects, seen from `view` with the skin hidden and either the muscles (lymph and
  // veins hidden) or the lymph (muscles hidden) shown; "" stands for background.
  std::set<std::string> tissuesSeenAround(ViewPreset view, const glm::vec3& p, Showing showing, int radius) {
    const bool musclesShown = showing == Showing::Muscles;
    camera_.setPreset(view);
    camera_.frame(builtLeg().bounds(), static_cast<float>(kWidth) / kHeight);
    render::FrameInputs frame{&camera_, scene::LayerVisibility::defaults(), -1};
    frame.layers[Layer::Skin].visible = false;
    frame.layers[Layer::SuperficialMuscle].visible = musclesShown;
    frame.layers[Layer::DeepMuscle].visible = musclesShown;
    frame.layers[Layer::Lymph].visible = !musclesShown;
    frame.layers[Layer::Vessel].visible = !musclesShown;
    const auto ids = renderer_->renderTissueIds(frame, kWidth, kHeight);
    const glm::vec4 clip = camera_.projection(static_cast<float>(kWidth) / kHeight) * camera_.view() * glm::vec4(p, 1);
    const int cx = static_cast<int>((clip.x / clip.w * 0.5f + 0.5f) * kWidth);
    const int cy = static_cast<int>((0.5f - clip.y / clip.w * 0.5f) * kHeight);
    std::set<std::string> seen;
    for (int y = std::max(cy - radius, 0); y <= std::min(cy + radius, kHeight - 1); ++y) {
      for (int x = std::max(cx - radius, 0); x <= std::min(cx + radius, kWidth - 1); ++x) {
        const uint32_t id = ids.at(x, y);
        seen.insert(id == 0 ? "" : builtLeg().tissues[id - 1].id);
      }
    }
    return seen;
  }

  std::string tissueSeenAt(ViewPreset view, const glm::vec3& p, Showing showing = Showing::Muscles) {
    const std::set<std::string> seen = tissuesSeenAround(view, p, showing, 0);
    return seen.empty() ? "off screen" : *seen.begin();
  }

  std::unique_ptr<render::GlContext> context_;
  std::unique_ptr<render::Renderer> renderer_;
  render::Camera camera_;
};

}  // namespace

TEST_F(BuiltLeg, FrontOfTheMidThighIsRectusFemoris) {
  const glm::vec3 midThigh = landmark("patella_base") + glm::vec3(0.0f, 0.18f, 0.0f);
  EXPECT_EQ(tissueSeenAt(ViewPreset::Anterior, midThigh), "rectus_femoris");
}

TEST_F(BuiltLeg, SideOfTheThighIsVastusLateralisUnderTheIliotibialTract) {
  const glm::vec3 side = landmark("lateral_femoral_epicondyle") + glm::vec3(0.0f, 0.17f, 0.0f);
  const std::string seen = tissueSeenAt(ViewPreset::Lateral, side);
  EXPECT_TRUE(seen == "vastus_lateralis" || seen == "iliotibial_tract") << "saw " << seen;
}

TEST_F(BuiltLeg, BackOfTheCalfIsGastrocnemius) {
  const glm::vec3 calf = landmark("fibular_head") + glm::vec3(-0.03f, -0.09f, 0.0f);
  const std::string seen = tissueSeenAt(ViewPreset::Posterior, calf);
  EXPECT_TRUE(seen == "gastrocnemius_medial_head" || seen == "gastrocnemius_lateral_head") << seen;
}

TEST_F(BuiltLeg, BesideTheShinCrestIsTibialisAnterior) {
  // Lateral (+x) of the crest at mid-shin.
  const glm::vec3 crest = glm::mix(landmark("tibial_crest_upper"), landmark("tibial_crest_lower"), 0.4f);
  EXPECT_EQ(tissueSeenAt(ViewPreset::Anterior, crest + glm::vec3(0.02f, 0.0f, 0.0f)), "tibialis_anterior");
}

TEST_F(BuiltLeg, PoplitealNodesShowBehindTheKnee) {
  int seen = 0, nodes = 0;
  for (const auto& n : legatlas::testing::leg().nodes) {
    if (n.group != "popliteal") continue;
    ++nodes;
    const std::string id = tissueSeenAt(ViewPreset::Posterior, n.position, Showing::Lymph);
    seen += legatlas::testing::leg().findNode(id) != nullptr && legatlas::testing::leg().findNode(id)->group == "popliteal";
  }
  EXPECT_GE(nodes, 5);
  EXPECT_GE(seen, nodes / 2) << "popliteal nodes hidden behind other tissue";
}

TEST_F(BuiltLeg, SuperficialInguinalNodesShowAtTheGroin) {
  // Each node shows at its place (a vessel running into it may cross its centre).
  for (const auto& n : legatlas::testing::leg().nodes) {
    if (n.group.rfind("superficial_inguinal", 0) != 0) continue;
    EXPECT_EQ(tissuesSeenAround(ViewPreset::Anterior, n.position, Showing::Lymph, 2).count(n.id), 1u)
        << n.id << " covered at the groin";
  }
}
