#include "technique/hand_rig.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <limits>
#include <map>
#include <tuple>

#include "core/error.h"
#include "core/text.h"
#include "geometry/triangle_tree.h"
#include "technique/hand_rig_file.h"

namespace legatlas::technique {
namespace {

namespace fs = std::filesystem;

const std::string kCommittedHand = LEGATLAS_SOURCE_DIR "/assets/hands/hand.rig";

// The committed hands, read once for all the tests that look at them.
const HandRig& rightHand() {
  static const HandRig rig = loadHandRig(kCommittedHand);
  return rig;
}
const HandRig& leftHand() {
  static const HandRig rig = loadHandRig(kCommittedHand, HandSide::Left);
  return rig;
}

// The vertex farthest from `from` among those `bone` moves most: a fingertip for a
// distal phalanx.
size_t farthestVertexOf(const HandRig& rig, size_t bone, const glm::vec3& from) {
  size_t best = 0;
  float bestDistance = -1;
  for (size_t v = 0; v < rig.mesh.positions.size(); ++v) {
    const float distance = glm::distance(rig.mesh.positions[v], from);
    if (rig.boneIndices[v][0] == bone && distance > bestDistance) best = v, bestDistance = distance;
  }
  return best;
}
size_t tipOf(const HandRig& rig, const char* distalPhalanx) {
  const size_t bone = rig.boneNamed(distalPhalanx);
  return farthestVertexOf(rig, bone, rig.bones[bone].head);
}

// How far below the elbow joint `p` lies, along the forearm (elbow to wrist joint).
float belowElbow(const HandRig& rig, const glm::vec3& p) {
  const glm::vec3 elbow = rig.bones[0].head;
  return glm::dot(p - elbow, glm::normalize(-elbow));  // the wrist joint is the origin
}

// A temporary file holding `bytes`, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes)
      : path_((fs::temp_directory_path() / ("legatlas-hand-" + std::to_string(getpid()) + "-" +
                                            std::to_string(counter_++) + ".rig")).string()) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

// Loading `bytes` throws an InputError naming the file and a place in it.
void expectRefused(const std::string& bytes, const std::string& what) {
  const TempFile file(bytes);
  try {
    loadHandRig(file.path());
    ADD_FAILURE() << what << ": was read";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), file.path()) << what;
    EXPECT_FALSE(error.place().empty()) << what << ": " << error.what();
    EXPECT_NE(error.fix().find("legatlas-import-hand"), std::string::npos) << what << ": " << error.what();
  }
}

// Where the vertices start in a hand file: after the header and the bones.
size_t firstVertexOffset(const std::string& bytes, size_t boneCount) {
  size_t offset = 20;
  for (size_t b = 0; b < boneCount; ++b) offset += 1 + uint8_t(bytes[offset]) + 1 + 24;
  return offset;
}

TEST(HandRig, CommittedHandIsASmallSkinnedHandAndForearm) {
  const HandRig& rig = rightHand();
  EXPECT_EQ(rig.bones.size(), 22u) << "two forearm segments, the wrist, four metacarpals, fifteen phalanges";
  EXPECT_LE(rig.bones.size(), kMostHandBones);
  EXPECT_GE(rig.mesh.triangleCount(), 8000u) << "subdivided once";
  EXPECT_LE(rig.mesh.triangleCount(), 20000u);
  EXPECT_EQ(rig.mesh.normals.size(), rig.mesh.positions.size());
  EXPECT_EQ(rig.boneIndices.size(), rig.mesh.positions.size());
  EXPECT_EQ(rig.boneWeights.size(), rig.mesh.positions.size());
  EXPECT_LT(fs::file_size(kCommittedHand), uintmax_t(512) << 10);
  for (const char* digit : {"finger1-3", "finger2-3", "finger3-3", "finger4-3", "finger5-3", "metacarpal4", "wrist"})
    EXPECT_TRUE(rig.bone(digit).has_value()) << digit;
}

TEST(HandRig, WeightsSumToOneOverAtMostFourBones) {
  const HandRig& rig = rightHand();
  size_t badSums = 0, badIndices = 0;
  for (size_t v = 0; v < rig.mesh.positions.size(); ++v) {
    const glm::vec4& w = rig.boneWeights[v];
    if (std::abs(w.x + w.y + w.z + w.w - 1.0f) > 1e-5f || glm::any(glm::lessThan(w, glm::vec4(0.0f)))) ++badSums;
    for (int k = 0; k < 4; ++k)
      if (rig.boneIndices[v][k] >= rig.bones.size()) ++badIndices;
  }
  EXPECT_EQ(badSums, 0u);
  EXPECT_EQ(badIndices, 0u);
  // The strongest weight comes first, so a vertex's own bone is boneIndices[v][0].
  size_t unordered = 0;
  for (const glm::vec4& w : rig.boneWeights) unordered += w.x >= w.y && w.y >= w.z && w.z >= w.w ? 0 : 1;
  EXPECT_EQ(unordered, 0u);
}

TEST(HandRig, ParentsComeBeforeTheirBonesAndTheRootIsTheForearm) {
  const HandRig& rig = rightHand();
  EXPECT_EQ(rig.bones[0].name, "lowerarm01.R");
  EXPECT_EQ(rig.bones[0].parent, -1);
  for (size_t b = 1; b < rig.bones.size(); ++b) {
    EXPECT_GE(rig.bones[b].parent, 0) << rig.bones[b].name;
    EXPECT_LT(rig.bones[b].parent, int(b)) << rig.bones[b].name;
  }
  // The index finger hangs from the forearm through the wrist and its metacarpal, each
  // phalanx starting where the one before it ends.
  std::vector<std::string> chain;
  for (int b = int(rig.boneNamed("finger2-3")); b >= 0; b = rig.bones[size_t(b)].parent)
    chain.push_back(rig.bones[size_t(b)].name);
  EXPECT_EQ(chain, (std::vector<std::string>{"finger2-3.R", "finger2-2.R", "finger2-1.R", "metacarpal1.R", "wrist.R",
                                             "lowerarm02.R", "lowerarm01.R"}));
  for (const char* phalanx : {"finger2-2", "finger2-3", "finger3-2", "finger1-3"}) {
    const HandBone& bone = rig.bones[rig.boneNamed(phalanx)];
    EXPECT_LT(glm::distance(bone.head, rig.bones[size_t(bone.parent)].tail), 1e-6f) << phalanx;
  }
  EXPECT_EQ(rig.bones[rig.boneNamed("finger1-1")].parent, int(rig.boneNamed("wrist"))) << "the thumb";
}

TEST(HandRig, RestPoseSkinsToTheMeshItself) {
  const HandRig& rig = rightHand();
  for (const glm::mat4& matrix : rig.boneMatrices(rig.restPose()))
    for (int c = 0; c < 4; ++c) EXPECT_LT(glm::distance(matrix[c], glm::mat4(1.0f)[c]), 1e-6f);
  const geometry::Mesh rest = rig.skinned(rig.restPose());
  float farthest = 0, normalOff = 0;
  for (size_t v = 0; v < rest.positions.size(); ++v) {
    farthest = std::max(farthest, glm::distance(rest.positions[v], rig.mesh.positions[v]));
    normalOff = std::max(normalOff, glm::distance(rest.normals[v], rig.mesh.normals[v]));
  }
  EXPECT_LT(farthest, 1e-6f);
  EXPECT_LT(normalOff, 1e-5f);
  EXPECT_EQ(rest.indices, rig.mesh.indices);
}

TEST(HandRig, APoseNeedsOneRotationPerBone) {
  HandPose pose = rightHand().restPose();
  pose.rotations.pop_back();
  EXPECT_THROW(rightHand().boneMatrices(pose), std::invalid_argument);
}

// The index finger bent 60 degrees at its knuckle (the proximal phalanx about its head).
geometry::Mesh indexBent(const HandRig& rig, const char* bone, float degrees) {
  HandPose pose = rig.restPose();
  const size_t b = rig.boneNamed(bone);
  pose.rotations[b] = glm::angleAxis(glm::radians(degrees), rig.flexionAxis(b));
  return rig.skinned(pose);
}

TEST(HandRig, BendingTheIndexKnuckleMovesTheIndexFingerOnly) {
  const HandRig& rig = rightHand();
  const geometry::Mesh bent = indexBent(rig, "finger2-1", 60);
  const size_t tip = tipOf(rig, "finger2-3"), thumbTip = tipOf(rig, "finger1-3");
  const glm::vec3 knuckle = rig.bones[rig.boneNamed("finger2-1")].head;
  const glm::vec3 before = rig.mesh.positions[tip], after = bent.positions[tip];
  // A turn of 60 degrees about the knuckle moves the tip by its distance from the
  // knuckle (the chord 2 r sin 30 degrees); an adult index finger is 7 to 10 cm long
  // from the knuckle to the tip, slightly curled here.
  const float moved = glm::distance(before, after), reach = glm::distance(before, knuckle);
  EXPECT_NEAR(moved, reach, 0.001f);
  EXPECT_GT(moved, 0.06f);
  EXPECT_LT(moved, 0.10f);
  EXPECT_LT(after.z, before.z - 0.03f) << "bends toward the palm (-Z)";
  EXPECT_LT(glm::distance(bent.positions[thumbTip], rig.mesh.positions[thumbTip]), 0.001f);
  // Everything the index finger's bones do not pull on stays: the wrist, palm, thumb and
  // the other fingers.
  const std::vector<size_t> indexBones = {rig.boneNamed("finger2-1"), rig.boneNamed("finger2-2"),
                                          rig.boneNamed("finger2-3")};
  size_t stayed = 0, moving = 0;
  for (size_t v = 0; v < rig.mesh.positions.size(); ++v) {
    bool pulled = false;
    for (int k = 0; k < 4; ++k)
      pulled |= rig.boneWeights[v][k] > 0 &&
                std::find(indexBones.begin(), indexBones.end(), rig.boneIndices[v][k]) != indexBones.end();
    if (pulled) continue;
    ++stayed;
    if (glm::distance(bent.positions[v], rig.mesh.positions[v]) > 0.001f) ++moving;
  }
  EXPECT_GT(stayed, rig.mesh.positions.size() / 2);
  EXPECT_EQ(moving, 0u);
}

TEST(HandRig, BendingAKnuckleLeavesTheWristAndTheOtherBonesWhereTheyWere) {
  const HandRig& rig = rightHand();
  HandPose pose = rig.restPose();
  const size_t knuckle = rig.boneNamed("finger2-1");
  pose.rotations[knuckle] = glm::angleAxis(glm::radians(60.0f), rig.flexionAxis(knuckle));
  const std::vector<glm::mat4> matrices = rig.boneMatrices(pose);
  for (size_t b = 0; b < rig.bones.size(); ++b) {
    const glm::vec3 tail = glm::vec3(matrices[b] * glm::vec4(rig.bones[b].tail, 1.0f));
    const bool onIndex = rig.bones[b].name.rfind("finger2-", 0) == 0;
    if (onIndex)
      EXPECT_GT(glm::distance(tail, rig.bones[b].tail), 0.01f) << rig.bones[b].name;
    else
      EXPECT_LT(glm::distance(tail, rig.bones[b].tail), 1e-6f) << rig.bones[b].name;
  }
  const size_t wrist = rig.boneNamed("wrist");
  EXPECT_LT(glm::distance(glm::vec3(matrices[wrist] * glm::vec4(rig.bones[wrist].head, 1.0f)), rig.bones[wrist].head),
            1e-6f);
  EXPECT_LT(glm::distance(glm::vec3(matrices[knuckle] * glm::vec4(rig.bones[knuckle].head, 1.0f)),
                          rig.bones[knuckle].head), 1e-6f) << "a bone turns about its head joint";
}

TEST(HandRig, BendingTheFingertipJointMovesOnlyTheTipAFewCentimetres) {
  const HandRig& rig = rightHand();
  const geometry::Mesh bent = indexBent(rig, "finger2-3", 60);
  const size_t tip = tipOf(rig, "finger2-3"), middleTip = tipOf(rig, "finger3-3");
  const float moved = glm::distance(bent.positions[tip], rig.mesh.positions[tip]);
  EXPECT_GT(moved, 0.02f);
  EXPECT_LT(moved, 0.03f) << "the distal phalanx with its pad is 2 to 3 cm long";
  EXPECT_LT(glm::distance(bent.positions[middleTip], rig.mesh.positions[middleTip]), 0.001f);
  EXPECT_LT(glm::distance(bent.positions[tipOf(rig, "finger1-3")], rig.mesh.positions[tipOf(rig, "finger1-3")]),
            0.001f);
}

TEST(HandRig, TheCoarseHandKeepsItsVerticesBonesAndShapeWithAQuarterOfTheTriangles) {
  constexpr float kError = 0.0012f;
  const HandRig& fine = rightHand();
  const HandRig coarse = fine.simplified(kError);
  EXPECT_LT(coarse.mesh.triangleCount(), fine.mesh.triangleCount() / 4);
  EXPECT_GT(coarse.mesh.triangleCount(), 500u);
  ASSERT_EQ(coarse.boneIndices.size(), coarse.mesh.positions.size());
  ASSERT_EQ(coarse.boneWeights.size(), coarse.mesh.positions.size());
  // Each coarse vertex is a fine one, with its normal, bones and weights.
  std::map<std::tuple<float, float, float>, size_t> fineAt;
  for (size_t v = 0; v < fine.mesh.positions.size(); ++v) {
    const glm::vec3 p = fine.mesh.positions[v];
    fineAt[{p.x, p.y, p.z}] = v;
  }
  for (size_t v = 0; v < coarse.mesh.positions.size(); ++v) {
    const glm::vec3 p = coarse.mesh.positions[v];
    const auto found = fineAt.find({p.x, p.y, p.z});
    ASSERT_NE(found, fineAt.end()) << "coarse vertex " << v << " is not a vertex of the hand";
    EXPECT_EQ(coarse.mesh.normals[v], fine.mesh.normals[found->second]);
    EXPECT_EQ(coarse.boneIndices[v], fine.boneIndices[found->second]);
    EXPECT_EQ(coarse.boneWeights[v], fine.boneWeights[found->second]);
  }
  // The fine surface stays near the coarse one (meshoptimizer's bound is on average a
  // little loose, so twice it).
  geometry::TriangleTree tree;
  tree.add(coarse.mesh, 0);
  tree.build();
  float farthest = 0;
  glm::vec3 worst(0.0f);
  for (const glm::vec3& p : fine.mesh.positions)
    if (const float d = tree.closest(p)->distance; d > farthest) farthest = d, worst = p;
  EXPECT_LT(farthest, 2 * kError) << "at " << worst.x << " " << worst.y << " " << worst.z << ", triangles "
                                  << coarse.mesh.triangleCount();
  // It bends as the fine hand does, nearly.
  HandPose fist = fine.restPose();
  fist.rotations[fine.boneNamed("finger3-1")] = glm::angleAxis(glm::radians(60.0f), fine.flexionAxis(fine.boneNamed("finger3-1")));
  const geometry::Mesh bent = coarse.skinned(fist), fineBent = fine.skinned(fist);
  geometry::TriangleTree bentTree;
  bentTree.add(bent, 0);
  bentTree.build();
  float bentFarthest = 0;
  for (const glm::vec3& p : fineBent.positions) bentFarthest = std::max(bentFarthest, bentTree.closest(p)->distance);
  // Where a joint bends, the coarse triangles across it fold less smoothly than the fine.
  EXPECT_LT(bentFarthest, 4 * kError);
}

TEST(HandRig, LeftHandIsTheRightMirrored) {
  const HandRig &right = rightHand(), &left = leftHand();
  EXPECT_EQ(left.side, HandSide::Left);
  ASSERT_EQ(left.mesh.positions.size(), right.mesh.positions.size());
  ASSERT_EQ(left.mesh.indices.size(), right.mesh.indices.size());
  size_t unmirrored = 0;
  for (size_t v = 0; v < right.mesh.positions.size(); ++v) {
    const glm::vec3 mirror(-right.mesh.positions[v].x, right.mesh.positions[v].y, right.mesh.positions[v].z);
    const glm::vec3 normal(-right.mesh.normals[v].x, right.mesh.normals[v].y, right.mesh.normals[v].z);
    if (left.mesh.positions[v] != mirror || glm::distance(left.mesh.normals[v], normal) > 1e-6f) ++unmirrored;
  }
  EXPECT_EQ(unmirrored, 0u);
  size_t sameWinding = 0;  // mirrored, a triangle must be wound the other way to face out
  for (size_t t = 0; t < right.mesh.indices.size(); t += 3) {
    const uint32_t* r = &right.mesh.indices[t];
    const uint32_t* l = &left.mesh.indices[t];
    if (l[0] != r[0] || l[1] != r[2] || l[2] != r[1]) ++sameWinding;
  }
  EXPECT_EQ(sameWinding, 0u);
  for (size_t b = 0; b < right.bones.size(); ++b) {
    EXPECT_EQ(left.bones[b].name, right.bones[b].name.substr(0, right.bones[b].name.size() - 2) + ".L");
    EXPECT_EQ(left.bones[b].head, glm::vec3(-right.bones[b].head.x, right.bones[b].head.y, right.bones[b].head.z));
  }
  EXPECT_LT(left.mesh.positions[tipOf(left, "finger1-3")].x, -0.03f) << "the left thumb lies toward -X";
  // Bent the same way about each hand's own flexion axis, the left index is the mirror.
  const size_t tip = tipOf(right, "finger2-3");
  const glm::vec3 r = indexBent(right, "finger2-1", 60).positions[tip], l = indexBent(left, "finger2-1", 60).positions[tip];
  EXPECT_LT(glm::distance(l, glm::vec3(-r.x, r.y, r.z)), 1e-5f);
}

TEST(HandRig, HasTheSizeAndShapeOfAnAdultHandInItsFrame) {
  const HandRig& rig = rightHand();
  const glm::vec3 middleTip = rig.mesh.positions[tipOf(rig, "finger3-3")];
  const glm::vec3 thumbTip = rig.mesh.positions[tipOf(rig, "finger1-3")];
  EXPECT_GT(glm::length(middleTip), 0.16f) << "wrist joint (the origin) to the middle fingertip";
  EXPECT_LT(glm::length(middleTip), 0.21f);
  EXPECT_GT(middleTip.y, 0.12f) << "+Y runs along the middle finger";
  EXPECT_LT(middleTip.z, 0.0f) << "the relaxed fingers curl toward the palm, -Z";
  EXPECT_GT(thumbTip.x, 0.03f) << "the right thumb lies toward +X";
  const float forearm = glm::length(rig.bones[0].head);
  EXPECT_GT(forearm, 0.20f) << "elbow joint to wrist joint";
  EXPECT_LT(forearm, 0.28f);
  // The forearm is cut a little below the elbow: nothing of the hand reaches nearer the
  // elbow joint than 3 cm, and the cut lies within 8 cm of it.
  float nearest = std::numeric_limits<float>::max();
  for (const glm::vec3& p : rig.mesh.positions) nearest = std::min(nearest, belowElbow(rig, p));
  EXPECT_GT(nearest, 0.03f);
  EXPECT_LT(nearest, 0.08f);
  // Fingertips face out of the hand along their finger.
  for (const char* distal : {"finger2-3", "finger3-3", "finger5-3"}) {
    const HandBone& bone = rig.bones[rig.boneNamed(distal)];
    EXPECT_GT(glm::dot(rig.mesh.normals[tipOf(rig, distal)], glm::normalize(bone.tail - bone.head)), 0.5f) << distal;
  }
}

TEST(HandRig, SurfaceIsOpenOnlyInOneLoopAtTheForearmCut) {
  const HandRig& rig = rightHand();
  // Directed edges: inside a consistently wound surface each is crossed once each way.
  std::map<std::pair<uint32_t, uint32_t>, int> directed;
  const auto& indices = rig.mesh.indices;
  for (size_t t = 0; t < indices.size(); t += 3)
    for (int k = 0; k < 3; ++k) ++directed[{indices[t + size_t(k)], indices[t + size_t((k + 1) % 3)]}];
  std::map<uint32_t, uint32_t> boundaryNext;
  size_t twiceSameWay = 0;
  for (const auto& [edge, count] : directed) {
    if (count > 1) ++twiceSameWay;
    if (directed.count({edge.second, edge.first}) == 0) {
      EXPECT_EQ(boundaryNext.count(edge.first), 0u) << "the boundary touches itself at vertex " << edge.first;
      boundaryNext[edge.first] = edge.second;
    }
  }
  EXPECT_EQ(twiceSameWay, 0u) << "triangles wound against their neighbours";
  ASSERT_FALSE(boundaryNext.empty()) << "closed: the cut should be open";
  // Follow the boundary from one vertex: it must come back having visited every one.
  size_t steps = 0;
  uint32_t v = boundaryNext.begin()->first;
  do {
    ASSERT_EQ(boundaryNext.count(v), 1u) << "the boundary stops at vertex " << v;
    v = boundaryNext[v];
    ++steps;
  } while (v != boundaryNext.begin()->first && steps <= boundaryNext.size());
  EXPECT_EQ(steps, boundaryNext.size()) << "more than one boundary loop";
  for (const auto& [vertex, next] : boundaryNext) {
    const float below = belowElbow(rig, rig.mesh.positions[vertex]);
    EXPECT_GT(below, 0.03f);
    EXPECT_LT(below, 0.08f) << "the opening lies at the forearm's cut";
  }
}

TEST(HandRig, WritesBackTheBytesItRead) {
  EXPECT_EQ(encodeHandRig(rightHand()), readFile(kCommittedHand));
  EXPECT_THROW(encodeHandRig(leftHand()), std::invalid_argument);
}

TEST(HandRig, RefusesAFileCutShort) {
  const std::string bytes = readFile(kCommittedHand);
  for (size_t length : {size_t(0), size_t(7), size_t(19), size_t(30), bytes.size() / 2, bytes.size() - 1})
    expectRefused(bytes.substr(0, length), "cut to " + std::to_string(length) + " bytes");
  expectRefused(bytes + '\0', "an extra byte");
  EXPECT_THROW(loadHandRig(LEGATLAS_SOURCE_DIR "/assets/hands/no-such.rig"), InputError);
}

TEST(HandRig, RefusesACorruptFile) {
  const std::string good = readFile(kCommittedHand);
  const size_t boneCount = rightHand().bones.size(), vertices = firstVertexOffset(good, boneCount);
  const size_t triangles = vertices + rightHand().mesh.positions.size() * 24;
  const auto changed = [&good](size_t offset, std::string_view with) {
    std::string bytes = good;
    bytes.replace(offset, with.size(), with);
    return bytes;
  };
  expectRefused(changed(0, "LABODY01"), "another kind of file");
  expectRefused(changed(8, std::string("\x00\x01\x00\x00", 4)), "256 bones");
  const size_t secondBone = 20 + 1 + uint8_t(good[20]) + 1 + 24;
  expectRefused(changed(secondBone + 1 + uint8_t(good[secondBone]), "\x05"), "a parent after its bone");
  expectRefused(changed(20 + 1 + uint8_t(good[20]), std::string(1, '\0')), "a root with a parent");
  std::string nan;  // little-endian, as the file is
  for (int shift = 0; shift < 32; shift += 8)
    nan.push_back(char((std::bit_cast<uint32_t>(std::numeric_limits<float>::quiet_NaN()) >> shift) & 0xFF));
  expectRefused(changed(vertices, nan), "a NaN coordinate");
  expectRefused(changed(vertices + 12, "\x40"), "a bone index past the bones");
  expectRefused(changed(vertices + 16, std::string(2, '\0')), "weights not summing to one");
  expectRefused(changed(triangles, "\xff\xff"), "a triangle past the vertices");
}

}  // namespace
}  // namespace legatlas::technique
