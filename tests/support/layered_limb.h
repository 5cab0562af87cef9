#pragma once
// A synthetic layered limb for tests and benchmarks: a bone shaft, four muscle bellies
// around it, a skin shell over everything and two small nodes. Its geometry is known
// exactly, so tests can say which tissue must be visible at which pixel.
#include <string>

#include "geometry/mesh.h"

namespace legatlas::testing {

struct LayeredLimb {
  geometry::Mesh bone, muscleAnterior, muscleLateral, musclePosterior, muscleMedial, skin, nodeA, nodeB;
};

// `detail` scales the tessellation: 1 gives ~6k triangles, 7 about 300k.
LayeredLimb makeLayeredLimb(int detail);
// Writes the limb as GLB plus its tissue map "<stem>.tissues.json" beside it.
void writeLayeredLimb(const LayeredLimb& limb, const std::string& glbPath);

}  // namespace legatlas::testing
