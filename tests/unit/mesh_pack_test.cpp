#include "geometry/mesh_pack.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <glm/geometric.hpp>
#include <map>
#include <unordered_map>

#include "core/error.h"
#include "geometry/primitives.h"

namespace legatlas::geometry {
namespace {

namespace fs = std::filesystem;

const std::string kLegs = LEGATLAS_SOURCE_DIR "/assets/legs/";

// The committed measured legs, read once.
const std::map<std::string, Mesh>& leg(const std::string& subject) {
  static std::map<std::string, std::map<std::string, Mesh>> legs;
  auto& surfaces = legs[subject];
  if (surfaces.empty()) {
    for (NamedSurface& s : loadMeshPack(kLegs + subject + ".pack")) surfaces[s.name] = std::move(s.mesh);
  }
  return surfaces;
}

glm::vec3 centroid(const Mesh& mesh) {
  glm::vec3 sum(0.0f);
  for (const glm::vec3& p : mesh.positions) sum += p;
  return sum / float(mesh.positions.size());
}

size_t openEdges(const Mesh& mesh) {
  std::unordered_map<uint64_t, int> uses;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    for (int k = 0; k < 3; ++k) {
      uint64_t a = mesh.indices[i + k], b = mesh.indices[i + (k + 1) % 3];
      ++uses[std::min(a, b) << 32 | std::max(a, b)];
    }
  }
  return size_t(std::count_if(uses.begin(), uses.end(), [](const auto& u) { return u.second != 2; }));
}

std::vector<std::array<uint32_t, 3>> triangles(const Mesh& mesh) {
  std::vector<std::array<uint32_t, 3>> out;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    std::array<uint32_t, 3> t{mesh.indices[i], mesh.indices[i + 1], mesh.indices[i + 2]};
    std::rotate(t.begin(), std::min_element(t.begin(), t.end()), t.end());
    out.push_back(t);
  }
  return out;
}

std::string bytesOfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string writeTemporary(const std::string& bytes) {
  const std::string path = (fs::temp_directory_path() / ("legatlas_pack_" + std::to_string(getpid()) + ".pack")).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string loadError(const std::string& bytes) {
  const std::string path = writeTemporary(bytes);
  try {
    loadMeshPack(path);
  } catch (const InputError& e) {
    fs::remove(path);
    EXPECT_EQ(e.file(), path);
    return e.what();
  }
  fs::remove(path);
  return "";
}

TEST(MeshPack, RoundTripMovesNoVertexMoreThanHalfAGridStep) {
  std::vector<NamedSurface> surfaces{{"muscle/a", makeEllipsoid({0.01f, -0.2f, 0.03f}, {0.02f, 0.1f, 0.03f}, 8, 12)},
                                     {"bone/b", makeEllipsoid({-0.05f, -0.6f, 0.0f}, {0.015f, 0.2f, 0.015f}, 6, 10)}};
  float step = 0;
  const std::string path = writeTemporary(encodeMeshPack(surfaces, &step));
  const std::vector<NamedSurface> read = loadMeshPack(path);
  fs::remove(path);
  ASSERT_EQ(read.size(), 2u);
  for (size_t m = 0; m < 2; ++m) {
    EXPECT_EQ(read[m].name, surfaces[m].name);
    // The index codec may start a triangle at another corner; the winding stays.
    EXPECT_EQ(triangles(read[m].mesh), triangles(surfaces[m].mesh));
    ASSERT_EQ(read[m].mesh.positions.size(), surfaces[m].mesh.positions.size());
    for (size_t v = 0; v < read[m].mesh.positions.size(); ++v) {
      const glm::vec3 moved = glm::abs(read[m].mesh.positions[v] - surfaces[m].mesh.positions[v]);
      EXPECT_LE(std::max({moved.x, moved.y, moved.z}), step * 0.5f + 1e-7f);
    }
    EXPECT_EQ(read[m].mesh.normals.size(), read[m].mesh.positions.size());
  }
}

TEST(MeshPack, BadFilesNameTheFileAndThePlace) {
  const std::string good = bytesOfFile(kLegs + "female.pack");
  EXPECT_NE(loadError("LABODY01" + good.substr(8)).find("not a mesh pack"), std::string::npos);
  EXPECT_NE(loadError(good.substr(0, good.size() / 2)).find("cut short"), std::string::npos);
  EXPECT_NE(loadError(good + "x").find("bytes after its last mesh"), std::string::npos);
  std::string scrambled = good;
  for (size_t i = scrambled.size() - 200; i < scrambled.size(); ++i) scrambled[i] = char(0xFF);
  const std::string message = loadError(scrambled);
  EXPECT_NE(message.find("mesh '"), std::string::npos) << message;
  EXPECT_NE(message.find("legatlas-import-leg"), std::string::npos) << "says how to make it again";
}

class MeasuredLeg : public testing::TestWithParam<std::string> {};

TEST_P(MeasuredLeg, HoldsClosedOutwardSurfacesOfEveryKind) {
  const auto& surfaces = leg(GetParam());
  EXPECT_GE(surfaces.size(), 60u);
  for (const char* name : {"bone/tibia", "bone/fibula", "bone/patella", "muscle/soleus", "muscle/sartorius",
                           "muscle/gastrocnemius_medial_head", "cartilage/femur_head", "ligament/medial_collateral"}) {
    EXPECT_TRUE(surfaces.count(name) || (GetParam() == "male" && std::string(name) == "bone/tibia")) << name;
  }
  for (const auto& [name, mesh] : surfaces) {
    EXPECT_EQ(openEdges(mesh), 0u) << name;
    EXPECT_GT(mesh.signedVolume(), 0.0) << name << " faces inward";
  }
  EXPECT_LE(fs::file_size(kLegs + "female.pack") + fs::file_size(kLegs + "male.pack"), uintmax_t(25) << 20);
}

TEST_P(MeasuredLeg, StandsAsARightLegInTheModelFrame) {
  const auto& s = leg(GetParam());
  // The origin is the centre of the femoral head: its cartilage is a cap round it.
  const Bounds head = s.at("cartilage/femur_head").bounds();
  EXPECT_LT(glm::length(head.center()), 0.02f);
  for (const glm::vec3& p : s.at("cartilage/femur_head").positions) {
    EXPECT_NEAR(glm::length(p), 0.024f, 0.006f);
  }
  // Superior +Y: the knee below the hip, the ankle below the knee.
  const glm::vec3 knee = centroid(s.at("cartilage/femur_distal")), ankle = centroid(s.at("cartilage/tibia_distal"));
  EXPECT_LT(knee.y, -0.35f);
  EXPECT_LT(ankle.y, knee.y - 0.3f);
  // A right leg (+X lateral): the fibula lateral of the tibia's plateau, the sacrum medial.
  const glm::vec3 plateau = centroid(s.at("cartilage/tibia_medial")) * 0.5f + centroid(s.at("cartilage/tibia_lateral")) * 0.5f;
  EXPECT_GT(centroid(s.at("bone/fibula")).x, plateau.x + 0.01f);
  EXPECT_LT(centroid(s.at("bone/sacrum")).x, -0.05f);
  EXPECT_GT(centroid(s.at("cartilage/tibia_lateral")).x, centroid(s.at("cartilage/tibia_medial")).x);
  // Anterior +Z: the patella in front of the knee, the heel behind the ankle.
  EXPECT_GT(centroid(s.at("bone/patella")).z, knee.z + 0.02f);
  EXPECT_LT(s.at("bone/calcaneus").bounds().min.z, ankle.z - 0.03f);
  // Standing as the described leg leans: the ankle a little medial of the hip.
  EXPECT_NEAR(ankle.x / ankle.y, 0.048f, 0.02f);
}

TEST_P(MeasuredLeg, TheFootStandsNeutral) {
  // The subjects lay with their toes pointed (the female's forefoot 8 cm below her heel):
  // turned, the heel and the forefoot rest near one level, as on the floor, and the toes
  // point forward.
  const auto& s = leg(GetParam());
  const Bounds heel = s.at("bone/calcaneus").bounds(), toes = s.at("bone/phalanges").bounds();
  EXPECT_NEAR(heel.min.y, toes.min.y, 0.025f);
  EXPECT_GT(toes.max.z, heel.max.z + 0.08f);
  const glm::vec3 ankle = centroid(s.at("cartilage/tibia_distal"));
  EXPECT_LT(toes.min.y, ankle.y - 0.04f);
  EXPECT_GT(toes.min.y, ankle.y - 0.11f);
}

INSTANTIATE_TEST_SUITE_P(Subjects, MeasuredLeg, testing::Values("female", "male"));

}  // namespace
}  // namespace legatlas::geometry
