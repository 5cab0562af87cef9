#include "scene/body_mesh.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::scene {

namespace {

constexpr std::string_view kMagic = "LABODY01";
constexpr size_t kHeaderBytes = 16;  // magic and the two counts

void appendU32(std::string& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

uint32_t u32At(std::string_view bytes, size_t offset) {
  uint32_t value = 0;
  for (int k = 0; k < 4; ++k) value |= uint32_t(static_cast<uint8_t>(bytes[offset + k])) << (8 * k);
  return value;
}

[[noreturn]] void fail(const std::string& path, const std::string& place, const std::string& reason) {
  throw InputError(path, place, reason, "regenerate it with legatlas-import-body (see assets/body/README.md)");
}

// Checks the header against the file's size; returns the vertex and index counts.
std::pair<uint32_t, uint32_t> readCounts(const std::string& path, std::string_view bytes) {
  if (bytes.size() < kHeaderBytes) fail(path, "header", "is cut short: " + std::to_string(bytes.size()) + " bytes");
  if (bytes.substr(0, kMagic.size()) != kMagic) fail(path, "header", "is not a body mesh (no LABODY01 mark)");
  const uint32_t vertexCount = u32At(bytes, 8), indexCount = u32At(bytes, 12);
  if (vertexCount == 0 || indexCount == 0 || indexCount % 3 != 0)
    fail(path, "header", "holds " + std::to_string(indexCount) + " indices for " + std::to_string(vertexCount) +
                             " vertices; a mesh needs vertices and whole triangles");
  // 64-bit sums: counts near 2^32 must not wrap around to a size that fits.
  const uint64_t expected = kHeaderBytes + uint64_t(vertexCount) * 12 + uint64_t(indexCount) * 4;
  if (expected != bytes.size())
    fail(path, "header", "counts call for " + std::to_string(expected) + " bytes but the file has " +
                             std::to_string(bytes.size()) + "; it is cut short or has extra bytes");
  return {vertexCount, indexCount};
}

}  // namespace

geometry::Mesh loadBodyMesh(const std::string& path) {
  const std::string bytes = readFile(path, kMostBodyMeshBytes);
  const auto [vertexCount, indexCount] = readCounts(path, bytes);
  geometry::Mesh mesh;
  mesh.positions.resize(vertexCount);
  size_t offset = kHeaderBytes;
  for (uint32_t v = 0; v < vertexCount; ++v) {
    for (int axis = 0; axis < 3; ++axis, offset += 4) {
      const float value = std::bit_cast<float>(u32At(bytes, offset));
      if (!std::isfinite(value)) fail(path, "vertex " + std::to_string(v), "has a coordinate that is not a finite number");
      mesh.positions[v][axis] = value;
    }
  }
  mesh.indices.resize(indexCount);
  for (uint32_t i = 0; i < indexCount; ++i, offset += 4) {
    mesh.indices[i] = u32At(bytes, offset);
    if (mesh.indices[i] >= vertexCount)
      fail(path, "index " + std::to_string(i) + " (triangle " + std::to_string(i / 3) + ")",
           "names vertex " + std::to_string(mesh.indices[i]) + " of " + std::to_string(vertexCount));
  }
  mesh.computeNormals();
  return mesh;
}

std::string encodeBodyMesh(const geometry::Mesh& mesh) {
  std::string out(kMagic);
  out.reserve(kHeaderBytes + mesh.positions.size() * 12 + mesh.indices.size() * 4);
  appendU32(out, static_cast<uint32_t>(mesh.positions.size()));
  appendU32(out, static_cast<uint32_t>(mesh.indices.size()));
  for (const glm::vec3& p : mesh.positions)
    for (int axis = 0; axis < 3; ++axis) appendU32(out, std::bit_cast<uint32_t>(p[axis]));
  for (uint32_t index : mesh.indices) appendU32(out, index);
  return out;
}

}  // namespace legatlas::scene
