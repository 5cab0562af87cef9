#pragma once
// A closed surface swept along a smooth path: elliptical cross-sections whose width and
// thickness vary along it, capped at both ends. Muscles, tendons, vessels and veins are
// built this way. Each vertex carries the path direction as its tangent (a muscle's fibre
// direction) and (u, v) = (fraction along the path, fraction around it).
#include <functional>
#include <optional>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::geometry {

struct SweepSection {
  float width = 0;      // full extent across, along the sweep's side axis
  float thickness = 0;  // full extent along the sweep's thickness axis
};

struct SweepOptions {
  int samplesAlong = 48;
  int segmentsAround = 16;
  // Preferred thickness direction (e.g. outward from the bone); carried along the path
  // by rotation-minimising frames. Unset: any direction perpendicular to the start.
  std::optional<glm::vec3> thicknessHint;
};

// Length of the polyline through `points` (0 for fewer than two).
float pathLength(const std::vector<glm::vec3>& points);

// Points of a Catmull-Rom curve through `controlPoints`, evenly spaced by arc length.
// Fewer than two distinct control points make no curve: those points are returned as
// they are (the description's checks keep such paths out of the generator).
std::vector<glm::vec3> smoothPath(const std::vector<glm::vec3>& controlPoints, int samples);

// Sweeps along the curve through `controlPoints`; `section(t)` gives the cross-section at
// arc-length fraction t in [0, 1]. Fewer than two distinct control points sweep nothing
// (an empty mesh).
Mesh sweep(const std::vector<glm::vec3>& controlPoints, const std::function<SweepSection(float)>& section,
           const SweepOptions& options);

}  // namespace legatlas::geometry
