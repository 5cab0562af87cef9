#include "scene/model_reader.h"

#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <assimp/Importer.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <glm/geometric.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <glm/matrix.hpp>
#include <stdexcept>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::scene {

namespace {

namespace fs = std::filesystem;

glm::vec3 axisVector(const std::string& axis) {
  const float sign = axis[0] == '-' ? -1.0f : 1.0f;
  glm::vec3 v(0.0f);
  v[axis[1] - 'x'] = sign;
  return v;
}

template <typename T>
std::optional<T> metadata(const aiScene& scene, const char* key) {
  T value{};
  if (scene.mMetaData && scene.mMetaData->Get(key, value)) return value;
  return std::nullopt;
}

// FBX files declare their axes and units; glTF is always metres, +Y up, +Z front; OBJ
// has no declaration and is taken as glTF's. The tissue map may override each part.
// Files are right-handed, so the subject's right is front x up; the model frame puts it
// at +X, which makes this transform a reflection (see convertMesh for the winding).
glm::mat4 frameTransform(const aiScene& scene, const anatomy::ModelFrameHint& hint) {
  glm::vec3 up(0, 1, 0), front(0, 0, 1);
  float metresPerUnit = 1.0f;
  const auto upAxis = metadata<int32_t>(scene, "UpAxis");
  const auto frontAxis = metadata<int32_t>(scene, "FrontAxis");
  if (upAxis && frontAxis && *upAxis >= 0 && *upAxis < 3 && *frontAxis >= 0 && *frontAxis < 3 &&
      *upAxis != *frontAxis) {
    up = glm::vec3(0.0f);
    front = glm::vec3(0.0f);
    up[*upAxis] = static_cast<float>(metadata<int32_t>(scene, "UpAxisSign").value_or(1));
    front[*frontAxis] = static_cast<float>(metadata<int32_t>(scene, "FrontAxisSign").value_or(1));
  }
  // Assimp stores the FBX unit as a float; other importers may store a double.
  std::optional<double> cmPerUnit = metadata<double>(scene, "UnitScaleFactor");
  if (const auto asFloat = metadata<float>(scene, "UnitScaleFactor"); !cmPerUnit && asFloat) cmPerUnit = *asFloat;
  if (cmPerUnit && std::isfinite(*cmPerUnit) && *cmPerUnit > 0) metresPerUnit = float(*cmPerUnit) * 0.01f;
  if (hint.up) up = axisVector(*hint.up);
  if (hint.front) front = axisVector(*hint.front);
  if (hint.metresPerUnit) metresPerUnit = *hint.metresPerUnit;
  const glm::vec3 subjectRight = glm::cross(front, up);
  glm::mat4 m(0.0f);  // rows: subject's right, up, front -> model X, Y, Z
  for (int c = 0; c < 3; ++c) {
    m[c][0] = subjectRight[c] * metresPerUnit;
    m[c][1] = up[c] * metresPerUnit;
    m[c][2] = front[c] * metresPerUnit;
  }
  m[3][3] = 1.0f;
  return m;
}

glm::mat4 toGlm(const aiMatrix4x4& m) { return glm::transpose(glm::make_mat4(&m.a1)); }

bool finite(const glm::vec3& v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

// Copies one Assimp mesh; triangles touching a non-finite vertex are dropped.
geometry::Mesh convertMesh(const aiMesh& source, const glm::mat4& toModel, size_t& droppedTriangles) {
  geometry::Mesh mesh;
  mesh.positions.reserve(source.mNumVertices);
  for (unsigned i = 0; i < source.mNumVertices; ++i) {
    const aiVector3D& p = source.mVertices[i];
    mesh.positions.emplace_back(p.x, p.y, p.z);
  }
  if (source.mNormals) {
    for (unsigned i = 0; i < source.mNumVertices; ++i) {
      const aiVector3D& n = source.mNormals[i];
      mesh.normals.emplace_back(n.x, n.y, n.z);
    }
  }
  if (source.mTangents) {
    for (unsigned i = 0; i < source.mNumVertices; ++i) {
      const aiVector3D& t = source.mTangents[i];
      mesh.tangents.emplace_back(t.x, t.y, t.z, 1.0f);
    }
  }
  if (source.mTextureCoords[0]) {
    for (unsigned i = 0; i < source.mNumVertices; ++i) {
      mesh.uvs.emplace_back(source.mTextureCoords[0][i].x, source.mTextureCoords[0][i].y);
    }
  }
  // A mirroring transform turns counter-clockwise triangles clockwise; swapping two
  // corners keeps every triangle counter-clockwise seen from outside, in the model frame.
  const bool mirrored = glm::determinant(glm::mat3(toModel)) < 0.0f;
  for (unsigned f = 0; f < source.mNumFaces; ++f) {
    const aiFace& face = source.mFaces[f];
    if (face.mNumIndices != 3) continue;
    bool valid = true;
    for (unsigned k = 0; k < 3; ++k) {
      valid = valid && face.mIndices[k] < source.mNumVertices &&
              finite(mesh.positions[face.mIndices[k]]);
    }
    if (!valid) {
      ++droppedTriangles;
      continue;
    }
    if (mirrored) mesh.indices.insert(mesh.indices.end(), {face.mIndices[0], face.mIndices[2], face.mIndices[1]});
    else mesh.indices.insert(mesh.indices.end(), {face.mIndices[0], face.mIndices[1], face.mIndices[2]});
  }
  // Vertices no triangle uses (those left out above, or extras in the file) would still
  // count in the bounds and the camera's framing.
  mesh.dropUnusedVertices();
  const auto finiteTangent = [](const glm::vec4& t) { return std::isfinite(t.x) && std::isfinite(t.y) && std::isfinite(t.z); };
  if (!std::all_of(mesh.tangents.begin(), mesh.tangents.end(), finiteTangent)) mesh.tangents.clear();
  for (glm::vec2& uv : mesh.uvs) {
    if (!std::isfinite(uv.x) || !std::isfinite(uv.y)) uv = glm::vec2(0.0f);
  }
  if (mesh.normals.size() != mesh.positions.size()) mesh.computeNormals();
  for (glm::vec3& n : mesh.normals) {
    if (!finite(n) || glm::length(n) < 1e-6f) n = glm::vec3(0, 1, 0);
  }
  mesh.transform(toModel);
  return mesh;
}

// True, and the name shortened, when it ends with `suffix` (a coarse level of detail, a
// tendinous part).
bool stripSuffix(std::string& name, std::string_view suffix) {
  if (!name.ends_with(suffix) || name.size() == suffix.size()) return false;
  name.resize(name.size() - suffix.size());
  return true;
}

struct Walker {
  const aiScene& source;
  const std::string& path;
  ReadMeshes& read;
  int depth = 0;

  void visit(const aiNode& node, const glm::mat4& parentToModel) {
    // A hostile file can nest nodes deeply; recursion stops well before the stack does.
    if (++depth > 512) throw InputError(path, "node hierarchy", "nested deeper than 512 levels", kModelFileFix);
    const glm::mat4 toModel = parentToModel * toGlm(node.mTransformation);
    for (unsigned i = 0; i < node.mNumMeshes; ++i) {
      if (node.mMeshes[i] >= source.mNumMeshes) continue;
      const aiMesh& mesh = *source.mMeshes[node.mMeshes[i]];
      if (!(mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
      SceneMesh entry;
      entry.nodeName = node.mName.C_Str();
      entry.meshName = mesh.mName.C_Str();
      entry.detail = stripSuffix(entry.nodeName, kCoarseSuffix) ? 1 : 0;
      if (entry.detail == 1) stripSuffix(entry.meshName, kCoarseSuffix);
      entry.tendinous = stripSuffix(entry.nodeName, kTendonSuffix);
      if (entry.tendinous) stripSuffix(entry.meshName, kTendonSuffix);
      entry.mesh = convertMesh(mesh, toModel, read.droppedTriangles);
      if (!entry.mesh.indices.empty()) read.meshes.push_back(std::move(entry));
    }
    for (unsigned i = 0; i < node.mNumChildren; ++i) visit(*node.mChildren[i], toModel);
    --depth;
  }
};

// The bytes the reader hands back: 'M' and the meshes, or 'E' and an InputError.
class Bytes {
 public:
  std::string text;

  template <typename T>
  void put(const T& value) {
    text.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename T>
  void put(const std::vector<T>& values) {
    put(values.size());
    if (!values.empty()) text.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void put(const std::string& value) {
    put(value.size());
    text += value;
  }
};

class BytesReader {
 public:
  explicit BytesReader(const std::string& text) : text_(text) {}

  template <typename T>
  void get(T& value) {
    take(&value, sizeof value);
  }
  template <typename T>
  void get(std::vector<T>& values) {
    size_t count = 0;
    get(count);
    if (count > (text_.size() - at_) / std::max<size_t>(sizeof(T), 1)) throw std::length_error("short");
    values.resize(count);
    take(values.data(), count * sizeof(T));
  }
  void get(std::string& value) {
    size_t length = 0;
    get(length);
    if (length > text_.size() - at_) throw std::length_error("short");
    value.assign(text_, at_, length);
    at_ += length;
  }

 private:
  void take(void* into, size_t size) {
    if (size == 0) return;  // an empty vector's data() may be null
    if (size > text_.size() - at_) throw std::length_error("short");
    std::memcpy(into, text_.data() + at_, size);
    at_ += size;
  }
  const std::string& text_;
  size_t at_ = 0;
};

// The fields of a mesh that cross from the reader, in the one order both ends use.
template <typename Mesh, typename Visit>
void meshFields(Mesh& m, Visit visit) {
  visit(m.nodeName);
  visit(m.meshName);
  visit(m.detail);
  visit(m.tendinous);
  visit(m.mesh.positions);
  visit(m.mesh.normals);
  visit(m.mesh.tangents);
  visit(m.mesh.uvs);
  visit(m.mesh.indices);
}

std::string encode(const ReadMeshes& read) {
  Bytes out;
  out.put('M');
  out.put(read.droppedTriangles);
  out.put(read.meshes.size());
  for (const SceneMesh& m : read.meshes) meshFields(m, [&out](const auto& field) { out.put(field); });
  return out.text;
}

std::string encode(const InputError& error) {
  Bytes out;
  out.put('E');
  for (const std::string* text : {&error.file(), &error.place(), &error.reason(), &error.fix()}) out.put(*text);
  return out.text;
}

}  // namespace

// Assimp reads the file; its meshes come back in the model frame. Throws InputError.
ReadMeshes readMeshes(const std::string& path, const anatomy::ModelFrameHint& hint) {
  Assimp::Importer importer;
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_SortByPType |
                   aiProcess_ValidateDataStructure;
  // glTF is indexed by its specification; welding its vertices again only costs time
  // (about half the load of a 300k-triangle GLB). Other formats arrive per corner.
  const std::string extension = fileExtension(path);
  if (extension != ".glb" && extension != ".gltf") flags |= aiProcess_JoinIdenticalVertices;
  const aiScene* source = importer.ReadFile(path, flags);
  if (!source) {
    throw InputError(path, "", std::string("cannot be read as a model (") + importer.GetErrorString() + ")",
                     kModelFileFix);
  }
  if (!source->mRootNode) throw InputError(path, "", "has no scene nodes", kModelFileFix);
  ReadMeshes read;
  Walker{*source, path, read}.visit(*source->mRootNode, frameTransform(*source, hint));
  return read;
}

std::string readModelAnswer(const std::string& path, const anatomy::ModelFrameHint& hint) {
  try {
    return encode(readMeshes(path, hint));
  } catch (const InputError& e) {
    return encode(e);
  } catch (const std::exception& e) {
    return encode(InputError(path, "", std::string("cannot be read as a model (") + e.what() + ")", kModelFileFix));
  }
}

ReadMeshes decodeModelAnswer(const std::string& bytes) {
  BytesReader in(bytes);
  char kind = 0;
  in.get(kind);
  if (kind == 'E') {
    std::string file, place, reason, fix;
    for (std::string* text : {&file, &place, &reason, &fix}) in.get(*text);
    throw InputError(file, place, reason, fix);
  }
  ReadMeshes read;
  size_t count = 0;
  in.get(read.droppedTriangles);
  in.get(count);
  for (size_t i = 0; i < count; ++i) {
    meshFields(read.meshes.emplace_back(), [&in](auto& field) { in.get(field); });
  }
  return read;
}

std::vector<std::string> hintArguments(const anatomy::ModelFrameHint& hint) {
  std::vector<std::string> arguments;
  if (hint.up) arguments.insert(arguments.end(), {"--up", *hint.up});
  if (hint.front) arguments.insert(arguments.end(), {"--front", *hint.front});
  if (hint.metresPerUnit) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", *hint.metresPerUnit);  // nine digits: the float comes back exactly
    arguments.insert(arguments.end(), {"--metres-per-unit", text});
  }
  return arguments;
}

}  // namespace legatlas::scene
