#pragma once
// The faint whole body drawn lying around the leg, so the head end of the table is plain.
// Stored as a compact little-endian file, all in the model frame (metres):
//   "LABODY01"  8 bytes
//   uint32      vertex count
//   uint32      index count (three per triangle)
//   float32     x, y, z per vertex
//   uint32      indices
#include <string>

#include "geometry/mesh.h"

namespace legatlas::scene {

// The most a body file may hold; the committed one is a small fraction of it.
inline constexpr size_t kMostBodyMeshBytes = size_t(16) << 20;

// Positions, indices and area-weighted normals. Throws InputError naming the file when it
// is missing, too large, of another kind, cut short, or holds a bad index or coordinate.
geometry::Mesh loadBodyMesh(const std::string& path);

// The bytes of a body file for the mesh's positions and indices.
std::string encodeBodyMesh(const geometry::Mesh& mesh);

}  // namespace legatlas::scene
