// legatlas-import-body: the faint whole body drawn around the leg, from MakeHuman's CC0
// hm08 base mesh, skeleton and skin weights. Lowers the arms of the rest pose to the sides
// of the body (arm_pose.h), drops the body's own right leg (the program draws its own
// there), moves the body into the model frame with its right hip joint at the origin and
// its right ankle at the leg's ankle height, decimates it and writes a body file
// (scene/body_mesh.h).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "arm_pose.h"
#include "body_surface.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "makehuman_files.h"
#include "scene/body_mesh.h"

namespace {

using namespace legatlas;
using geometry::Mesh;
using tools::flipWinding;
using tools::makeHumanToModel;

constexpr float kAnkleHeight = -0.83f;  // the leg's ankle joint centre, model frame
constexpr size_t kMostTriangles = 12000;
const char* const kHipBone = "upperleg01.R";  // its head is the right hip joint centre
const char* const kAnkleBone = "foot.R";      // its head is the right ankle joint centre
// The character's right leg: thigh, shank, foot and toes.
const std::vector<std::string> kRightLegBones = {"upperleg*.R", "lowerleg*.R", "foot.R", "toe*.R"};
// The arms (below the shoulder) and the hands.
const std::vector<std::string> kArmBones = {"upperarm*", "lowerarm*", "wrist.?", "metacarpal*", "finger*"};
const std::vector<std::string> kLeftHandBones = {"wrist.L", "metacarpal*.L", "finger*.L"};
const std::vector<std::string> kRightHandBones = {"wrist.R", "metacarpal*.R", "finger*.R"};
constexpr size_t kInfluencesPerVertex = 4;
// The lowered arms' line from the shoulder joint: out from straight down so that the hand
// clears the thigh (at 8 degrees the left hand touches the hip), and a little back so
// that the arm lies toward the table when the client is supine.
constexpr float kArmOutwardDegrees = 11, kArmBackwardDegrees = 3;
// Where the lowest point of each hand must end (model frame): beside the upper thigh. The
// hm08 arm, shoulder joint to fingertips with the fingers relaxed, is 0.65 m long, so
// hanging straight it reaches y = -0.15.
constexpr float kHandsHighest = -0.14f, kHandsLowest = -0.35f;
// Arm vertices pressing the torso that are tolerated (checkArms).
constexpr size_t kMostPressing = 20;
// Below this height (model frame) lie the toes of the left foot, the body's most anterior
// point; above it the chest reaches z = 0.154 and the nose 0.163. No part of the arms may
// reach further forward than kFrontmost (the forearms of the rest pose reach 0.32).
constexpr float kToesBelow = -0.8f, kFrontmost = 0.16f;

struct Placement {
  glm::vec3 offset{0.0f};  // added first, in the model frame
  float scale = 1;         // then about the origin
  glm::vec3 apply(const glm::vec3& p) const { return (p + offset) * scale; }
};

void printJoint(const char* name, const glm::vec3& makeHuman, const glm::vec3& placed) {
  std::printf("  %-24s MakeHuman (%7.3f, %7.3f, %7.3f) dm  ->  model (%7.4f, %7.4f, %7.4f) m\n", name, makeHuman.x,
              makeHuman.y, makeHuman.z, placed.x, placed.y, placed.z);
}

void printDistance(const char* what, const tools::SurfaceDistance& distance) {
  std::printf("distance of %s: mean %.3f mm, max %.3f mm\n", what, distance.mean * 1000, distance.max * 1000);
}

// Right hip to the origin, then a uniform scale that brings the right ankle to the leg's.
Placement placeOnLeg(const glm::vec3& hip, const glm::vec3& ankle) {
  Placement placement;
  placement.offset = -makeHumanToModel(hip);
  const float ankleHeight = makeHumanToModel(ankle).y + placement.offset.y;
  if (!(ankleHeight < -0.1f)) throw std::runtime_error("the right ankle joint is not below the right hip joint");
  placement.scale = kAnkleHeight / ankleHeight;
  return placement;
}

// The body surface in the model frame, triangles facing outward.
Mesh bodyInModelFrame(const tools::BaseMesh& base, const Placement& placement) {
  Mesh body;
  body.indices = base.bodyTriangles;
  body.positions.reserve(base.positions.size());
  for (const glm::vec3& p : base.positions) body.positions.push_back(placement.apply(makeHumanToModel(p)));
  flipWinding(body);
  if (!(body.signedVolume() > 0)) throw std::runtime_error("the body's triangles face inward after mirroring");
  return body;
}

std::vector<bool> rightLegVertices(const tools::SkinWeights& weights, const std::string& weightsPath) {
  const tools::WeightShare rightLeg = tools::weightShare(weights, kRightLegBones, weightsPath);
  std::vector<bool> dropped(rightLeg.share.size());
  size_t count = 0;
  for (size_t v = 0; v < dropped.size(); ++v) {
    dropped[v] = rightLeg.share[v] > 0.5f;
    count += dropped[v] ? 1 : 0;
  }
  std::printf("right leg: %zu bones, %zu vertices with more than half their weight on them\n", rightLeg.bones.size(),
              count);
  return dropped;
}

void printArms(const tools::ArmPose& pose, const Placement& placement) {
  for (const tools::PosedArm& arm : pose.arms) {
    const char* name = arm.side == 'L' ? "left" : "right";
    std::printf("%s arm: upper arm turned %.1f deg about the shoulder; forearm straightened %.1f deg and turned "
                "%.1f deg about its line (palm %.1f deg from the thigh at rest)\n",
                name, arm.upperArmTurnDegrees, arm.straightenDegrees, arm.twistDegrees, arm.palmRestToThighDegrees);
    const auto placed = [&](const glm::vec3& p) { return placement.apply(makeHumanToModel(p)); };
    printJoint("  shoulder (upperarm01)", arm.shoulder, placed(arm.shoulder));
    printJoint("  elbow at rest", arm.elbow, placed(arm.elbow));
    printJoint("  elbow posed", arm.posedElbow, placed(arm.posedElbow));
    printJoint("  wrist at rest", arm.wrist, placed(arm.wrist));
    printJoint("  wrist posed", arm.posedWrist, placed(arm.posedWrist));
  }
}

void printBounds(const char* what, const geometry::Bounds& box) {
  std::printf("  %s: x %.3f..%.3f, y %.3f..%.3f, z %.3f..%.3f m\n", what, box.min.x, box.max.x, box.min.y, box.max.y,
              box.min.z, box.max.z);
}

// The checks of the lowered arms, on the whole posed body. Returns false when one fails.
bool checkArms(const Mesh& body, const tools::SkinWeights& weights, const std::string& weightsPath) {
  const tools::ArmFit fit =
      tools::checkArms(body, tools::weightShare(weights, kArmBones, weightsPath).share,
                       tools::weightShare(weights, kLeftHandBones, weightsPath).share,
                       tools::weightShare(weights, kRightHandBones, weightsPath).share, kToesBelow);
  std::printf("arm checks (%zu arm vertices):\n", fit.armVertices);
  std::printf("  pressing the torso (nearest torso vertex < 1 cm, normal toward it): %zu\n", fit.pressingTorso);
  std::printf("  inside the rest of the body by more than %.0f mm: %zu", tools::kInsideTolerance * 1000,
              fit.insideBody);
  if (fit.insideBody > 0)
    std::printf(", deepest %.1f mm at (%.3f, %.3f, %.3f)", fit.deepest * 1000, fit.deepestAt.x, fit.deepestAt.y,
                fit.deepestAt.z);
  std::printf("\n");
  printBounds("left hand", fit.leftHand);
  printBounds("right hand", fit.rightHand);
  std::printf("  least gap between a hand and the rest of the body: %.1f mm\n", fit.handGap * 1000);
  std::printf("  most anterior of the arms: z = %.3f at (%.3f, %.3f, %.3f), limit %.2f\n", fit.armFrontmost.z,
              fit.armFrontmost.x, fit.armFrontmost.y, fit.armFrontmost.z, kFrontmost);
  std::printf("  most anterior of the body above y = %.2f (the toes): z = %.3f at (%.3f, %.3f, %.3f)\n", kToesBelow,
              fit.frontmost.z, fit.frontmost.x, fit.frontmost.y, fit.frontmost.z);
  const auto reachesThigh = [](const geometry::Bounds& hand) {
    return hand.min.y < kHandsHighest && hand.min.y > kHandsLowest;
  };
  const bool ok = fit.insideBody == 0 && fit.pressingTorso <= kMostPressing && reachesThigh(fit.leftHand) &&
                  reachesThigh(fit.rightHand) && fit.armFrontmost.z <= kFrontmost;
  std::printf("  %s\n", ok ? "ok" : "FAILED");
  return ok;
}

void importBody(const std::string& folder, const std::string& outPath, const tools::ArmPoseSettings& armSettings) {
  checkWritablePath(outPath);
  const auto file = [&folder](const char* name) { return (std::filesystem::path(folder) / name).string(); };
  const std::string skeletonPath = file("default.mhskel"), weightsPath = file("default_weights.mhw");
  tools::BaseMesh base = tools::readBaseMesh(file("base.obj"));
  const auto heads = tools::readBoneHeads(skeletonPath, base.positions);
  const tools::SkinWeights weights = tools::readSkinWeights(weightsPath, base.positions.size());
  const glm::vec3 hip = tools::boneHead(heads, kHipBone, skeletonPath);
  const glm::vec3 ankle = tools::boneHead(heads, kAnkleBone, skeletonPath);
  const Placement placement = placeOnLeg(hip, ankle);
  std::printf("joints (scale %.4f after decimetres to metres):\n", placement.scale);
  printJoint("right hip (upperleg01.R)", hip, placement.apply(makeHumanToModel(hip)));
  printJoint("right ankle (foot.R)", ankle, placement.apply(makeHumanToModel(ankle)));

  // The arms down along the sides, before anything is cut or simplified.
  const tools::SkinWeights strongest = tools::strongestInfluences(weights, kInfluencesPerVertex);
  const tools::ArmPose pose = tools::lowerArms(heads, strongest, armSettings, skeletonPath, weightsPath);
  printArms(pose, placement);
  base.positions = tools::skin(base.positions, strongest, pose.motions);

  Mesh body = bodyInModelFrame(base, placement);
  std::printf("triangles: %zu in group body\n", body.triangleCount());
  if (!checkArms(body, weights, weightsPath)) throw std::runtime_error("the lowered arms fail their checks");
  tools::removeTrianglesTouching(body, rightLegVertices(weights, weightsPath));
  std::printf("triangles: %zu without the right leg\n", body.triangleCount());
  tools::weldAndCompact(body);
  std::printf("triangles: %zu after welding, %zu vertices\n", body.triangleCount(), body.positions.size());

  Mesh decimated = body;
  const float error = tools::decimate(decimated, kMostTriangles);
  std::printf("triangles: %zu after decimation, %zu vertices (error estimate %.2f mm)\n", decimated.triangleCount(),
              decimated.positions.size(), error * 1000);
  // Edge collapses keep a subset of the source vertices, so the first figure is ~0; the
  // second says how far the decimated surface strays from the source.
  printDistance("its vertices from the source surface", tools::distanceToSurface(decimated, body));
  printDistance("the source vertices from its surface", tools::distanceToSurface(body, decimated));
  const geometry::Bounds box = decimated.bounds();
  std::printf("bounds: x %.3f..%.3f, y %.3f..%.3f, z %.3f..%.3f m\n", box.min.x, box.max.x, box.min.y, box.max.y,
              box.min.z, box.max.z);

  const std::string bytes = scene::encodeBodyMesh(decimated);
  writeFileAtomically(outPath, bytes);
  std::printf("wrote %s: %zu bytes\n", outPath.c_str(), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Builds the whole-body mesh drawn around the leg from MakeHuman's CC0 hm08 data."};
  std::string folder, outPath;
  cli.add_option("--makehuman", folder, "Folder with base.obj, default.mhskel and default_weights.mhw")
      ->required()
      ->type_name("DIR");
  cli.add_option("--out", outPath, "Body file to write, e.g. assets/body/body.mesh")->required()->type_name("FILE");
  tools::ArmPoseSettings arms;
  arms.outwardDegrees = kArmOutwardDegrees;
  arms.backwardDegrees = kArmBackwardDegrees;
  cli.add_option("--arm-outward", arms.outwardDegrees, "The arms' line from straight down, outward")
      ->capture_default_str()
      ->type_name("DEG");
  cli.add_option("--arm-backward", arms.backwardDegrees, "The arms' line from straight down, backward")
      ->capture_default_str()
      ->type_name("DEG");
  CLI11_PARSE(cli, argc, argv);
  try {
    importBody(folder, outPath, arms);
  } catch (const std::exception& e) {  // InputError, or data unlike MakeHuman's
    std::fprintf(stderr, "error: %s\n", e.what());
    return kExitInputError;
  }
  return kExitOk;
}
