#include "stl_files.h"

#include <bit>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <glm/geometric.hpp>
#include <map>
#include <numeric>
#include <sstream>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::tools {

namespace {

constexpr size_t kMostStlBytes = size_t(256) << 20;
constexpr size_t kBinaryHeader = 84, kBinaryTriangle = 50;

float f32At(const std::string& bytes, size_t offset) {
  uint32_t v = 0;
  for (int k = 0; k < 4; ++k) v |= uint32_t(uint8_t(bytes[offset + k])) << (8 * k);
  return std::bit_cast<float>(v);
}

void addCorner(geometry::Mesh& mesh, const glm::vec3& p) {
  mesh.indices.push_back(static_cast<uint32_t>(mesh.positions.size()));
  mesh.positions.push_back(p);
}

geometry::Mesh readBinary(const std::string& path, const std::string& bytes, uint32_t count) {
  geometry::Mesh mesh;
  for (uint32_t t = 0; t < count; ++t) {
    const size_t at = kBinaryHeader + size_t(t) * kBinaryTriangle + 12;  // after the facet normal
    for (int corner = 0; corner < 3; ++corner) {
      glm::vec3 p;
      for (int axis = 0; axis < 3; ++axis) p[axis] = f32At(bytes, at + size_t(corner) * 12 + size_t(axis) * 4);
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        throw InputError(path, "triangle " + std::to_string(t), "has a corner that is not a finite number",
                         "take a fresh copy of the file");
      addCorner(mesh, p);
    }
  }
  return mesh;
}

geometry::Mesh readAscii(const std::string& path, const std::string& text) {
  geometry::Mesh mesh;
  std::istringstream in(text);
  std::string word;
  size_t line = 0;
  for (std::string row; std::getline(in, row);) {
    ++line;
    std::istringstream words(row);
    if (!(words >> word) || word != "vertex") continue;
    glm::vec3 p;
    if (!(words >> p.x >> p.y >> p.z) || !std::isfinite(p.x + p.y + p.z))
      throw InputError(path, "line " + std::to_string(line), "has a vertex without three numbers",
                       "take a fresh copy of the file");
    addCorner(mesh, p);
  }
  if (mesh.positions.empty() || mesh.positions.size() % 3 != 0)
    throw InputError(path, "", "holds " + std::to_string(mesh.positions.size()) + " vertices, not whole triangles",
                     "take a fresh copy of the file");
  return mesh;
}

std::string snakeCase(const std::string& camel) {
  std::string out;
  for (size_t i = 0; i < camel.size(); ++i) {
    const bool upper = std::isupper(static_cast<unsigned char>(camel[i]));
    const bool wordStart = upper && i > 0 && !std::isupper(static_cast<unsigned char>(camel[i - 1]));
    if (wordStart) out.push_back('_');
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(camel[i]))));
  }
  return out;
}

}  // namespace

geometry::Mesh readStl(const std::string& path) {
  const std::string bytes = readFile(path, kMostStlBytes);
  if (bytes.size() >= kBinaryHeader) {
    uint32_t count = 0;
    std::memcpy(&count, bytes.data() + 80, 4);
    if (kBinaryHeader + uint64_t(count) * kBinaryTriangle == bytes.size() && count > 0)
      return readBinary(path, bytes, count);
  }
  if (bytes.rfind("solid", 0) == 0) return readAscii(path, bytes);
  throw InputError(path, "header", "is neither a binary STL (its triangle count does not match its size) nor an ASCII one",
                   "take a fresh copy of the file");
}

std::string surfaceName(const std::string& fileName) {
  // Upstream's spelling and names, as the description and anatomy texts spell them.
  static const std::map<std::string, std::string> kRenamed = {
      {"Calcaneous", "calcaneus"},
      {"Illiacus", "iliacus"},
      {"Semitendonosus", "semitendinosus"},
      {"ExtensorHallicusLongus", "extensor_hallucis_longus"},
      {"FlexorHallicusLongus", "flexor_hallucis_longus"},
      {"PeroneusLongus", "fibularis_longus"},
      {"QuadratisFemoris", "quadratus_femoris"},
      {"BicepsFemorisLong", "biceps_femoris_long_head"},
      {"BicepsFemorisLongus", "biceps_femoris_long_head"},
      {"BicepsFemorisShort", "biceps_femoris_short_head"},
      {"GastrocnemiusMedial", "gastrocnemius_medial_head"},
      {"GastrocnemiusLateral", "gastrocnemius_lateral_head"},
      {"ACL", "anterior_cruciate"},
      {"PCL", "posterior_cruciate"},
      {"MCL", "medial_collateral"},
      {"LCL", "lateral_collateral"},
  };
  static const std::map<std::string, std::string> kKinds = {
      {"Bone", "bone"}, {"Muscle", "muscle"}, {"Cartilage", "cartilage"}, {"Ligament", "ligament"}};
  // <subject>_Left_<Kind>_<Name>_smooth.stl
  std::vector<std::string> parts;
  std::stringstream in(fileName);
  for (std::string part; std::getline(in, part, '_');) parts.push_back(part);
  if (parts.size() != 5 || parts[1] != "Left" || parts[4] != "smooth.stl") return {};
  const auto kind = kKinds.find(parts[2]);
  if (kind == kKinds.end()) return {};
  const auto renamed = kRenamed.find(parts[3]);
  return kind->second + "/" + (renamed != kRenamed.end() ? renamed->second : snakeCase(parts[3]));
}

EdgeCounts countBadEdges(const geometry::Mesh& mesh) {
  std::unordered_map<uint64_t, int> uses;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    for (int k = 0; k < 3; ++k) {
      uint64_t a = mesh.indices[i + k], b = mesh.indices[i + (k + 1) % 3];
      if (a > b) std::swap(a, b);
      ++uses[a << 32 | b];
    }
  }
  EdgeCounts counts;
  for (const auto& [edge, n] : uses) {
    if (n == 1) ++counts.open;
    if (n > 2) ++counts.nonManifold;
  }
  return counts;
}

size_t removeSpecks(geometry::Mesh& mesh, float smallest) {
  // Pieces by union-find over the vertices each triangle joins.
  std::vector<uint32_t> parent(mesh.positions.size());
  std::iota(parent.begin(), parent.end(), 0u);
  const auto root = [&parent](uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    parent[root(mesh.indices[i + 1])] = root(mesh.indices[i]);
    parent[root(mesh.indices[i + 2])] = root(mesh.indices[i]);
  }
  std::unordered_map<uint32_t, geometry::Bounds> pieces;
  for (uint32_t v = 0; v < mesh.positions.size(); ++v) pieces[root(v)].add(mesh.positions[v]);
  size_t removed = 0;
  for (const auto& [piece, box] : pieces) removed += glm::length(box.size()) < smallest ? 1 : 0;
  if (removed == 0) return 0;
  std::vector<uint32_t> kept;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    if (glm::length(pieces[root(mesh.indices[i])].size()) >= smallest)
      kept.insert(kept.end(), mesh.indices.begin() + i, mesh.indices.begin() + i + 3);
  }
  mesh.indices = std::move(kept);
  mesh.dropUnusedVertices();
  return removed;
}

}  // namespace legatlas::tools
