#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "geometry/glb_writer.h"
#include "geometry/mesh_clip.h"
#include "geometry/sweep.h"
#include "mesh_checks.h"
#include "scene/model_loader.h"

using legatlas::geometry::Mesh;
using legatlas::geometry::SweepOptions;
using legatlas::geometry::SweepSection;

namespace {

// A belly: thin at both ends, widest in the middle, along a bent path like a calf muscle.
const std::vector<glm::vec3> kPath = {{0.0f, -0.40f, -0.03f}, {0.0f, -0.52f, -0.06f}, {-0.01f, -0.70f, -0.05f},
                                      {-0.02f, -0.82f, -0.06f}};

Mesh belly() {
  SweepOptions options;
  options.thicknessHint = glm::vec3(0, 0, -1);
  return legatlas::geometry::sweep(
      kPath, [](float t) { return SweepSection{0.01f + 0.05f * std::sin(3.14159f * t), 0.005f + 0.02f * std::sin(3.14159f * t)}; },
      options);
}

}  // namespace

// Every edge is shared by exactly two triangles, in opposite directions: closed and
// consistently oriented.
TEST(Sweep, SurfaceIsClosedAndOriented) {
  EXPECT_EQ(legatlas::testing::closedSurfaceProblem(belly()), "");
}

TEST(Sweep, NoDegenerateTrianglesAndOutwardWinding) {
  const Mesh mesh = belly();
  for (size_t i = 0; i < mesh.indices.size(); i += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                    c = mesh.positions[mesh.indices[i + 2]];
    const glm::vec3 geometric = glm::cross(b - a, c - a);
    ASSERT_GT(glm::length(geometric), 1e-10f) << "degenerate triangle " << i / 3;
    const glm::vec3 stored = mesh.normals[mesh.indices[i]] + mesh.normals[mesh.indices[i + 1]] + mesh.normals[mesh.indices[i + 2]];
    ASSERT_GT(glm::dot(geometric, stored), 0.0f) << "triangle " << i / 3 << " faces inward";
  }
}

TEST(Sweep, EndsAtTheFirstAndLastPoints) {
  const Mesh mesh = belly();
  float nearStart = 1.0f, nearEnd = 1.0f;
  for (const glm::vec3& p : mesh.positions) {
    nearStart = std::min(nearStart, glm::distance(p, kPath.front()));
    nearEnd = std::min(nearEnd, glm::distance(p, kPath.back()));
  }
  EXPECT_LT(nearStart, 1e-5f);
  EXPECT_LT(nearEnd, 1e-5f);
}

// The fibre direction is stored as the tangent and survives a round trip through glTF and
// Assimp; at the belly's centre it follows the path.
TEST(Sweep, FibreDirectionSurvivesGltfAndAssimp) {
  const std::string path = (std::filesystem::temp_directory_path() / ("legatlas_sweep_" + std::to_string(::getpid()) + ".glb")).string();
  const Mesh mesh = belly();
  legatlas::geometry::writeGlb(path, {{"Calf", &mesh}});
  const auto scene = legatlas::scene::loadModel(path, nullptr);
  std::filesystem::remove(path);
  const Mesh& loaded = scene.meshes.at(0).mesh;
  ASSERT_EQ(loaded.tangents.size(), loaded.positions.size());
  ASSERT_EQ(loaded.uvs.size(), loaded.positions.size());
  const glm::vec3 axis = glm::normalize(kPath[2] - kPath[1]);
  int checked = 0;
  for (size_t i = 0; i < loaded.positions.size(); ++i) {
    if (std::abs(loaded.uvs[i].x - 0.5f) > 0.02f) continue;
    const float cosine = glm::dot(glm::normalize(glm::vec3(loaded.tangents[i])), axis);
    EXPECT_GT(cosine, std::cos(glm::radians(20.0f))) << "vertex " << i;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

// Cut where the belly turns to tendon, the surface stays closed and encloses the same
// volume, and every triangle lies wholly on one side of the line.
TEST(Sweep, CutAlongTheLineWhereTheBellyTurnsToTendon) {
  const Mesh whole = belly();
  Mesh cut = whole;
  legatlas::geometry::cutAlongU(cut, 0.63f);
  EXPECT_GT(cut.triangleCount(), whole.triangleCount());
  EXPECT_EQ(legatlas::testing::closedSurfaceProblem(cut), "");
  EXPECT_NEAR(cut.signedVolume(), whole.signedVolume(), 1e-6 * whole.signedVolume());
  int onTheLine = 0;
  for (size_t i = 0; i < cut.indices.size(); i += 3) {
    int below = 0, above = 0;
    for (size_t k = 0; k < 3; ++k) {
      const float u = cut.uvs[cut.indices[i + k]].x;
      below += u < 0.63f - 1e-4f, above += u > 0.63f + 1e-4f;
      onTheLine += std::abs(u - 0.63f) < 1e-4f;
    }
    EXPECT_FALSE(below > 0 && above > 0) << "triangle " << i / 3 << " crosses the line";
  }
  EXPECT_GT(onTheLine, 0);
}
