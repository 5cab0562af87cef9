#include "geometry/glb_writer.h"

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"

namespace legatlas::geometry {

namespace {

using Json = nlohmann::json;

constexpr int kFloat = 5126;
constexpr int kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

// glTF is right-handed with the subject's right at -X; the model frame puts it at +X.
// Mirroring X and swapping two corners of each triangle keeps them facing outward.
Mesh toGltfFrame(const Mesh& model) {
  Mesh gltf = model;
  for (glm::vec3& p : gltf.positions) p.x = -p.x;
  for (glm::vec3& n : gltf.normals) n.x = -n.x;
  for (glm::vec4& t : gltf.tangents) t.x = -t.x;
  for (size_t i = 0; i + 2 < gltf.indices.size(); i += 3) std::swap(gltf.indices[i + 1], gltf.indices[i + 2]);
  return gltf;
}

class GlbBuilder {
 public:
  int addAccessor(const void* data, size_t bytes, size_t count, const char* type, int componentType,
                  int target) {
    while (binary_.size() % 4 != 0) binary_.push_back(0);
    const size_t offset = binary_.size();
    binary_.resize(offset + bytes);
    std::memcpy(binary_.data() + offset, data, bytes);
    json_["bufferViews"].push_back(
        {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}, {"target", target}});
    Json accessor = {{"bufferView", json_["bufferViews"].size() - 1},
                     {"componentType", componentType},
                     {"count", count},
                     {"type", type}};
    json_["accessors"].push_back(accessor);
    return static_cast<int>(json_["accessors"].size() - 1);
  }

  int addPositions(const std::vector<glm::vec3>& positions) {
    const int index = addAccessor(positions.data(), positions.size() * sizeof(glm::vec3),
                                  positions.size(), "VEC3", kFloat, kArrayBuffer);
    Bounds b;
    for (const glm::vec3& p : positions) b.add(p);
    json_["accessors"][index]["min"] = {b.min.x, b.min.y, b.min.z};
    json_["accessors"][index]["max"] = {b.max.x, b.max.y, b.max.z};
    return index;
  }

  void addMesh(const NamedMesh& named) {
    const Mesh mesh = toGltfFrame(*named.mesh);
    Json attributes;
    attributes["POSITION"] = addPositions(mesh.positions);
    attributes["NORMAL"] = addAccessor(mesh.normals.data(), mesh.normals.size() * sizeof(glm::vec3),
                                       mesh.normals.size(), "VEC3", kFloat, kArrayBuffer);
    if (mesh.tangents.size() == mesh.positions.size()) {
      attributes["TANGENT"] =
          addAccessor(mesh.tangents.data(), mesh.tangents.size() * sizeof(glm::vec4),
                      mesh.tangents.size(), "VEC4", kFloat, kArrayBuffer);
    }
    if (mesh.uvs.size() == mesh.positions.size()) {
      attributes["TEXCOORD_0"] = addAccessor(mesh.uvs.data(), mesh.uvs.size() * sizeof(glm::vec2),
                                             mesh.uvs.size(), "VEC2", kFloat, kArrayBuffer);
    }
    const int indices = addAccessor(mesh.indices.data(), mesh.indices.size() * sizeof(uint32_t),
                                    mesh.indices.size(), "SCALAR", kUnsignedInt, kElementArrayBuffer);
    json_["meshes"].push_back(
        {{"name", named.name}, {"primitives", {{{"attributes", attributes}, {"indices", indices}}}}});
    const size_t meshIndex = json_["meshes"].size() - 1;
    json_["nodes"].push_back({{"name", named.name}, {"mesh", meshIndex}});
    json_["scenes"][0]["nodes"].push_back(json_["nodes"].size() - 1);
  }

  std::vector<unsigned char> finish() {
    while (binary_.size() % 4 != 0) binary_.push_back(0);
    json_["asset"] = {{"version", "2.0"}, {"generator", "LegAtlas"}};
    json_["scene"] = 0;
    json_["buffers"] = Json::array({{{"byteLength", binary_.size()}}});
    std::string text = json_.dump();
    while (text.size() % 4 != 0) text.push_back(' ');
    std::vector<unsigned char> out;
    const auto put32 = [&out](uint32_t v) {
      for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
    };
    put32(0x46546C67);  // "glTF"
    put32(2);
    put32(static_cast<uint32_t>(12 + 8 + text.size() + 8 + binary_.size()));
    put32(static_cast<uint32_t>(text.size()));
    put32(0x4E4F534A);  // "JSON"
    out.insert(out.end(), text.begin(), text.end());
    put32(static_cast<uint32_t>(binary_.size()));
    put32(0x004E4942);  // "BIN\0"
    out.insert(out.end(), binary_.begin(), binary_.end());
    return out;
  }

 private:
  Json json_ = {{"scenes", Json::array({{{"nodes", Json::array()}}})},
                {"nodes", Json::array()},
                {"meshes", Json::array()},
                {"accessors", Json::array()},
                {"bufferViews", Json::array()}};
  std::vector<unsigned char> binary_;
};

}  // namespace

std::vector<unsigned char> encodeGlb(const std::vector<NamedMesh>& meshes) {
  GlbBuilder builder;
  for (const NamedMesh& m : meshes) builder.addMesh(m);
  return builder.finish();
}

void writeGlb(const std::string& path, const std::vector<NamedMesh>& meshes) {
  const std::vector<unsigned char> bytes = encodeGlb(meshes);
  writeFileAtomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace legatlas::geometry
