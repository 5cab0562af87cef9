#pragma once
// Writes named meshes as one binary glTF 2.0 file (GLB): a node and a mesh per entry,
// positions, normals, optional tangents (e.g. fibre direction) and (u,v), uint32 indices.
// Meshes are given in the model frame and written in glTF's (mirrored in X), so that any
// glTF viewer shows a right leg as a right leg.
#include <string>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::geometry {

struct NamedMesh {
  std::string name;
  const Mesh* mesh = nullptr;
};

std::vector<unsigned char> encodeGlb(const std::vector<NamedMesh>& meshes);
// Writes atomically (temporary file, then rename); throws InputError naming the file.
void writeGlb(const std::string& path, const std::vector<NamedMesh>& meshes);

}  // namespace legatlas::geometry
