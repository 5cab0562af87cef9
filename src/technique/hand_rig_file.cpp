#include "technique/hand_rig_file.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::technique {

namespace {

constexpr std::string_view kMagic = "LAHAND01";
constexpr uint8_t kNoParent = 255;
constexpr uint32_t kWeightTotal = 65535;
constexpr size_t kVertexBytes = 12 + 4 + 8, kTriangleBytes = 6;

[[noreturn]] void fail(const std::string& path, const std::string& place, const std::string& reason) {
  throw InputError(path, place, reason, "regenerate it with legatlas-import-hand (see assets/hands/README.md)");
}

// Reads the file front to back; running past its end is an error naming what was read.
class ByteReader {
 public:
  ByteReader(const std::string& path, std::string_view bytes) : path_(path), bytes_(bytes) {}

  void need(size_t count, const std::string& place) const {
    if (bytes_.size() - offset_ < count)
      fail(path_, place, "is cut short: the file ends after " + std::to_string(bytes_.size()) + " bytes");
  }
  uint8_t u8() { return static_cast<uint8_t>(bytes_[offset_++]); }
  uint16_t u16() { return uint16_t(u8() | (uint16_t(u8()) << 8)); }
  uint32_t u32() {
    uint32_t value = 0;
    for (int k = 0; k < 4; ++k) value |= uint32_t(u8()) << (8 * k);
    return value;
  }
  float finite(const std::string& place) {
    const float value = std::bit_cast<float>(u32());
    if (!std::isfinite(value)) fail(path_, place, "has a coordinate that is not a finite number");
    return value;
  }
  glm::vec3 point(const std::string& place) {
    glm::vec3 p;
    for (int axis = 0; axis < 3; ++axis) p[axis] = finite(place);
    return p;
  }
  std::string text(size_t count) {
    const std::string value(bytes_.substr(offset_, count));
    offset_ += count;
    return value;
  }
  size_t left() const { return bytes_.size() - offset_; }

 private:
  const std::string& path_;
  std::string_view bytes_;
  size_t offset_ = 0;
};

struct Counts {
  uint32_t bones = 0, vertices = 0, triangles = 0;
};

Counts readHeader(const std::string& path, ByteReader& in) {
  in.need(kMagic.size() + 12, "header");
  if (in.text(kMagic.size()) != kMagic) fail(path, "header", "is not a hand file (no LAHAND01 mark)");
  Counts counts{in.u32(), in.u32(), in.u32()};
  if (counts.bones == 0 || counts.bones > kMostHandBones)
    fail(path, "header", "holds " + std::to_string(counts.bones) + " bones; a hand has 1 to " +
                             std::to_string(kMostHandBones));
  if (counts.vertices == 0 || counts.vertices > 65535 || counts.triangles == 0)
    fail(path, "header", "holds " + std::to_string(counts.vertices) + " vertices and " +
                             std::to_string(counts.triangles) + " triangles; a hand needs 1 to 65535 vertices and "
                             "at least one triangle");
  return counts;
}

HandBone readBone(const std::string& path, ByteReader& in, size_t index) {
  const std::string place = "bone " + std::to_string(index);
  in.need(1, place);
  const size_t nameLength = in.u8();
  in.need(nameLength + 1 + 24, place);
  HandBone bone;
  bone.name = in.text(nameLength);
  const bool printable = std::all_of(bone.name.begin(), bone.name.end(), [](char c) { return c > ' ' && c < 127; });
  if (bone.name.empty() || !printable) fail(path, place, "has an empty or unreadable name");
  const uint8_t parent = in.u8();
  if ((index == 0) != (parent == kNoParent) || (parent != kNoParent && parent >= index))
    fail(path, place + " (" + bone.name + ")",
         index == 0 ? "the first bone must be the root, without a parent"
                    : "has parent " + std::to_string(parent) + ": every bone but the first needs an earlier parent");
  bone.parent = parent == kNoParent ? -1 : int(parent);
  bone.head = in.point(place);
  bone.tail = in.point(place);
  return bone;
}

void readVertex(const std::string& path, ByteReader& in, HandRig& rig, size_t v) {
  const std::string place = "vertex " + std::to_string(v);
  rig.mesh.positions[v] = in.point(place);
  for (int k = 0; k < 4; ++k) {
    rig.boneIndices[v][k] = in.u8();
    if (rig.boneIndices[v][k] >= rig.bones.size())
      fail(path, place, "names bone " + std::to_string(rig.boneIndices[v][k]) + " of " +
                            std::to_string(rig.bones.size()));
  }
  uint32_t total = 0;
  for (int k = 0; k < 4; ++k) {
    const uint16_t weight = in.u16();
    total += weight;
    rig.boneWeights[v][k] = float(weight) / float(kWeightTotal);
  }
  if (total != kWeightTotal)
    fail(path, place, "has weights summing to " + std::to_string(total) + " of " + std::to_string(kWeightTotal));
}

void appendU16(std::string& out, uint32_t value) {
  out.push_back(static_cast<char>(value & 0xFF));
  out.push_back(static_cast<char>((value >> 8) & 0xFF));
}

void appendU32(std::string& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

void appendPoint(std::string& out, const glm::vec3& p) {
  for (int axis = 0; axis < 3; ++axis) appendU32(out, std::bit_cast<uint32_t>(p[axis]));
}

// Four weights as sixteen-bit fractions summing to exactly kWeightTotal: each rounded to
// the nearest unit, then the units the rounding gained or lost taken from or given to the
// weights rounded furthest, so weights in falling order stay so. Weights read from a
// file come back as they were.
std::array<uint32_t, 4> quantisedWeights(const glm::vec4& weights) {
  const double total = double(weights.x) + weights.y + weights.z + weights.w;
  if (!(total > 0)) throw std::invalid_argument("a hand vertex has no weight");
  std::array<uint32_t, 4> units{};
  std::array<double, 4> exact{};
  int64_t used = 0;
  for (size_t k = 0; k < 4; ++k) {
    exact[k] = std::max(0.0, double(weights[int(k)]) / total * kWeightTotal);
    units[k] = uint32_t(std::lround(exact[k]));
    used += units[k];
  }
  for (; used < kWeightTotal; ++used) {
    size_t most = 0;  // the weight rounded down the most
    for (size_t k = 1; k < 4; ++k)
      if (exact[k] - units[k] > exact[most] - units[most]) most = k;
    ++units[most];
  }
  for (; used > kWeightTotal; --used) {
    size_t most = 4;  // the weight rounded up the most (the last on a tie, keeping the order)
    for (size_t k = 0; k < 4; ++k)
      if (units[k] > 0 && (most == 4 || units[k] - exact[k] >= units[most] - exact[most])) most = k;
    --units[most];
  }
  return units;
}

}  // namespace

HandRig loadHandRig(const std::string& path, HandSide side) {
  const std::string bytes = readFile(path, kMostHandRigBytes);
  ByteReader in(path, bytes);
  const Counts counts = readHeader(path, in);
  HandRig rig;
  for (size_t b = 0; b < counts.bones; ++b) rig.bones.push_back(readBone(path, in, b));
  // 64-bit: counts near 2^32 must not wrap around to a size that fits.
  const uint64_t rest = uint64_t(counts.vertices) * kVertexBytes + uint64_t(counts.triangles) * kTriangleBytes;
  if (rest != in.left())
    fail(path, "after the bones", "the counts call for " + std::to_string(rest) + " more bytes but the file has " +
                                      std::to_string(in.left()) + "; it is cut short or has extra bytes");
  rig.mesh.positions.resize(counts.vertices);
  rig.boneIndices.resize(counts.vertices);
  rig.boneWeights.resize(counts.vertices);
  for (size_t v = 0; v < counts.vertices; ++v) readVertex(path, in, rig, v);
  rig.mesh.indices.resize(size_t(counts.triangles) * 3);
  for (size_t i = 0; i < rig.mesh.indices.size(); ++i) {
    rig.mesh.indices[i] = in.u16();
    if (rig.mesh.indices[i] >= counts.vertices)
      fail(path, "triangle " + std::to_string(i / 3),
           "names vertex " + std::to_string(rig.mesh.indices[i]) + " of " + std::to_string(counts.vertices));
  }
  rig.mesh.computeNormals();
  return side == HandSide::Right ? rig : rig.mirrored();
}

std::string encodeHandRig(const HandRig& rig) {
  if (rig.side != HandSide::Right) throw std::invalid_argument("a hand file holds the right hand");
  if (rig.bones.empty() || rig.bones.size() > kMostHandBones || rig.mesh.positions.size() > 65535)
    throw std::invalid_argument("a hand file holds 1 to 32 bones and at most 65535 vertices");
  std::string out(kMagic);
  appendU32(out, uint32_t(rig.bones.size()));
  appendU32(out, uint32_t(rig.mesh.positions.size()));
  appendU32(out, uint32_t(rig.mesh.triangleCount()));
  for (size_t b = 0; b < rig.bones.size(); ++b) {
    const HandBone& bone = rig.bones[b];
    if (bone.name.empty() || bone.name.size() > 255 || (b == 0) != (bone.parent < 0) || bone.parent >= int(b))
      throw std::invalid_argument("hand bone " + bone.name + " cannot be written: bad name or parent");
    out.push_back(static_cast<char>(bone.name.size()));
    out += bone.name;
    out.push_back(static_cast<char>(bone.parent < 0 ? kNoParent : uint8_t(bone.parent)));
    appendPoint(out, bone.head);
    appendPoint(out, bone.tail);
  }
  for (size_t v = 0; v < rig.mesh.positions.size(); ++v) {
    appendPoint(out, rig.mesh.positions[v]);
    const std::array<uint32_t, 4> weights = quantisedWeights(rig.boneWeights[v]);
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<char>(weights[size_t(k)] > 0 ? rig.boneIndices[v][k] : 0));
    for (uint32_t weight : weights) appendU16(out, weight);
  }
  for (uint32_t index : rig.mesh.indices) appendU16(out, index);
  return out;
}

}  // namespace legatlas::technique
