// legatlas-import-body: the faint whole body drawn around the leg, from MakeHuman's CC0
// hm08 base mesh, skeleton and skin weights. Drops the body's own right leg (the program
// draws its own there), moves the body into the model frame with its right hip joint at
// the origin and its right ankle at the leg's ankle height, decimates it and writes a
// body file (scene/body_mesh.h).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

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

const glm::vec3& boneHead(const std::map<std::string, glm::vec3>& heads, const std::string& bone,
                          const std::string& file) {
  const auto it = heads.find(bone);
  if (it == heads.end()) throw InputError(file, "bones", "has no bone " + bone, "use the default MakeHuman skeleton");
  return it->second;
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
  if (!(tools::signedVolume(body) > 0)) throw std::runtime_error("the body's triangles face inward after mirroring");
  return body;
}

std::vector<bool> rightLegVertices(const std::string& weightsPath, size_t vertexCount) {
  const tools::WeightShare rightLeg = tools::readWeightShare(weightsPath, kRightLegBones, vertexCount);
  std::vector<bool> dropped(vertexCount);
  size_t count = 0;
  for (size_t v = 0; v < vertexCount; ++v) {
    dropped[v] = rightLeg.share[v] > 0.5f;
    count += dropped[v] ? 1 : 0;
  }
  std::printf("right leg: %zu bones, %zu vertices with more than half their weight on them\n", rightLeg.bones.size(),
              count);
  return dropped;
}

void importBody(const std::string& folder, const std::string& outPath) {
  checkWritablePath(outPath);
  const auto file = [&folder](const char* name) { return (std::filesystem::path(folder) / name).string(); };
  const tools::BaseMesh base = tools::readBaseMesh(file("base.obj"));
  const auto heads = tools::readBoneHeads(file("default.mhskel"), base.positions);
  const glm::vec3 hip = boneHead(heads, kHipBone, file("default.mhskel"));
  const glm::vec3 ankle = boneHead(heads, kAnkleBone, file("default.mhskel"));
  const Placement placement = placeOnLeg(hip, ankle);
  std::printf("joints (scale %.4f after decimetres to metres):\n", placement.scale);
  printJoint("right hip (upperleg01.R)", hip, placement.apply(makeHumanToModel(hip)));
  printJoint("right ankle (foot.R)", ankle, placement.apply(makeHumanToModel(ankle)));

  Mesh body = bodyInModelFrame(base, placement);
  std::printf("triangles: %zu in group body\n", body.triangleCount());
  tools::removeTrianglesTouching(body, rightLegVertices(file("default_weights.mhw"), base.positions.size()));
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
  CLI11_PARSE(cli, argc, argv);
  try {
    importBody(folder, outPath);
  } catch (const std::exception& e) {  // InputError, or data unlike MakeHuman's
    std::fprintf(stderr, "error: %s\n", e.what());
    return kExitInputError;
  }
  return kExitOk;
}
