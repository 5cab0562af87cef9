#pragma once
// A bone the data lack, drawn between the measured muscles that lie on it. The measured
// legs have no hip bone, but the muscles on both faces of the iliac wing were measured:
// iliacus lines its inner face, the small and middle gluteals its outer one, and the wing
// is what lies between them. The described parts, carried onto the subject, say roughly
// where the bone is; the muscles say where its faces are.
#include <optional>

#include "anatomy/blended_parts.h"
#include "anatomy/measured_landmarks.h"
#include "geometry/level_set.h"

namespace legatlas::anatomy {

// The described parts united with what lies between each pair of muscle groups of
// `between` (where the two lie within its thickness of each other, within a few
// centimetres of the parts), all kept clear of those muscles. Nothing when the leg lacks
// one of the surfaces named.
std::optional<geometry::LevelSet> boneBetweenMuscles(const BlendedParts& parts, const std::vector<BetweenMuscles>& between,
                                                     const MeasuredSurfaces& surfaces, float voxelSize,
                                                     geometry::NarrowBand band);

}  // namespace legatlas::anatomy
