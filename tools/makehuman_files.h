#pragma once
// Readers for the three MakeHuman hm08 data files the body is built from: the base mesh
// (OBJ, decimetres, +Y up, facing +Z, the character's right on -X), the skeleton (joints
// as vertex indices of helper cubes) and the skin weights (per bone, [vertex, weight]).
#include <cstdint>
#include <glm/vec3.hpp>
#include <map>
#include <string>
#include <vector>

namespace legatlas::tools {

struct BaseMesh {
  std::vector<glm::vec3> positions;    // every vertex of the file, helpers included
  std::vector<uint32_t> bodyTriangles;  // faces of group "body", quads split in two
  std::vector<std::vector<uint32_t>> bodyFaces;  // the same faces as the file gives them (quads)
};

// Throws InputError naming the file on a malformed line or a face index out of range.
BaseMesh readBaseMesh(const std::string& path);

// One bone of the skeleton in the rest pose, its joints in the base mesh's frame.
struct SkeletonBone {
  std::string parent;  // empty for the root
  glm::vec3 head{0.0f}, tail{0.0f};
};

// Every bone: its parent, and its head and tail joints, each the mean of the joint's
// helper-cube vertices in `positions`. Throws InputError naming the file on a missing
// joint or a vertex out of range.
std::map<std::string, SkeletonBone> readSkeleton(const std::string& path, const std::vector<glm::vec3>& positions);

// The head of every bone (readSkeleton's heads).
std::map<std::string, glm::vec3> readBoneHeads(const std::string& path, const std::vector<glm::vec3>& positions);

// The head of `bone`; throws InputError naming the skeleton file `path` when it has none.
const glm::vec3& boneHead(const std::map<std::string, glm::vec3>& heads, const std::string& bone,
                          const std::string& path);

// One bone's pull on a vertex.
struct Influence {
  uint32_t bone = 0;  // index in SkinWeights::bones
  float weight = 0;
};

struct SkinWeights {
  std::vector<std::string> bones;               // in the order of the file
  std::vector<std::vector<Influence>> vertices;  // per vertex of the base mesh
};

// Every [vertex, weight] pair of the file, per vertex. Throws InputError on a vertex out
// of range, a negative weight or a malformed entry.
SkinWeights readSkinWeights(const std::string& path, size_t vertexCount);

// The `count` strongest influences of every vertex, scaled to sum to 1 (a vertex without
// weights keeps none).
SkinWeights strongestInfluences(const SkinWeights& weights, size_t count);

// The indices of the bones whose names match any of `patterns` (globs). Throws
// InputError naming `path` when a pattern matches no bone.
std::vector<bool> bonesMatching(const SkinWeights& weights, const std::vector<std::string>& patterns,
                                const std::string& path);

struct WeightShare {
  std::vector<float> share;        // per vertex, the normalised weight on the chosen bones
  std::vector<std::string> bones;  // the bones chosen
};

// Per vertex, the fraction of its total skin weight that lies on bones whose names match
// any of `patterns` (globs); vertices without weights get 0. Throws InputError naming
// `path` when a pattern matches no bone.
WeightShare weightShare(const SkinWeights& weights, const std::vector<std::string>& patterns,
                        const std::string& path);

}  // namespace legatlas::tools
