// How the generated tissues sit together: what an anatomy teacher notices first.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "generated_leg.h"
#include "geometry/level_set.h"

using namespace legatlas;
using geometry::LevelSet;
using legatlas::testing::generatedModel;
using legatlas::testing::leg;

namespace {

constexpr float kVoxel = 0.001f;

LevelSet solidOf(const geometry::Mesh& mesh) { return LevelSet::fromMesh(mesh, kVoxel, {0.004f, 0.03f}); }

bool isSolidTissue(anatomy::Layer layer) {
  return layer == anatomy::Layer::Bone || layer == anatomy::Layer::SuperficialMuscle ||
         layer == anatomy::Layer::DeepMuscle || layer == anatomy::Layer::Tendon;
}

// Bones, muscles and tendons as level sets, by tissue id.
const std::map<std::string, LevelSet>& solids() {
  static const auto sets = [] {
    std::map<std::string, LevelSet> out;
    for (const auto& t : generatedModel().tissues) {
      if (isSolidTissue(t.entry.layer)) out.emplace(t.entry.id, solidOf(t.mesh));
    }
    return out;
  }();
  return sets;
}

const LevelSet& skin() {
  static const LevelSet set = solidOf(legatlas::testing::tissueMesh("skin"));
  return set;
}

const LevelSet& allMuscles() {
  static const LevelSet set = [] {
    geometry::Mesh muscles;
    for (const auto& m : leg().muscles) muscles.append(legatlas::testing::tissueMesh(m.id));
    return solidOf(muscles);
  }();
  return set;
}

std::string where(const glm::vec3& p) {
  std::ostringstream text;
  text << "(" << p.x << ", " << p.y << ", " << p.z << ")";
  return text.str();
}

bool overlap(const geometry::Bounds& a, const geometry::Bounds& b) {
  return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y &&
         a.min.z <= b.max.z && b.min.z <= a.max.z;
}

}  // namespace

TEST(GeneratedFit, SkinEnclosesEveryBoneMuscleTendonAndNode) {
  for (const auto& t : generatedModel().tissues) {
    if (t.entry.layer == anatomy::Layer::Skin || t.entry.layer == anatomy::Layer::Vessel) continue;
    if (t.entry.layer == anatomy::Layer::Lymph && leg().findNode(t.entry.id) == nullptr) {
      continue;  // lymph vessels: see SuperficialLymphVesselsRunBetweenSkinAndMuscle
    }
    int outside = 0;
    float worst = -1.0f;
    for (size_t i = 0; i < t.mesh.positions.size(); i += 3) {
      const float d = skin().distance(t.mesh.positions[i]);
      if (d > 0.0f) ++outside;
      worst = std::max(worst, d);
    }
    EXPECT_EQ(outside, 0) << t.entry.id << " pokes out of the skin by up to " << worst * 1000 << " mm";
  }
}

// Muscles blend into bone and common tendons at their attachments; along the belly (the
// middle 70 % of the length) they must stay clear of bone and of their neighbours.
TEST(GeneratedFit, NoMusclePenetratesBoneOrANeighbourByMoreThan3mm) {
  for (const auto& m : leg().muscles) {
    const geometry::Mesh& mesh = legatlas::testing::tissueMesh(m.id);
    const geometry::Bounds bounds = mesh.bounds();
    for (const auto& [otherId, other] : solids()) {
      if (otherId == m.id || !overlap(bounds, legatlas::testing::tissueMesh(otherId).bounds())) continue;
      float deepest = 0.0f;
      glm::vec3 deepestAt{0.0f};
      for (size_t i = 0; i < mesh.positions.size(); ++i) {
        if (mesh.uvs[i].x < 0.15f || mesh.uvs[i].x > 0.85f) continue;
        if (-other.distance(mesh.positions[i]) > deepest) deepest = -other.distance(mesh.positions[i]), deepestAt = mesh.positions[i];
      }
      EXPECT_LE(deepest, 0.003f) << m.id << " enters " << otherId << " by " << deepest * 1000 << " mm at "
                                 << where(deepestAt);
    }
  }
}

TEST(GeneratedFit, SuperficialLymphVesselsRunBetweenSkinAndMuscle) {
  int checked = 0;
  for (const auto& v : leg().vessels) {
    if (v.bundle == "deep") continue;
    const geometry::Mesh& tube = legatlas::testing::tissueMesh(v.id);
    float deepestInMuscle = 0.0f, farthestOutOfSkin = -1.0f;
    glm::vec3 inMuscleAt{0.0f}, outOfSkinAt{0.0f};
    for (const glm::vec3& p : tube.positions) {
      if (-allMuscles().distance(p) > deepestInMuscle) deepestInMuscle = -allMuscles().distance(p), inMuscleAt = p;
      if (skin().distance(p) > farthestOutOfSkin) farthestOutOfSkin = skin().distance(p), outOfSkinAt = p;
    }
    EXPECT_LT(deepestInMuscle, 0.0005f) << v.id << " runs inside muscle at " << where(inMuscleAt);
    EXPECT_LT(farthestOutOfSkin, 0.0f) << v.id << " comes out of the skin at " << where(outOfSkinAt);
    ++checked;
  }
  EXPECT_GE(checked, 11);  // ventromedial (8+) and dorsolateral (3+) bundles
}

// Fat is thick over the thigh and thin over the tibial crest, the patella and the malleoli.
TEST(GeneratedFit, FatIsThickOverTheThighAndThinOverBonyPoints) {
  const auto depthUnderSkin = [](const std::string& landmark) {
    return -skin().distance(leg().findLandmark(landmark)->position);
  };
  EXPECT_LT(depthUnderSkin("tibial_crest_upper"), 0.008f);
  // The patella's landmark is its centre: measure from the front of the bone.
  glm::vec3 patellaFront = leg().findLandmark("patella_centre")->position;
  while (solids().at("patella").distance(patellaFront) < 0.0f) patellaFront.z += 0.0005f;
  EXPECT_LT(-skin().distance(patellaFront), 0.010f) << "fat over the patella";
  EXPECT_LT(depthUnderSkin("medial_malleolus"), 0.010f);
  const glm::vec3 midThighFront = leg().findLandmark("patella_base")->position + glm::vec3(0.0f, 0.18f, 0.0f);
  const LevelSet& rectus = solids().at("rectus_femoris");
  // Walk forward from the rectus femoris to the skin at mid-thigh.
  glm::vec3 p = midThighFront;
  while (rectus.distance(p) < 0.0f && p.z < 0.2f) p.z += 0.0005f;
  const float muscleSurface = p.z;
  while (skin().distance(p) < 0.0f && p.z < 0.3f) p.z += 0.0005f;
  EXPECT_GT(p.z - muscleSurface, 0.006f) << "fat over the front of the thigh";
}
