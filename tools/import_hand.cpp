// legatlas-import-hand: the therapist's right hand and forearm, from MakeHuman's CC0 hm08
// base mesh, skeleton and skin weights. Keeps the surface the hand and forearm bones
// dominate, cut across the forearm a little below the elbow; keeps their bones and each
// vertex's four strongest weights among them; moves it into the hand frame
// (technique/hand_rig.h); subdivides it once (Catmull-Clark) and writes a hand file
// (technique/hand_rig_file.h). The left hand is this one mirrored by the reader.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <glm/geometric.hpp>
#include <numeric>

#include "body_surface.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "makehuman_files.h"
#include "skinned_surface.h"
#include "technique/hand_rig_file.h"

namespace {

using namespace legatlas;
using tools::Influence;
using tools::SkinnedSurface;

// The bones kept, parents before children: the forearm (its two twist segments), the
// wrist, then each digit from the thumb (which MakeHuman hangs on the wrist, with no
// metacarpal of its own) to the little finger, each finger on its metacarpal.
const std::vector<std::string> kHandBones = {
    "lowerarm01.R", "lowerarm02.R", "wrist.R",     "finger1-1.R", "finger1-2.R", "finger1-3.R",
    "metacarpal1.R", "finger2-1.R", "finger2-2.R", "finger2-3.R", "metacarpal2.R", "finger3-1.R",
    "finger3-2.R",  "finger3-3.R",  "metacarpal3.R", "finger4-1.R", "finger4-2.R", "finger4-3.R",
    "metacarpal4.R", "finger5-1.R", "finger5-2.R", "finger5-3.R"};
const char* const kElbowBone = "lowerarm01.R";   // its head is the elbow joint
const char* const kWristBone = "wrist.R";        // its head is the wrist joint
const char* const kMiddleKnuckle = "finger3-1.R";  // head: the middle finger's knuckle
const char* const kIndexKnuckle = "finger2-1.R", *const kLittleKnuckle = "finger5-1.R";
// The forearm is cut across its axis this far below the elbow joint (metres), clear of
// the skin the upper arm pulls on (it dominates to 2.7 cm below the joint). Corners
// within kCutSnap of the cut are moved onto it rather than leaving slivers.
constexpr float kCutBelowElbow = 0.05f, kCutSnap = 0.002f;
constexpr size_t kInfluencesPerVertex = technique::kInfluencesPerHandVertex;

// MakeHuman's frame to the hand frame: mirrored into the model frame's handedness
// (makeHumanToModel), then the wrist joint to the origin, +Y toward the middle knuckle,
// +X across the knuckles toward the index (the thumb's side), +Z = X x Y, the back of the hand.
struct HandFrame {
  glm::vec3 origin{0.0f}, x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};  // in the model frame
  glm::vec3 apply(const glm::vec3& makeHuman) const {
    const glm::vec3 p = tools::makeHumanToModel(makeHuman) - origin;
    return {glm::dot(x, p), glm::dot(y, p), glm::dot(z, p)};
  }
};

const tools::SkeletonBone& skeletonBone(const std::map<std::string, tools::SkeletonBone>& skeleton,
                                        const std::string& name, const std::string& path) {
  const auto it = skeleton.find(name);
  if (it == skeleton.end()) throw InputError(path, "bones", "has no bone " + name, "use the default MakeHuman skeleton");
  return it->second;
}

HandFrame handFrame(const std::map<std::string, tools::SkeletonBone>& skeleton, const std::string& path) {
  const auto head = [&](const char* name) { return tools::makeHumanToModel(skeletonBone(skeleton, name, path).head); };
  HandFrame frame;
  frame.origin = head(kWristBone);
  frame.y = glm::normalize(head(kMiddleKnuckle) - frame.origin);
  const glm::vec3 across = head(kIndexKnuckle) - head(kLittleKnuckle);
  frame.x = glm::normalize(across - glm::dot(across, frame.y) * frame.y);
  frame.z = glm::cross(frame.x, frame.y);
  return frame;
}

// The hand's bones in the hand frame, each parent found among the bones before it.
std::vector<technique::HandBone> handBones(const std::map<std::string, tools::SkeletonBone>& skeleton,
                                           const HandFrame& frame, const std::string& path) {
  std::vector<technique::HandBone> bones;
  for (const std::string& name : kHandBones) {
    const tools::SkeletonBone& source = skeletonBone(skeleton, name, path);
    technique::HandBone bone{name, -1, frame.apply(source.head), frame.apply(source.tail)};
    const auto parent = std::find(kHandBones.begin(), kHandBones.begin() + long(bones.size()), source.parent);
    if (parent != kHandBones.begin() + long(bones.size())) bone.parent = int(parent - kHandBones.begin());
    if ((bone.parent < 0) != bones.empty())
      throw InputError(path, "bones." + name, "has parent " + source.parent + ", not a hand bone before it",
                       "use the default MakeHuman skeleton");
    bones.push_back(bone);
  }
  return bones;
}

// Per bone of the weights file, its index among the hand bones, or -1.
std::vector<int> handBoneOf(const tools::SkinWeights& weights, const std::string& path) {
  std::vector<int> index(weights.bones.size(), -1);
  for (size_t h = 0; h < kHandBones.size(); ++h) {
    const auto it = std::find(weights.bones.begin(), weights.bones.end(), kHandBones[h]);
    if (it == weights.bones.end())
      throw InputError(path, "weights", "has no weights for " + kHandBones[h], "use the default MakeHuman weights");
    index[size_t(it - weights.bones.begin())] = int(h);
  }
  return index;
}

// The faces of the largest connected piece (pieces share vertices).
std::vector<std::vector<uint32_t>> largestPiece(const std::vector<std::vector<uint32_t>>& faces, size_t vertexCount) {
  std::vector<uint32_t> root(vertexCount);
  std::iota(root.begin(), root.end(), 0u);
  const auto find = [&root](uint32_t v) {
    while (root[v] != v) v = root[v] = root[root[v]];
    return v;
  };
  for (const auto& face : faces)
    for (uint32_t v : face) root[find(v)] = find(face[0]);
  std::vector<size_t> size(vertexCount, 0);
  for (const auto& face : faces) ++size[find(face[0])];
  const uint32_t biggest = uint32_t(std::max_element(size.begin(), size.end()) - size.begin());
  std::vector<std::vector<uint32_t>> kept;
  for (const auto& face : faces)
    if (find(face[0]) == biggest) kept.push_back(face);
  std::printf("faces: %zu in the hand and forearm, %zu in its largest piece\n", faces.size(), kept.size());
  return kept;
}

// The hand and forearm: the faces beyond the cut whose every corner there has its skin
// weight mostly on the hand bones (corners reversed: the frame change mirrors), their
// largest piece, in the hand frame, then cut along the plane. Weights are restricted to
// the hand bones.
SkinnedSurface cutHand(const tools::BaseMesh& base, const tools::SkinWeights& weights, const std::vector<int>& handBone,
                       const HandFrame& frame, const glm::vec3& elbow) {
  const glm::vec3 forearm = glm::normalize(-elbow);  // elbow to wrist (the origin)
  const glm::vec3 cut = elbow + kCutBelowElbow * forearm;
  std::vector<bool> beyond(base.positions.size()), onHand(base.positions.size());
  for (size_t v = 0; v < weights.vertices.size(); ++v) {
    double onHandWeight = 0, total = 0;
    for (const Influence& influence : weights.vertices[v]) {
      total += influence.weight;
      if (handBone[influence.bone] >= 0) onHandWeight += influence.weight;
    }
    onHand[v] = total > 0 && onHandWeight > 0.5 * total;
    beyond[v] = glm::dot(frame.apply(base.positions[v]) - cut, forearm) > 0;
  }
  std::vector<std::vector<uint32_t>> faces;
  for (const std::vector<uint32_t>& face : base.bodyFaces) {
    const auto handBeyond = [&](uint32_t v) { return beyond[v] && onHand[v]; };
    const auto elsewhere = [&](uint32_t v) { return beyond[v] && !onHand[v]; };
    if (std::any_of(face.begin(), face.end(), handBeyond) && std::none_of(face.begin(), face.end(), elsewhere))
      faces.emplace_back(face.rbegin(), face.rend());
  }
  faces = largestPiece(faces, base.positions.size());

  SkinnedSurface surface;
  std::vector<uint32_t> renumbered(base.positions.size(), ~0u);
  for (std::vector<uint32_t>& face : faces) {
    for (uint32_t& v : face) {
      if (renumbered[v] == ~0u) {
        renumbered[v] = uint32_t(surface.positions.size());
        surface.positions.push_back(frame.apply(base.positions[v]));
        std::vector<Influence> onHandBones;
        for (const Influence& influence : weights.vertices[v])
          if (handBone[influence.bone] >= 0) onHandBones.push_back({uint32_t(handBone[influence.bone]), influence.weight});
        surface.influences.push_back(tools::strongest(std::move(onHandBones), kInfluencesPerVertex));
      }
      v = renumbered[v];
    }
  }
  surface.faces = std::move(faces);
  return tools::clipped(surface, cut, forearm, kCutSnap, kInfluencesPerVertex);
}

technique::HandRig rigFrom(const SkinnedSurface& surface, std::vector<technique::HandBone> bones) {
  technique::HandRig rig;
  rig.bones = std::move(bones);
  rig.mesh.positions = surface.positions;
  rig.mesh.indices = tools::triangulate(surface.faces, surface.positions);
  rig.mesh.computeNormals();
  for (const std::vector<Influence>& influences : surface.influences) {
    if (influences.empty()) throw std::runtime_error("a vertex of the hand has no weight on its bones");
    glm::u8vec4 index(0);
    glm::vec4 weight(0.0f);
    for (size_t k = 0; k < influences.size(); ++k) {
      index[int(k)] = uint8_t(influences[k].bone);
      weight[int(k)] = influences[k].weight;
    }
    rig.boneIndices.push_back(index);
    rig.boneWeights.push_back(weight);
  }
  return rig;
}

// The vertex farthest from `from` among those `bone` moves most.
glm::vec3 farthestOf(const technique::HandRig& rig, size_t bone, const glm::vec3& from) {
  glm::vec3 best = from;
  for (size_t v = 0; v < rig.mesh.positions.size(); ++v)
    if (rig.boneIndices[v][0] == bone && glm::distance(rig.mesh.positions[v], from) > glm::distance(best, from))
      best = rig.mesh.positions[v];
  return best;
}

void printRig(const technique::HandRig& rig) {
  std::printf("bones (hand frame, mm):\n");
  for (const technique::HandBone& bone : rig.bones)
    std::printf("  %-14s parent %-14s head (%6.1f, %6.1f, %6.1f)  tail (%6.1f, %6.1f, %6.1f)  length %5.1f\n",
                bone.name.c_str(), bone.parent < 0 ? "-" : rig.bones[size_t(bone.parent)].name.c_str(),
                bone.head.x * 1000, bone.head.y * 1000, bone.head.z * 1000, bone.tail.x * 1000, bone.tail.y * 1000,
                bone.tail.z * 1000, glm::distance(bone.head, bone.tail) * 1000);
  const geometry::Bounds box = rig.mesh.bounds();
  std::printf("bounds: x %.3f..%.3f, y %.3f..%.3f, z %.3f..%.3f m\n", box.min.x, box.max.x, box.min.y, box.max.y,
              box.min.z, box.max.z);
}

// The checks of the frame and the surface; throws when one fails.
void checkRig(const technique::HandRig& rig, const std::vector<std::vector<uint32_t>>& faces) {
  const glm::vec3 middleTip = farthestOf(rig, rig.boneNamed("finger3-3"), glm::vec3(0.0f));
  const glm::vec3 thumbTip = farthestOf(rig, rig.boneNamed("finger1-3"), glm::vec3(0.0f));
  const glm::vec3 elbow = rig.bones[0].head, forearm = glm::normalize(-elbow);
  const std::vector<std::vector<uint32_t>> loops = tools::boundaryLoops(faces);
  float cutNear = 1e9f, cutFar = 0;
  glm::vec3 cutCentre(0.0f);
  size_t cutVertices = 0;
  for (const auto& loop : loops)
    for (uint32_t v : loop) {
      const float below = glm::dot(rig.mesh.positions[v] - elbow, forearm);
      cutNear = std::min(cutNear, below), cutFar = std::max(cutFar, below);
      cutCentre += rig.mesh.positions[v], ++cutVertices;
    }
  // Measured from the middle of the cut, the volume is that of the surface closed by a
  // fan across the cut: positive when the triangles face outward.
  geometry::Mesh closed = rig.mesh;
  for (glm::vec3& p : closed.positions) p -= cutCentre / float(std::max<size_t>(cutVertices, 1));
  const double volume = closed.signedVolume();
  std::printf("wrist joint to the middle fingertip: %.1f mm (tip at z = %.1f mm, toward the palm)\n",
              glm::length(middleTip) * 1000, middleTip.z * 1000);
  std::printf("thumb tip at (%.1f, %.1f, %.1f) mm; elbow joint %.1f mm from the wrist\n", thumbTip.x * 1000,
              thumbTip.y * 1000, thumbTip.z * 1000, glm::length(elbow) * 1000);
  std::printf("open boundary: %zu loop(s), %.1f..%.1f mm below the elbow joint\n", loops.size(), cutNear * 1000,
              cutFar * 1000);
  std::printf("volume closed across the cut: %.1f cm3\n", volume * 1e6);
  if (loops.size() != 1) throw std::runtime_error("the hand's surface is not open in exactly one loop");
  if (!(volume > 0)) throw std::runtime_error("the hand's triangles face inward");
  if (!(middleTip.z < 0 && thumbTip.x > 0)) throw std::runtime_error("the hand frame is not palm -Z, thumb +X");
}

void importHand(const std::string& folder, const std::string& outPath) {
  checkWritablePath(outPath);
  const auto file = [&folder](const char* name) { return (std::filesystem::path(folder) / name).string(); };
  const std::string skeletonPath = file("default.mhskel"), weightsPath = file("default_weights.mhw");
  const tools::BaseMesh base = tools::readBaseMesh(file("base.obj"));
  const auto skeleton = tools::readSkeleton(skeletonPath, base.positions);
  const tools::SkinWeights weights = tools::readSkinWeights(weightsPath, base.positions.size());
  const HandFrame frame = handFrame(skeleton, skeletonPath);
  std::vector<technique::HandBone> bones = handBones(skeleton, frame, skeletonPath);

  const SkinnedSurface coarse = cutHand(base, weights, handBoneOf(weights, weightsPath), frame, bones[0].head);
  std::printf("coarse: %zu vertices, %zu faces, %zu boundary loop(s)\n", coarse.positions.size(), coarse.faces.size(),
              tools::boundaryLoops(coarse.faces).size());
  const SkinnedSurface fine = tools::subdivideCatmullClark(coarse, kInfluencesPerVertex);
  const technique::HandRig rig = rigFrom(fine, std::move(bones));
  std::printf("subdivided: %zu vertices, %zu triangles\n", rig.mesh.positions.size(), rig.mesh.triangleCount());
  printRig(rig);
  checkRig(rig, fine.faces);

  const std::string bytes = technique::encodeHandRig(rig);
  writeFileAtomically(outPath, bytes);
  std::printf("wrote %s: %zu bytes\n", outPath.c_str(), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Builds the therapist's hand (right hand and forearm, skinned) from MakeHuman's CC0 hm08 data."};
  std::string folder, outPath;
  cli.add_option("--makehuman", folder, "Folder with base.obj, default.mhskel and default_weights.mhw")
      ->required()
      ->type_name("DIR");
  cli.add_option("--out", outPath, "Hand file to write, e.g. assets/hands/hand.rig")->required()->type_name("FILE");
  CLI11_PARSE(cli, argc, argv);
  try {
    importHand(folder, outPath);
  } catch (const std::exception& e) {  // InputError, or data unlike MakeHuman's
    std::fprintf(stderr, "error: %s\n", e.what());
    return kExitInputError;
  }
  return kExitOk;
}
