#include "scene/body_mesh.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/error.h"

namespace legatlas::scene {
namespace {

namespace fs = std::filesystem;
using geometry::Mesh;

const std::string kCommittedBody = LEGATLAS_SOURCE_DIR "/assets/body/body.mesh";

// The committed body, read once for all the tests that look at it.
const Mesh& committedBody() {
  static const Mesh body = loadBodyMesh(kCommittedBody);
  return body;
}

size_t verticesWhere(const Mesh& mesh, auto inside) {
  return size_t(std::count_if(mesh.positions.begin(), mesh.positions.end(), inside));
}

TEST(BodyMesh, CommittedBodyLoadsWithNormals) {
  const Mesh& body = committedBody();
  EXPECT_GE(body.triangleCount(), 3000u);
  EXPECT_LE(body.triangleCount(), 12000u);
  EXPECT_EQ(body.normals.size(), body.positions.size());
  EXPECT_LT(fs::file_size(kCommittedBody), uintmax_t(1) << 20);
}

TEST(BodyMesh, HeadIsAboveTheHipAndTheLeftFootOnTheFloor) {
  const geometry::Bounds box = committedBody().bounds();
  EXPECT_GT(box.max.y, 0.55f);
  EXPECT_LT(box.max.y, 0.95f);
  EXPECT_GT(box.min.y, -0.93f) << "the floor is at -0.90";
  EXPECT_LT(box.min.y, -0.85f);
}

TEST(BodyMesh, NormalsFaceOutward) {
  const Mesh& body = committedBody();
  const auto top = std::max_element(body.positions.begin(), body.positions.end(),
                                    [](const glm::vec3& a, const glm::vec3& b) { return a.y < b.y; });
  EXPECT_GT(body.normals[size_t(top - body.positions.begin())].y, 0.5f) << "the crown of the head faces up";
  const auto front = std::max_element(body.positions.begin(), body.positions.end(),
                                      [](const glm::vec3& a, const glm::vec3& b) { return a.z < b.z; });
  EXPECT_GT(body.normals[size_t(front - body.positions.begin())].z, 0.5f) << "the most anterior point faces forward";
}

TEST(BodyMesh, TheRightLegIsLeftToTheLegsOwnMesh) {
  // Where the leg's own thigh, knee, shank and ankle are drawn (hip at the origin, knee at
  // x = -0.02, ankle at x = -0.04; below y = -0.12 its skin stays within x < 0.09). Below
  // y = -0.12 the body's left leg stays at x < -0.14 and the right hand hangs at x > 0.12;
  // the groin and buttock skin kept around the opening lies above. With the body's own
  // right leg kept, over 500 of its vertices would lie here.
  const size_t inRightLeg = verticesWhere(committedBody(), [](const glm::vec3& p) {
    return p.x > -0.06f && p.x < 0.10f && p.y > -0.85f && p.y < -0.12f;
  });
  EXPECT_EQ(inRightLeg, 0u);
}

TEST(BodyMesh, TheArmsLieAlongTheBody) {
  // MakeHuman's rest pose holds the arms out with the forearms reaching forward to
  // z = +0.32 (over 1,200 vertices here would be further than 0.16 from the frontal
  // plane): they would stand up from a supine client and sink through the table under a
  // prone one. Lowered, nothing between the hips and the shoulders is further forward
  // than the chest (0.154) or further back than the buttocks.
  const size_t offTheTrunk = verticesWhere(committedBody(), [](const glm::vec3& p) {
    return p.y > -0.1f && p.y < 0.6f && std::abs(p.z) > 0.16f;
  });
  EXPECT_EQ(offTheTrunk, 0u);
  // Beside the trunk (the body's midline is at x = -0.115, the shoulder joints at x =
  // -0.29 and 0.06), the arms keep within 0.1 of the frontal plane, and nothing above the
  // thighs reaches out further than the hanging arms (the rest pose's hands reach x =
  // -0.63 and 0.40).
  const size_t armsOut = verticesWhere(committedBody(), [](const glm::vec3& p) {
    const bool besideTrunk = p.x > 0.07f || p.x < -0.30f;
    return p.y > -0.2f && p.y < 0.45f && ((besideTrunk && std::abs(p.z) > 0.1f) || p.x < -0.45f || p.x > 0.22f);
  });
  EXPECT_EQ(armsOut, 0u);
}

TEST(BodyMesh, TheHandsHangBesideTheThighs) {
  // The hands end beside the upper thighs, below the hip joints: the right hand outside
  // the leg's own thigh (x > 0.10), the left one outside the body's left thigh (whose
  // skin stays at x > -0.33 there). In the rest pose neither place holds a vertex.
  const size_t rightHand = verticesWhere(committedBody(), [](const glm::vec3& p) {
    return p.x > 0.10f && p.y < -0.13f;
  });
  const size_t leftHand = verticesWhere(committedBody(), [](const glm::vec3& p) {
    return p.x < -0.34f && p.y < -0.13f && p.y > -0.3f;
  });
  EXPECT_GT(rightHand, 20u);
  EXPECT_GT(leftHand, 20u);
}

TEST(BodyMesh, TheLeftLegIsThere) {
  const size_t leftShankAndFoot = verticesWhere(committedBody(), [](const glm::vec3& p) {
    return p.x < -0.12f && p.y < -0.5f;
  });
  EXPECT_GT(leftShankAndFoot, 200u);
}

// Broken files: each is refused with an InputError that names it.
class BodyMeshFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("legatlas_body_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    Mesh triangle;
    triangle.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    triangle.indices = {0, 1, 2};
    good_ = encodeBodyMesh(triangle);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The reason the bytes are refused, or "" when they load.
  std::string refusal(const std::string& bytes) const {
    const std::string path = (dir_ / "broken.mesh").string();
    std::ofstream(path, std::ios::binary) << bytes;
    try {
      loadBodyMesh(path);
      return "";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), path);
      return e.reason();
    }
  }
  static void putU32(std::string& bytes, size_t offset, uint32_t value) {
    for (int k = 0; k < 4; ++k) bytes[offset + k] = char((value >> (8 * k)) & 0xFF);
  }

  fs::path dir_;
  std::string good_;
};

TEST_F(BodyMeshFile, AGoodFileRoundTrips) {
  EXPECT_EQ(refusal(good_), "");
  EXPECT_EQ(good_.size(), 16u + 3 * 12 + 3 * 4);
}

TEST_F(BodyMeshFile, TruncatedFilesAreRefused) {
  for (size_t length = 0; length < good_.size(); ++length)
    EXPECT_NE(refusal(good_.substr(0, length)), "") << "cut to " << length << " bytes";
  EXPECT_NE(refusal(good_ + "x"), "") << "extra bytes";
}

TEST_F(BodyMeshFile, WrongMagicIsRefused) {
  std::string bytes = good_;
  bytes[7] = '2';
  EXPECT_NE(refusal(bytes).find("LABODY01"), std::string::npos);
}

TEST_F(BodyMeshFile, CountsThatWrapAroundAreRefused) {
  std::string bytes = good_;
  putU32(bytes, 8, 0xFFFFFFFFu);  // 12 * count overflows 32 bits
  EXPECT_NE(refusal(bytes), "");
  bytes = good_;
  putU32(bytes, 12, 4);  // not whole triangles
  EXPECT_NE(refusal(bytes), "");
}

TEST_F(BodyMeshFile, IndexOutOfRangeIsRefused) {
  std::string bytes = good_;
  putU32(bytes, bytes.size() - 4, 3);
  EXPECT_NE(refusal(bytes).find("vertex 3 of 3"), std::string::npos);
}

TEST_F(BodyMeshFile, NonFiniteCoordinatesAreRefused) {
  std::string bytes = good_;
  putU32(bytes, 16 + 4, std::bit_cast<uint32_t>(std::numeric_limits<float>::quiet_NaN()));
  EXPECT_NE(refusal(bytes).find("finite"), std::string::npos);
  bytes = good_;
  putU32(bytes, 16 + 12, std::bit_cast<uint32_t>(std::numeric_limits<float>::infinity()));
  EXPECT_NE(refusal(bytes).find("finite"), std::string::npos);
}

TEST_F(BodyMeshFile, MissingAndOversizedFilesAreRefused) {
  EXPECT_THROW(loadBodyMesh((dir_ / "absent.mesh").string()), InputError);
  const std::string path = (dir_ / "huge.mesh").string();
  std::ofstream(path, std::ios::binary).close();
  fs::resize_file(path, kMostBodyMeshBytes + 1);
  try {
    loadBodyMesh(path);
    ADD_FAILURE() << "a file over 16 MiB was read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_NE(e.reason().find("larger"), std::string::npos);
  }
}

}  // namespace
}  // namespace legatlas::scene
