// What a student sees on each built-in leg (described, and the measured female and male),
// read from the tissue-id buffer: with the skin hidden, each view shows the muscle an
// anatomy teacher expects at each place, and the lymph nodes sit where they are palpated.
#include <gtest/gtest.h>

#include <cmath>
#include <glm/geometric.hpp>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "anatomy/description.h"
#include "anatomy/measured_leg.h"
#include "anatomy/tissue_map.h"
#include "generated_leg.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/model_loader.h"

using namespace legatlas;
using anatomy::Layer;
using scene::ViewPreset;

namespace {

constexpr int kWidth = 500, kHeight = 900;

// A leg the build generated, with its own description (carried onto a measured subject).
struct Leg {
  scene::Scene scene;
  anatomy::Description description;
};

const Leg& builtLeg(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Leg>> legs;
  std::unique_ptr<Leg>& leg = legs[name];
  if (!leg) {
    leg = std::make_unique<Leg>();
    const std::string glb = std::string(LEGATLAS_BUILT_MODELS) + "/" + (name == "described" ? "leg" : name) + ".glb";
    const anatomy::TissueMap map = anatomy::TissueMap::load(glb.substr(0, glb.size() - 4) + ".tissues.json");
    leg->scene = scene::loadModel(glb, &map);
    leg->description = name == "described" ? legatlas::testing::leg()
                                           : anatomy::loadMeasuredLeg(legatlas::testing::leg(),
                                                                      LEGATLAS_SOURCE_DIR "/assets/legs/" + name + ".pack")
                                                 .registered;
  }
  return *leg;
}

class BuiltLeg : public ::testing::TestWithParam<std::string> {
 protected:
  const scene::Scene& scene() const { return builtLeg(GetParam()).scene; }
  const anatomy::Description& description() const { return builtLeg(GetParam()).description; }
  glm::vec3 landmark(const std::string& id) const { return description().findLandmark(id)->position; }

  void SetUp() override {
    context_ = std::make_unique<render::GlContext>(
        render::ContextOptions{kWidth, kHeight, false, true, false, "test", true});
    renderer_ = std::make_unique<render::Renderer>(1);
    renderer_->setScene(scene());
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
    camera_.frame(scene().bounds(), static_cast<float>(kWidth) / kHeight);
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
        seen.insert(id == 0 ? "" : scene().tissues[id - 1].id);
      }
    }
    return seen;
  }

  std::string tissueSeenAt(ViewPreset view, const glm::vec3& p, Showing showing = Showing::Muscles) {
    const std::set<std::string> seen = tissuesSeenAround(view, p, showing, 0);
    return seen.empty() ? "off screen" : *seen.begin();
  }

  // Blocks of a tissue's picture where the striation's lines can be compared with its
  // fibres, and how many of them agree within 30 degrees. The lines are the difference
  // between the picture with and without striation; their direction is across the
  // dominant gradient (structure tensor). The fibres' direction in a block is the mean
  // (doubled angle, so sign-free) of the projected fibres over its visible triangles.
  struct LineAgreement {
    int compared = 0, agreeing = 0;
  };
  LineAgreement striationAgainstFibres(ViewPreset view, const std::string& tissueId) {
    constexpr int kBlock = 30;
    int tissue = -1;
    geometry::Bounds bounds;
    for (const scene::SceneMesh& m : scene().meshes) {
      if (scene().tissues[size_t(m.tissueIndex)].id == tissueId && m.detail == 0) {
        tissue = m.tissueIndex;
        bounds.add(m.mesh.bounds());
      }
    }
    EXPECT_GE(tissue, 0) << tissueId;
    camera_.setPreset(view);
    camera_.frame(bounds, static_cast<float>(kWidth) / kHeight);
    render::FrameInputs frame{&camera_, scene::LayerVisibility::defaults(), -1};
    frame.layers[Layer::Skin].visible = false;
    const auto ids = renderer_->renderTissueIds(frame, kWidth, kHeight);
    const render::Image lined = renderer_->renderImage(frame, kWidth, kHeight);
    frame.striation = false;
    const render::Image plain = renderer_->renderImage(frame, kWidth, kHeight);
    const auto inside = [&](int x, int y) {
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
          if (ids.at(x + dx, y + dy) != uint32_t(tissue + 1)) return false;
      return true;
    };
    const auto lines = [&](int x, int y) {
      const size_t i = (size_t(y) * kWidth + x) * 4;
      float change = 0.0f;
      for (int c = 0; c < 3; ++c) change += float(lined.rgba[i + c]) - float(plain.rgba[i + c]);
      return change;
    };
    const int columns = kWidth / kBlock, rows = kHeight / kBlock;
    std::vector<glm::vec3> tensors(size_t(columns * rows), glm::vec3(0.0f));  // xx, yy, xy
    for (int y = 1; y < kHeight - 1; ++y) {
      for (int x = 1; x < kWidth - 1; ++x) {
        if (!inside(x, y) || x / kBlock >= columns || y / kBlock >= rows) continue;
        const float gx = lines(x + 1, y) - lines(x - 1, y), gy = lines(x, y + 1) - lines(x, y - 1);
        tensors[size_t(y / kBlock * columns + x / kBlock)] += glm::vec3(gx * gx, gy * gy, gx * gy);
      }
    }
    std::vector<glm::vec2> fibres(tensors.size(), glm::vec2(0.0f));  // doubled-angle sums
    std::vector<int> samples(tensors.size(), 0);
    const glm::mat4 toClip = camera_.projection(static_cast<float>(kWidth) / kHeight) * camera_.view();
    const auto toPixel = [&](const glm::vec3& p) {
      const glm::vec4 clip = toClip * glm::vec4(p, 1.0f);
      return glm::vec2((clip.x / clip.w * 0.5f + 0.5f) * kWidth, (0.5f - clip.y / clip.w * 0.5f) * kHeight);
    };
    for (const scene::SceneMesh& m : scene().meshes) {
      if (m.tissueIndex != tissue || m.detail != 0 || m.mesh.tangents.size() != m.mesh.positions.size()) continue;
      // Samples inside each triangle too: a measured surface has few vertices per block.
      const auto& g = m.mesh;
      for (size_t i = 0; i + 2 < g.indices.size(); i += 3) {
        for (const glm::vec3 w : {glm::vec3(1, 1, 1) / 3.0f, glm::vec3(4, 1, 1) / 6.0f, glm::vec3(1, 4, 1) / 6.0f,
                                  glm::vec3(1, 1, 4) / 6.0f}) {
          const uint32_t a = g.indices[i], b = g.indices[i + 1], c = g.indices[i + 2];
          const glm::vec3 p = w.x * g.positions[a] + w.y * g.positions[b] + w.z * g.positions[c];
          const glm::vec3 n = w.x * g.normals[a] + w.y * g.normals[b] + w.z * g.normals[c];
          const glm::vec3 t = glm::vec3(w.x * g.tangents[a] + w.y * g.tangents[b] + w.z * g.tangents[c]);
          const glm::vec2 at = toPixel(p), along = toPixel(p + 0.01f * t) - at;
          const int x = int(at.x), y = int(at.y);
          if (x < 1 || y < 1 || x >= columns * kBlock || y >= rows * kBlock || !inside(x, y)) continue;
          if (glm::dot(n, camera_.eye() - p) <= 0.0f || glm::length(along) < 1e-3f) continue;
          const float angle = 2.0f * std::atan2(along.y, along.x);
          const size_t block = size_t(y / kBlock * columns + x / kBlock);
          fibres[block] += glm::length(along) * glm::vec2(std::cos(angle), std::sin(angle));
          ++samples[block];
        }
      }
    }
    LineAgreement agreement;
    for (size_t b = 0; b < tensors.size(); ++b) {
      const glm::vec3 t = tensors[b];
      const float anisotropy = std::hypot(t.x - t.y, 2.0f * t.z) / std::max(t.x + t.y, 1e-6f);
      if (samples[b] < 4 || t.x + t.y <= 0.0f || anisotropy < 0.2f) continue;
      // Lines run across the dominant gradient; compare as doubled angles.
      const float lineAngle = std::atan2(2.0f * t.z, t.x - t.y) + float(M_PI);
      const float fibreAngle = std::atan2(fibres[b].y, fibres[b].x);
      const float difference = std::abs(std::remainder(lineAngle - fibreAngle, 2.0f * float(M_PI))) / 2.0f;
      ++agreement.compared;
      agreement.agreeing += difference < glm::radians(30.0f);
    }
    return agreement;
  }

  std::unique_ptr<render::GlContext> context_;
  std::unique_ptr<render::Renderer> renderer_;
  scene::Camera camera_;
};

}  // namespace

TEST_P(BuiltLeg, FrontOfTheMidThighIsRectusFemoris) {
  const glm::vec3 midThigh = landmark("patella_base") + glm::vec3(0.0f, 0.18f, 0.0f);
  EXPECT_EQ(tissueSeenAt(ViewPreset::Anterior, midThigh), "rectus_femoris");
}

TEST_P(BuiltLeg, SideOfTheThighIsVastusLateralisUnderTheIliotibialTract) {
  const glm::vec3 side = landmark("lateral_femoral_epicondyle") + glm::vec3(0.0f, 0.17f, 0.0f);
  const std::string seen = tissueSeenAt(ViewPreset::Lateral, side);
  EXPECT_TRUE(seen == "vastus_lateralis" || seen == "iliotibial_tract") << "saw " << seen;
}

// The tract is a band over the vasti from the trochanter to the knee: no muscle of the
// thigh shows through it, however full (the male vastus lateralis bulges far beyond
// where the description drew the band).
TEST_P(BuiltLeg, TheIliotibialTractCoversTheSideOfTheThigh) {
  const glm::vec3 knee = landmark("lateral_femoral_epicondyle"), hip = landmark("greater_trochanter_tip");
  for (const float at : {0.25f, 0.4f, 0.55f, 0.7f}) {
    const std::set<std::string> seen = tissuesSeenAround(ViewPreset::Lateral, glm::mix(knee, hip, at), Showing::Muscles, 2);
    EXPECT_TRUE(seen.count("iliotibial_tract")) << at << " of the way from the knee to the hip: saw " << *seen.begin();
  }
}

TEST_P(BuiltLeg, BackOfTheCalfIsGastrocnemius) {
  // A fifth of the way from the fibular head to the ankle, over the bulk of the medial head
  // (between the two heads the soleus may show).
  const glm::vec3 head = landmark("fibular_head"), ankle = landmark("ankle_joint_centre");
  const glm::vec3 calf = glm::vec3(head.x - 0.045f, glm::mix(head.y, ankle.y, 0.2f), head.z);
  const std::string seen = tissueSeenAt(ViewPreset::Posterior, calf);
  EXPECT_TRUE(seen == "gastrocnemius_medial_head" || seen == "gastrocnemius_lateral_head") << seen;
}

TEST_P(BuiltLeg, BesideTheShinCrestIsTibialisAnterior) {
  // Lateral (+x) of the crest at mid-shin.
  const glm::vec3 crest = glm::mix(landmark("tibial_crest_upper"), landmark("tibial_crest_lower"), 0.4f);
  EXPECT_EQ(tissueSeenAt(ViewPreset::Anterior, crest + glm::vec3(0.02f, 0.0f, 0.0f)), "tibialis_anterior");
}

TEST_P(BuiltLeg, PoplitealNodesShowBehindTheKnee) {
  int seen = 0, nodes = 0;
  for (const auto& n : description().nodes) {
    if (n.group != "popliteal") continue;
    ++nodes;
    // Where the node was placed: kept clear of the bones and muscles around it.
    glm::vec3 centre(0.0f);
    size_t count = 0;
    for (const scene::SceneMesh& m : scene().meshes) {
      if (scene().tissues[size_t(m.tissueIndex)].id != n.id || m.detail != 0) continue;
      for (const glm::vec3& p : m.mesh.positions) centre += p, ++count;
    }
    ASSERT_GT(count, 0u) << n.id;
    const std::string id = tissueSeenAt(ViewPreset::Posterior, centre / float(count), Showing::Lymph);
    seen += description().findNode(id) != nullptr && description().findNode(id)->group == "popliteal";
  }
  EXPECT_GE(nodes, 5);
  EXPECT_GE(seen, nodes / 2) << seen << " of " << nodes << " popliteal nodes show";
}

TEST_P(BuiltLeg, SuperficialInguinalNodesShowAtTheGroin) {
  // Each node shows at its place (a vessel running into it may cross its centre).
  for (const auto& n : description().nodes) {
    if (n.group.rfind("superficial_inguinal", 0) != 0) continue;
    EXPECT_EQ(tissuesSeenAround(ViewPreset::Anterior, n.position, Showing::Lymph, 2).count(n.id), 1u)
        << n.id << " covered at the groin";
  }
}

// Muscles show fine lines along their fascicles: across the fibres the picture changes,
// along them it does not (on the strap, fusiform and pennate muscles a therapist works).
TEST_P(BuiltLeg, MuscleStriationRunsAlongTheFibres) {
  for (const auto& [view, muscle] : {std::pair{ViewPreset::Medial, "sartorius"},
                                     std::pair{ViewPreset::Posterior, "gastrocnemius_medial_head"},
                                     std::pair{ViewPreset::Anterior, "rectus_femoris"}}) {
    const LineAgreement a = striationAgainstFibres(view, muscle);
    EXPECT_GE(a.compared, 8) << muscle << ": too few blocks show lines";
    EXPECT_GE(a.agreeing, a.compared * 4 / 5) << muscle << ": " << a.agreeing << " of " << a.compared
                                               << " blocks have lines along the fibres";
  }
}

// The sanitized build generates only the described leg.
#if LEGATLAS_WITH_MEASURED_LEGS
INSTANTIATE_TEST_SUITE_P(Legs, BuiltLeg, ::testing::Values("described", "female", "male"));
#else
INSTANTIATE_TEST_SUITE_P(Legs, BuiltLeg, ::testing::Values("described"));
#endif
