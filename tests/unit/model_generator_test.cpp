#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <stdexcept>
#include <map>

#include "anatomy/model_generator.h"
#include "scene/model_loader.h"

namespace fs = std::filesystem;
using namespace legatlas;

namespace {

const anatomy::Description& description() {
  static const anatomy::Description d = anatomy::loadDescription(std::string(LEGATLAS_SOURCE_DIR) + "/assets/anatomy");
  return d;
}

const anatomy::GeneratedModel& model() {
  static const anatomy::GeneratedModel m = anatomy::generateModel(description());
  return m;
}

const geometry::Mesh& meshOf(const std::string& id) {
  for (const auto& t : model().tissues) {
    if (t.entry.id == id) return t.mesh;
  }
  throw std::runtime_error("no tissue " + id);
}

bool closed(const geometry::Mesh& mesh) {
  std::map<std::pair<uint32_t, uint32_t>, int> edges;
  for (size_t i = 0; i < mesh.indices.size(); i += 3) {
    for (int e = 0; e < 3; ++e) ++edges[{mesh.indices[i + e], mesh.indices[i + (e + 1) % 3]}];
  }
  for (const auto& [edge, count] : edges) {
    if (count != 1 || !edges.count({edge.second, edge.first})) return false;
  }
  return true;
}

float nearest(const geometry::Mesh& mesh, const glm::vec3& point) {
  float best = 1e9f;
  for (const glm::vec3& p : mesh.positions) best = std::min(best, glm::distance(p, point));
  return best;
}

}  // namespace

TEST(ModelGenerator, EveryTissueIsAClosedMeshWithoutDegenerateTriangles) {
  ASSERT_EQ(model().tissues.size(), description().muscles.size() + description().tendons.size() +
                                        description().nodes.size() + description().vessels.size() +
                                        description().veins.size());
  for (const auto& t : model().tissues) {
    EXPECT_TRUE(closed(t.mesh)) << t.entry.id;
    for (size_t i = 0; i < t.mesh.indices.size(); i += 3) {
      const glm::vec3 a = t.mesh.positions[t.mesh.indices[i]], b = t.mesh.positions[t.mesh.indices[i + 1]],
                      c = t.mesh.positions[t.mesh.indices[i + 2]];
      ASSERT_GT(glm::length(glm::cross(b - a, c - a)), 1e-12f) << t.entry.id << " triangle " << i / 3;
    }
  }
}

TEST(ModelGenerator, MusclesReachTheirOriginAndInsertion) {
  for (const auto& m : description().muscles) {
    const auto& mesh = meshOf(m.id);
    EXPECT_LT(nearest(mesh, m.origin.point.position), 0.010f) << m.id << " origin";
    EXPECT_LT(nearest(mesh, m.insertion.point.position), 0.010f) << m.id << " insertion";
  }
}

// At the belly's centre the stored fibre direction follows the origin-insertion path.
TEST(ModelGenerator, FibreDirectionFollowsThePathAtTheBelly) {
  for (const auto& m : description().muscles) {
    const auto& mesh = meshOf(m.id);
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
  anatomy::writeGeneratedModel(model(), glb);
  const auto map = anatomy::TissueMap::load((dir / "leg.tissues.json").string());
  const auto scene = scene::loadModel(glb, &map);
  fs::remove_all(dir);
  EXPECT_EQ(scene.meshes.size(), model().tissues.size());
  EXPECT_TRUE(scene.warnings.empty()) << scene.warnings.front();
  const int rectus = scene.findTissue("rectus_femoris");
  ASSERT_GE(rectus, 0);
  EXPECT_EQ(scene.tissues[rectus].name, "Rectus femoris");
  EXPECT_EQ(scene.tissues[rectus].layer, anatomy::Layer::SuperficialMuscle);
  bool hasAction = false;
  for (const auto& f : scene.tissues[rectus].facts) hasAction = hasAction || (f.label == "Action" && !f.text.empty());
  EXPECT_TRUE(hasAction);
  const int node = scene.findTissue(description().vessels.front().endsAt);
  ASSERT_GE(node, 0);
  EXPECT_EQ(scene.tissues[node].layer, anatomy::Layer::Lymph);
}
