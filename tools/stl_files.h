#pragma once
// Reading the STL surfaces of the Visible Human lower limb: binary or ASCII, one solid a
// file, in the scanner's millimetres.
#include <string>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::tools {

// Positions as written (three per triangle, not yet welded) and indices 0, 1, 2, ...
// Throws InputError naming the file and the place when it is not a readable STL.
geometry::Mesh readStl(const std::string& path);

// Upstream's file name, e.g. "VHF_Left_Muscle_GastrocnemiusMedial_smooth.stl", as the
// name the project gives that surface: "muscle/gastrocnemius_medial_head". Empty for a
// file that is not one of the subject's surfaces.
std::string surfaceName(const std::string& fileName);

// How many edges of a welded mesh border one triangle (holes) or more than two
// (non-manifold): both zero for a closed 2-manifold.
struct EdgeCounts {
  size_t open = 0, nonManifold = 0;
};
EdgeCounts countBadEdges(const geometry::Mesh& mesh);

// Removes the connected pieces whose bounding box has a diagonal under `smallest`
// (specks left by segmentation, far smaller than any bone or muscle); returns how many.
size_t removeSpecks(geometry::Mesh& mesh, float smallest);

}  // namespace legatlas::tools
