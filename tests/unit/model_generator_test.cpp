#include <gtest/gtest.h>

#include <map>
#include <unistd.h>

#include <filesystem>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <stdexcept>

#include "anatomy/model_generator.h"
#include "generated_leg.h"
#include "mesh_checks.h"
#include "scene/model_loader.h"

namespace fs = std::filesystem;
using namespace legatlas;

using legatlas::testing::generatedModel;
using legatlas::testing::leg;
using legatlas::testing::tissueMesh;

TEST(ModelGenerator, EveryTissueIsAClosedMeshWithoutDegenerateTriangles) {
  const auto& d = leg();
  ASSERT_EQ(generatedModel().tissues.size(), d.bones.size() + d.muscles.size() + d.tendons.size() + d.nodes.size() +
                                                 d.vessels.size() + d.veins.size() + 1);
  for (const auto& t : generatedModel().tissues) {
    EXPECT_EQ(legatlas::testing::closedSurfaceProblem(t.mesh), "") << t.entry.id;
    EXPECT_TRUE(legatlas::testing::windingAgreesWithNormals(t.mesh)) << t.entry.id;
    // So the tissue map tells the renderer it may skip the back faces.
    EXPECT_TRUE(t.entry.closed) << t.entry.id;
  }
}

TEST(ModelGenerator, MusclesReachTheirOriginAndInsertion) {
  for (const auto& m : leg().muscles) {
    const auto& mesh = tissueMesh(m.id);
    EXPECT_LT(legatlas::testing::nearestVertexDistance(mesh, m.origin.point.position), 0.010f) << m.id << " origin";
    EXPECT_LT(legatlas::testing::nearestVertexDistance(mesh, m.insertion.point.position), 0.010f) << m.id << " insertion";
  }
}

// At the belly's centre the stored fibre direction follows the origin-insertion path.
TEST(ModelGenerator, FibreDirectionFollowsThePathAtTheBelly) {
  for (const auto& m : leg().muscles) {
    const auto& mesh = tissueMesh(m.id);
    const std::vector<glm::vec3> path = m.path();
    // The via-point path's segment at half its length, where the ring u = 0.5 lies.
    float total = 0.0f;
    for (size_t i = 0; i + 1 < path.size(); ++i) total += glm::distance(path[i], path[i + 1]);
    size_t best = 0;
    for (float walked = 0.0f; best + 1 < path.size(); ++best) {
      walked += glm::distance(path[best], path[best + 1]);
      if (walked >= 0.5f * total) break;
    }
    const glm::vec3 local = glm::normalize(path[best + 1] - path[best]);
    float meanCosine = 0.0f;
    int count = 0;
    for (size_t i = 0; i < mesh.positions.size(); ++i) {
      if (std::abs(mesh.uvs[i].x - 0.5f) < 0.02f) {
        meanCosine += glm::dot(glm::vec3(mesh.tangents[i]), local);
        ++count;
      }
    }
    ASSERT_GT(count, 0) << m.id;
    EXPECT_GT(meanCosine / count, std::cos(glm::radians(20.0f))) << m.id;
  }
}

TEST(ModelGenerator, WrittenModelLoadsWithEveryTissueNamed) {
  const fs::path dir = fs::temp_directory_path() / ("legatlas_generated_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string glb = (dir / "leg.glb").string();
  anatomy::writeGeneratedModel(generatedModel(), glb);
  const auto map = anatomy::TissueMap::load((dir / "leg.tissues.json").string());
  const auto scene = scene::loadModel(glb, &map);
  fs::remove_all(dir);
  // Every tissue twice: its full mesh and its coarse copy, both assigned to it; a muscle
  // with tendinous ends has its tendons written beside them, drawn as tendon.
  std::map<std::string, int> own, tendinous;
  for (const auto& m : scene.meshes) ++(m.tendinous ? tendinous : own)[scene.tissues[m.tissueIndex].id];
  EXPECT_EQ(scene.tissues.size(), generatedModel().tissues.size());
  for (const auto& t : generatedModel().tissues) EXPECT_EQ(own[t.entry.id], 2) << t.entry.id;
  EXPECT_EQ(tendinous["tibialis_anterior"], 2) << "its tendon runs across the ankle";
  EXPECT_EQ(tendinous["fibularis_brevis"], 2) << "its tendon runs behind the lateral malleolus";
  EXPECT_EQ(tendinous["adductor_magnus"], 0) << "fleshy at both ends";
  EXPECT_EQ(tendinous["tibia"], 0) << "a bone has none";
  for (const auto& m : scene.meshes) {
    EXPECT_FALSE(scene.tissues[m.tissueIndex].id.starts_with("unassigned")) << m.nodeName;
  }
  EXPECT_TRUE(scene.warnings.empty()) << scene.warnings.front();
  const int rectus = scene.findTissue("rectus_femoris");
  ASSERT_GE(rectus, 0);
  EXPECT_EQ(scene.tissues[rectus].name, "Rectus femoris");
  EXPECT_EQ(scene.tissues[rectus].layer, anatomy::Layer::SuperficialMuscle);
  bool hasAction = false;
  for (const auto& f : scene.tissues[rectus].facts) hasAction = hasAction || (f.label == "Action" && !f.text.empty());
  EXPECT_TRUE(hasAction);
  const int node = scene.findTissue(leg().vessels.front().endsAt);
  ASSERT_GE(node, 0);
  EXPECT_EQ(scene.tissues[node].layer, anatomy::Layer::Lymph);
}

// The coarse copy is much lighter and still the same shape in the same place: within
// four of its 2.5 mm voxels, as the tip of a tendon thinner than that grid may shorten.
TEST(ModelGenerator, EveryTissueHasACoarseCopyOfTheSameShape) {
  for (const auto& t : generatedModel().tissues) {
    ASSERT_FALSE(t.coarse.indices.empty()) << t.entry.id;
    EXPECT_LT(t.coarse.triangleCount(), t.mesh.triangleCount() * 6 / 10) << t.entry.id;
    const geometry::Bounds full = t.mesh.bounds(), coarse = t.coarse.bounds();
    EXPECT_LT(glm::distance(full.min, coarse.min), 0.010f) << t.entry.id;
    EXPECT_LT(glm::distance(full.max, coarse.max), 0.010f) << t.entry.id;
  }
}
