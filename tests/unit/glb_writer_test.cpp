#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <glm/geometric.hpp>

#include "geometry/glb_writer.h"
#include "geometry/primitives.h"
#include "scene/model_loader.h"

namespace fs = std::filesystem;

// Written in the model frame, read back in the model frame: positions unchanged and every
// triangle still counter-clockwise seen from outside (its winding agrees with its normal).
TEST(GlbWriter, RoundTripKeepsPositionsAndOutwardWinding) {
  const fs::path path = fs::temp_directory_path() / ("legatlas_glb_" + std::to_string(::getpid()) + ".glb");
  const auto node = legatlas::geometry::makeEllipsoid({0.05f, -0.4f, 0.02f}, {0.01f, 0.02f, 0.005f}, 8, 12);
  legatlas::geometry::writeGlb(path.string(), {{"Node_Lateral", &node}});
  const auto scene = legatlas::scene::loadModel(path.string(), nullptr);
  fs::remove(path);
  ASSERT_EQ(scene.meshes.size(), 1u);
  const auto& mesh = scene.meshes[0].mesh;
  EXPECT_NEAR(scene.bounds().center().x, 0.05f, 1e-5f) << "the lateral side came back mirrored";
  EXPECT_NEAR(scene.bounds().center().z, 0.02f, 1e-5f);
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                    c = mesh.positions[mesh.indices[i + 2]];
    const glm::vec3 outward = (a + b + c) / 3.0f - glm::vec3(0.05f, -0.4f, 0.02f);
    ASSERT_GT(glm::dot(glm::cross(b - a, c - a), outward), 0.0f) << "triangle " << i / 3 << " faces inward";
    ASSERT_GT(glm::dot(mesh.normals[mesh.indices[i]], outward), 0.0f);
  }
}

// A plain right-handed glTF (an asset facing +Z has its right at -X) lands with that
// right side at model +X.
TEST(GlbWriter, FileRightSideIsModelPlusX) {
  const fs::path path = fs::temp_directory_path() / ("legatlas_side_" + std::to_string(::getpid()) + ".obj");
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("o RightSide\nv -1 0 0\nv -1 1 0\nv -1 0 1\nf 1 2 3\n", f);
    std::fclose(f);
  }
  const auto scene = legatlas::scene::loadModel(path.string(), nullptr);
  fs::remove(path);
  EXPECT_NEAR(scene.bounds().center().x, 1.0f, 1e-6f);
}
