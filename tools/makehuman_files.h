#pragma once
// Readers for the three MakeHuman hm08 data files the body is built from: the base mesh
// (OBJ, decimetres, +Y up, facing +Z, the character's right on -X), the skeleton (joints
// as vertex indices of helper cubes) and the skin weights (per bone, [vertex, weight]).
#include <glm/vec3.hpp>
#include <map>
#include <string>
#include <vector>

namespace legatlas::tools {

struct BaseMesh {
  std::vector<glm::vec3> positions;    // every vertex of the file, helpers included
  std::vector<uint32_t> bodyTriangles;  // faces of group "body", quads split in two
};

// Throws InputError naming the file on a malformed line or a face index out of range.
BaseMesh readBaseMesh(const std::string& path);

// The head of every bone: the mean of its joint's helper-cube vertices in `positions`.
std::map<std::string, glm::vec3> readBoneHeads(const std::string& path, const std::vector<glm::vec3>& positions);

struct WeightShare {
  std::vector<float> share;        // per vertex, the normalised weight on the chosen bones
  std::vector<std::string> bones;  // the bones chosen
};

// Per vertex, the fraction of its total skin weight that lies on bones whose names match
// any of `patterns` (globs); vertices without weights get 0. Throws InputError when a
// pattern matches no bone.
WeightShare readWeightShare(const std::string& path, const std::vector<std::string>& patterns, size_t vertexCount);

}  // namespace legatlas::tools
