#pragma once
// A compact file of named, closed surfaces: the measured tissues of one subject. Positions
// are quantized on one grid for the whole file (about 0.02 mm over a leg), indices are
// compressed with meshoptimizer's index codec. Little-endian:
//   "LAPACK01"   8 bytes
//   uint32       mesh count
//   float32 x 3  grid origin (metres), float32 grid step (metres)
//   per mesh:    uint16 name length, name bytes, uint32 vertex count, uint32 index count,
//                uint32 encoded index bytes, uint16 x, y, z per vertex, encoded indices
#include <string>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::geometry {

inline constexpr size_t kMostMeshPackBytes = size_t(64) << 20;

struct NamedSurface {
  std::string name;
  Mesh mesh;  // positions and indices; normals computed on reading
};

// Throws InputError naming the file and the mesh when it is missing, too large, of
// another kind, cut short, or holds an index that does not decode.
std::vector<NamedSurface> loadMeshPack(const std::string& path);

// The bytes of a pack holding `surfaces`; quantizing moves no vertex more than half
// the returned grid step.
std::string encodeMeshPack(const std::vector<NamedSurface>& surfaces, float* gridStep = nullptr);

}  // namespace legatlas::geometry
