#include "makehuman_files.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"

namespace legatlas::tools {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& place, const std::string& reason) {
  throw InputError(path, place, reason, "use the unmodified MakeHuman hm08 file");
}

std::string lineName(size_t line) { return "line " + std::to_string(line); }

// "4849/1/7" -> 4848: the position index of one face corner, from 1-based to 0-based.
uint32_t cornerIndex(std::string_view corner, const std::string& path, size_t line) {
  uint32_t index = 0;
  const auto [end, error] = std::from_chars(corner.data(), corner.data() + corner.size(), index);
  if (error != std::errc() || index == 0 || (end != corner.data() + corner.size() && *end != '/'))
    fail(path, lineName(line), "face corner \"" + std::string(corner) + "\" is not a positive vertex number");
  return index - 1;
}

glm::vec3 vertexLine(std::istringstream& fields, const std::string& path, size_t line) {
  glm::vec3 p;
  std::string word;
  for (int axis = 0; axis < 3; ++axis) {
    fields >> word;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), p[axis]);
    if (!fields || error != std::errc() || end != word.data() + word.size())
      fail(path, lineName(line), "vertex needs three numbers");
  }
  return p;
}

void addFace(std::istringstream& fields, BaseMesh& mesh, const std::string& path, size_t line) {
  std::vector<uint32_t> corners;
  for (std::string word; fields >> word;) corners.push_back(cornerIndex(word, path, line));
  if (corners.size() < 3) fail(path, lineName(line), "face has fewer than three corners");
  for (size_t k = 1; k + 1 < corners.size(); ++k)  // a fan: a quad gives two triangles
    mesh.bodyTriangles.insert(mesh.bodyTriangles.end(), {corners[0], corners[k], corners[k + 1]});
  mesh.bodyFaces.push_back(std::move(corners));
}

// The mean of a joint's helper-cube vertices.
glm::vec3 jointPosition(const JsonField& joint, const std::vector<glm::vec3>& positions) {
  const size_t count = joint.arraySize();
  if (count == 0) joint.fail("joint has no vertices", "");
  glm::vec3 sum(0.0f);
  for (size_t k = 0; k < count; ++k) {
    const double vertex = joint.at(k).asNumber();
    if (!(vertex >= 0 && vertex < double(positions.size())) || vertex != std::floor(vertex))
      joint.at(k).fail("is not a vertex of the base mesh", "");
    sum += positions[size_t(vertex)];
  }
  return sum / float(count);
}

}  // namespace

BaseMesh readBaseMesh(const std::string& path) {
  std::istringstream text(readFile(path));
  BaseMesh mesh;
  bool inBody = false;
  size_t lineNumber = 0;
  for (std::string line; std::getline(text, line);) {
    ++lineNumber;
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    if (kind == "v") mesh.positions.push_back(vertexLine(fields, path, lineNumber));
    std::string group;
    if (kind == "g") inBody = fields >> group && group == "body";
    if (kind == "f" && inBody) addFace(fields, mesh, path, lineNumber);
  }
  if (mesh.bodyTriangles.empty()) fail(path, "", "has no faces in group \"body\"");
  for (uint32_t index : mesh.bodyTriangles)
    if (index >= mesh.positions.size())
      fail(path, "group body", "a face names vertex " + std::to_string(index + 1) + " of " +
                                   std::to_string(mesh.positions.size()));
  return mesh;
}

std::map<std::string, SkeletonBone> readSkeleton(const std::string& path, const std::vector<glm::vec3>& positions) {
  const OrderedJson document = parseJsonDocument(readFile(path), path);
  const JsonField root(document, "", path);
  const JsonField joints = root.at("joints"), bones = root.at("bones");
  if (!bones.value().is_object()) bones.fail("expected an object of bones", "");
  std::map<std::string, SkeletonBone> skeleton;
  for (const auto& [name, value] : bones.value().items()) {
    const JsonField bone(value, "bones." + name, path);
    SkeletonBone& result = skeleton[name];
    result.head = jointPosition(joints.at(bone.at("head").asString()), positions);
    result.tail = jointPosition(joints.at(bone.at("tail").asString()), positions);
    if (bone.has("parent") && !bone.at("parent").value().is_null()) result.parent = bone.at("parent").asString();
  }
  return skeleton;
}

std::map<std::string, glm::vec3> readBoneHeads(const std::string& path, const std::vector<glm::vec3>& positions) {
  std::map<std::string, glm::vec3> heads;
  for (const auto& [name, bone] : readSkeleton(path, positions)) heads[name] = bone.head;
  return heads;
}

const glm::vec3& boneHead(const std::map<std::string, glm::vec3>& heads, const std::string& bone,
                          const std::string& path) {
  const auto it = heads.find(bone);
  if (it == heads.end()) throw InputError(path, "bones", "has no bone " + bone, "use the default MakeHuman skeleton");
  return it->second;
}

SkinWeights readSkinWeights(const std::string& path, size_t vertexCount) {
  const OrderedJson document = parseJsonDocument(readFile(path), path);
  const JsonField weights = JsonField(document, "", path).at("weights");
  if (!weights.value().is_object()) weights.fail("expected an object of bones", "");
  SkinWeights result;
  result.vertices.resize(vertexCount);
  for (const auto& [bone, list] : weights.value().items()) {
    const uint32_t boneIndex = uint32_t(result.bones.size());
    result.bones.push_back(bone);
    const JsonField pairs(list, "weights." + bone, path);
    for (size_t k = 0, n = pairs.arraySize(); k < n; ++k) {
      const JsonField pair = pairs.at(k);
      if (pair.arraySize() != 2) pair.fail("expected [vertex, weight]", "");
      const double vertex = pair.at(0).asNumber(), weight = pair.at(1).asNumber();
      if (!(vertex >= 0 && vertex < double(vertexCount)) || vertex != std::floor(vertex) || !(weight >= 0))
        pair.fail("vertex or weight out of range", "");
      result.vertices[size_t(vertex)].push_back({boneIndex, float(weight)});
    }
  }
  return result;
}

SkinWeights strongestInfluences(const SkinWeights& weights, size_t count) {
  SkinWeights result;
  result.bones = weights.bones;
  result.vertices.reserve(weights.vertices.size());
  for (std::vector<Influence> influences : weights.vertices) {
    // Strongest first; equal weights in bone order, so the same file gives the same result.
    std::sort(influences.begin(), influences.end(), [](const Influence& a, const Influence& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.bone < b.bone;
    });
    if (influences.size() > count) influences.resize(count);
    double total = 0;
    for (const Influence& influence : influences) total += influence.weight;
    if (!(total > 0)) influences.clear();
    for (Influence& influence : influences) influence.weight = float(influence.weight / total);
    result.vertices.push_back(std::move(influences));
  }
  return result;
}

std::vector<bool> bonesMatching(const SkinWeights& weights, const std::vector<std::string>& patterns,
                                const std::string& path) {
  std::vector<bool> chosen(weights.bones.size(), false);
  for (const std::string& pattern : patterns) {
    bool found = false;
    for (size_t b = 0; b < weights.bones.size(); ++b)
      if (globMatch(pattern, weights.bones[b])) chosen[b] = found = true;
    if (!found) fail(path, "weights", "no bone matches \"" + pattern + "\"");
  }
  return chosen;
}

WeightShare weightShare(const SkinWeights& weights, const std::vector<std::string>& patterns,
                        const std::string& path) {
  const std::vector<bool> chosen = bonesMatching(weights, patterns, path);
  WeightShare result;
  for (size_t b = 0; b < weights.bones.size(); ++b)
    if (chosen[b]) result.bones.push_back(weights.bones[b]);
  result.share.reserve(weights.vertices.size());
  for (const std::vector<Influence>& influences : weights.vertices) {
    double onChosen = 0, total = 0;
    for (const Influence& influence : influences) {
      total += influence.weight;
      if (chosen[influence.bone]) onChosen += influence.weight;
    }
    result.share.push_back(total > 0 ? float(onChosen / total) : 0.0f);
  }
  return result;
}

}  // namespace legatlas::tools
