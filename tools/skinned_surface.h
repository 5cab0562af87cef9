#pragma once
// A skinned polygon surface for the hand import: one Catmull-Clark step that carries the
// skin weights along, triangulation of the quads it yields, and the surface's open
// boundary (the forearm's cut).
#include <glm/vec3.hpp>
#include <vector>

#include "makehuman_files.h"

namespace legatlas::tools {

struct SkinnedSurface {
  std::vector<glm::vec3> positions;
  std::vector<std::vector<Influence>> influences;  // per vertex, strongest first, summing to 1
  std::vector<std::vector<uint32_t>> faces;        // polygons, counter-clockwise from outside
};

// The strongest `count` influences, scaled to sum to 1; equal weights in bone order.
std::vector<Influence> strongest(std::vector<Influence> influences, size_t count);

// The part of the surface on the side of the plane through `point` that `keep` points
// to, every face crossing the plane cut along it (a quad may become a triangle or a
// pentagon). Vertices within `snap` of the plane are first moved onto it, so the cut makes
// no sliver. A new vertex on a cut edge takes the edge's weights interpolated at the
// crossing, kept to the strongest `influenceCount`. Vertices no face uses are dropped.
SkinnedSurface clipped(const SkinnedSurface& surface, const glm::vec3& point, const glm::vec3& keep, float snap,
                       size_t influenceCount);

// One step of Catmull-Clark subdivision: every polygon of n corners becomes n quads. Old
// vertices come first, then one per edge (in the order edges are met), then one per face.
// Interior points follow the usual masks; boundary edges and vertices the cubic B-spline
// of the boundary, so the cut stays a smooth open loop. Weights are interpolated, not
// smoothed: an edge's new vertex takes the mean of its two ends', a face's the mean of
// its corners', an old vertex keeps its own; each kept to the strongest `influenceCount`.
// Throws std::runtime_error on an edge shared by more than two faces or a vertex where
// the boundary crosses itself.
SkinnedSurface subdivideCatmullClark(const SkinnedSurface& surface, size_t influenceCount);

// Two triangles per quad, split along its shorter diagonal (the first on a tie); other
// polygons as fans. Keeps the winding.
std::vector<uint32_t> triangulate(const std::vector<std::vector<uint32_t>>& faces,
                                  const std::vector<glm::vec3>& positions);

// The closed loops of edges used by one face only, each as its vertices in order.
std::vector<std::vector<uint32_t>> boundaryLoops(const std::vector<std::vector<uint32_t>>& faces);

}  // namespace legatlas::tools
