#include "technique/hand_rig.h"

#include <glm/geometric.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <limits>
#include <meshoptimizer.h>
#include <stdexcept>

namespace legatlas::technique {

namespace {

std::string_view sideSuffix(HandSide side) { return side == HandSide::Right ? ".R" : ".L"; }

std::string otherSide(const std::string& name) {
  const auto endsWith = [&name](std::string_view suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (endsWith(".R")) return name.substr(0, name.size() - 2) + ".L";
  if (endsWith(".L")) return name.substr(0, name.size() - 2) + ".R";
  return name;
}

glm::vec3 mirrorX(const glm::vec3& p) { return {-p.x, p.y, p.z}; }

}  // namespace

std::optional<size_t> HandRig::bone(std::string_view name) const {
  const std::string withSide = std::string(name) + std::string(sideSuffix(side));
  for (size_t b = 0; b < bones.size(); ++b)
    if (bones[b].name == name || bones[b].name == withSide) return b;
  return std::nullopt;
}

size_t HandRig::boneNamed(std::string_view name) const {
  const std::optional<size_t> found = bone(name);
  if (!found) throw std::out_of_range("the hand has no bone " + std::string(name));
  return *found;
}

HandPose HandRig::restPose() const { return HandPose{std::vector<glm::quat>(bones.size(), glm::quat(1, 0, 0, 0))}; }

glm::vec3 HandRig::flexionAxis(size_t b) const {
  const glm::vec3 along = glm::normalize(bones.at(b).tail - bones.at(b).head);
  // A turn by +angle about a carries `along` toward a x along; a = along x palmward makes
  // that the palm-ward direction (see the unit test of the index finger's flexion).
  const glm::vec3 palmward(0.0f, 0.0f, -1.0f);
  return glm::normalize(glm::cross(along, palmward));
}

std::vector<glm::mat4> HandRig::boneMatrices(const HandPose& pose) const {
  if (pose.rotations.size() != bones.size())
    throw std::invalid_argument("a hand pose needs " + std::to_string(bones.size()) + " rotations, not " +
                                std::to_string(pose.rotations.size()));
  std::vector<glm::mat4> matrices(bones.size());
  for (size_t b = 0; b < bones.size(); ++b) {
    const glm::vec3& head = bones[b].head;
    // Turn about the head joint at rest, then be carried by the parent's motion.
    const glm::mat4 local = glm::translate(glm::mat4(1.0f), head) * glm::mat4_cast(glm::normalize(pose.rotations[b])) *
                            glm::translate(glm::mat4(1.0f), -head);
    matrices[b] = bones[b].parent < 0 ? local : matrices[size_t(bones[b].parent)] * local;
  }
  return matrices;
}

geometry::Mesh HandRig::skinned(const HandPose& pose) const {
  const std::vector<glm::mat4> matrices = boneMatrices(pose);
  geometry::Mesh result;
  result.indices = mesh.indices;
  result.positions = skinnedPositions(matrices);
  result.normals.resize(mesh.positions.size());
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    glm::vec3 normal(0.0f);
    for (size_t k = 0; k < kInfluencesPerHandVertex; ++k)
      if (boneWeights[v][int(k)] > 0)
        normal += boneWeights[v][int(k)] * (glm::mat3(matrices[boneIndices[v][int(k)]]) * mesh.normals[v]);
    const float length = glm::length(normal);
    result.normals[v] = length > 0 ? normal / length : mesh.normals[v];
  }
  return result;
}

std::vector<glm::vec3> HandRig::skinnedPositions(const std::vector<glm::mat4>& matrices) const {
  std::vector<glm::vec3> out(mesh.positions.size());
  for (size_t v = 0; v < out.size(); ++v) {
    const glm::vec4 rest(mesh.positions[v], 1.0f);
    glm::vec3 p(0.0f);
    for (size_t k = 0; k < kInfluencesPerHandVertex; ++k)
      if (boneWeights[v][int(k)] > 0) p += boneWeights[v][int(k)] * glm::vec3(matrices[boneIndices[v][int(k)]] * rest);
    out[v] = p;
  }
  return out;
}

HandRig HandRig::simplified(float maxDistance) const {
  HandRig coarse = *this;
  if (mesh.indices.empty()) return coarse;
  // meshoptimizer measures error relative to the mesh's extent.
  const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
  std::vector<uint32_t> kept(mesh.indices.size());
  kept.resize(meshopt_simplify(kept.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                               mesh.positions.size(), sizeof(glm::vec3), 0, maxDistance / scale,
                               meshopt_SimplifyLockBorder, nullptr));  // the forearm's cut stays round
  // The kept vertices, renumbered in the order the triangles first use them.
  constexpr uint32_t kDropped = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> renumbered(mesh.positions.size(), kDropped);
  coarse.mesh = geometry::Mesh{};
  coarse.boneIndices.clear();
  coarse.boneWeights.clear();
  for (uint32_t& v : kept) {
    if (renumbered[v] == kDropped) {
      renumbered[v] = uint32_t(coarse.mesh.positions.size());
      coarse.mesh.positions.push_back(mesh.positions[v]);
      coarse.mesh.normals.push_back(mesh.normals[v]);
      coarse.boneIndices.push_back(boneIndices[v]);
      coarse.boneWeights.push_back(boneWeights[v]);
    }
    v = renumbered[v];
  }
  coarse.mesh.indices = std::move(kept);
  return coarse;
}

HandRig HandRig::mirrored() const {
  HandRig other = *this;
  other.side = side == HandSide::Right ? HandSide::Left : HandSide::Right;
  for (HandBone& b : other.bones) {
    b.name = otherSide(b.name);
    b.head = mirrorX(b.head);
    b.tail = mirrorX(b.tail);
  }
  for (glm::vec3& p : other.mesh.positions) p = mirrorX(p);
  for (glm::vec3& n : other.mesh.normals) n = mirrorX(n);
  for (size_t i = 0; i + 2 < other.mesh.indices.size(); i += 3)
    std::swap(other.mesh.indices[i + 1], other.mesh.indices[i + 2]);
  return other;
}

}  // namespace legatlas::technique
