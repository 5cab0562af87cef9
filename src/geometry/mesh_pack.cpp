#include "geometry/mesh_pack.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::geometry {

namespace {

constexpr std::string_view kMagic = "LAPACK01";
constexpr float kLevels = 65535.0f;

void appendU16(std::string& out, uint32_t value) {
  out.push_back(static_cast<char>(value & 0xFF));
  out.push_back(static_cast<char>((value >> 8) & 0xFF));
}

void appendU32(std::string& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

// Reads the pack front to back, naming the file and place of whatever is wrong.
class PackReader {
 public:
  PackReader(std::string path, std::string_view bytes) : path_(std::move(path)), bytes_(bytes) {}

  [[noreturn]] void fail(const std::string& place, const std::string& reason) const {
    throw InputError(path_, place, reason, "regenerate it with legatlas-import-leg (see assets/legs/README.md)");
  }
  void need(size_t count, const std::string& place) const {
    if (bytes_.size() - offset_ < count) fail(place, "is cut short at byte " + std::to_string(offset_));
  }
  uint32_t u16(const std::string& place) {
    need(2, place);
    const uint32_t v = uint32_t(uint8_t(bytes_[offset_])) | uint32_t(uint8_t(bytes_[offset_ + 1])) << 8;
    offset_ += 2;
    return v;
  }
  uint32_t u32(const std::string& place) {
    need(4, place);
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= uint32_t(uint8_t(bytes_[offset_ + k])) << (8 * k);
    offset_ += 4;
    return v;
  }
  float f32(const std::string& place) {
    const float v = std::bit_cast<float>(u32(place));
    if (!std::isfinite(v)) fail(place, "holds a number that is not finite");
    return v;
  }
  std::string_view take(size_t count, const std::string& place) {
    need(count, place);
    const std::string_view v(bytes_.data() + offset_, count);
    offset_ += count;
    return v;
  }
  bool atEnd() const { return offset_ == bytes_.size(); }

 private:
  std::string path_;
  std::string_view bytes_;
  size_t offset_ = 0;
};

NamedSurface readSurface(PackReader& in, const glm::vec3& origin, float step, size_t index) {
  const std::string place = "mesh " + std::to_string(index);
  NamedSurface s;
  s.name = std::string(in.take(in.u16(place + " name"), place + " name"));
  const std::string named = "mesh '" + s.name + "'";
  const uint32_t vertices = in.u32(named), indexCount = in.u32(named), encodedBytes = in.u32(named);
  if (vertices == 0 || indexCount == 0 || indexCount % 3 != 0)
    in.fail(named, "holds " + std::to_string(indexCount) + " indices for " + std::to_string(vertices) +
                       " vertices; a surface needs vertices and whole triangles");
  in.need(size_t(vertices) * 6, named + " positions");
  s.mesh.positions.resize(vertices);
  for (glm::vec3& p : s.mesh.positions) {
    for (int axis = 0; axis < 3; ++axis) p[axis] = origin[axis] + step * float(in.u16(named));
  }
  const std::string_view encoded = in.take(encodedBytes, named + " indices");
  s.mesh.indices.resize(indexCount);
  if (meshopt_decodeIndexBuffer(s.mesh.indices.data(), indexCount, reinterpret_cast<const unsigned char*>(encoded.data()),
                                encoded.size()) != 0)
    in.fail(named + " indices", "do not decode");
  for (uint32_t i : s.mesh.indices) {
    if (i >= vertices) in.fail(named + " indices", "name vertex " + std::to_string(i) + " of " + std::to_string(vertices));
  }
  s.mesh.computeNormals();
  return s;
}

}  // namespace

std::vector<NamedSurface> loadMeshPack(const std::string& path) {
  const std::string bytes = readFile(path, kMostMeshPackBytes);
  PackReader in(path, bytes);
  if (in.take(kMagic.size(), "header") != kMagic) in.fail("header", "is not a mesh pack (no LAPACK01 mark)");
  const uint32_t count = in.u32("header");
  glm::vec3 origin;
  for (int axis = 0; axis < 3; ++axis) origin[axis] = in.f32("header");
  const float step = in.f32("header");
  if (!(step > 0.0f)) in.fail("header", "has a grid step that is not positive");
  std::vector<NamedSurface> surfaces;
  for (uint32_t m = 0; m < count; ++m) surfaces.push_back(readSurface(in, origin, step, m));
  if (!in.atEnd()) in.fail("end", "has bytes after its last mesh");
  return surfaces;
}

std::string encodeMeshPack(const std::vector<NamedSurface>& surfaces, float* gridStep) {
  Bounds all;
  for (const NamedSurface& s : surfaces) all.add(s.mesh.bounds());
  const glm::vec3 size = all.size();
  const float step = std::max({size.x, size.y, size.z, 1e-6f}) / kLevels;
  if (gridStep) *gridStep = step;
  std::string out(kMagic);
  appendU32(out, static_cast<uint32_t>(surfaces.size()));
  for (int axis = 0; axis < 3; ++axis) appendU32(out, std::bit_cast<uint32_t>(all.min[axis]));
  appendU32(out, std::bit_cast<uint32_t>(step));
  for (const NamedSurface& s : surfaces) {
    std::vector<unsigned char> encoded(meshopt_encodeIndexBufferBound(s.mesh.indices.size(), s.mesh.positions.size()));
    encoded.resize(meshopt_encodeIndexBuffer(encoded.data(), encoded.size(), s.mesh.indices.data(), s.mesh.indices.size()));
    appendU16(out, static_cast<uint32_t>(s.name.size()));
    out += s.name;
    appendU32(out, static_cast<uint32_t>(s.mesh.positions.size()));
    appendU32(out, static_cast<uint32_t>(s.mesh.indices.size()));
    appendU32(out, static_cast<uint32_t>(encoded.size()));
    for (const glm::vec3& p : s.mesh.positions) {
      for (int axis = 0; axis < 3; ++axis) appendU16(out, static_cast<uint32_t>(std::lround((p[axis] - all.min[axis]) / step)));
    }
    out.append(reinterpret_cast<const char*>(encoded.data()), encoded.size());
  }
  return out;
}

}  // namespace legatlas::geometry
