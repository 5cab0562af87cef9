#pragma once
// Tendons across the foot: those that divide into slips, one to each toe (extensor and
// flexor digitorum longus), and courses laid on the foot's bones.
#include <vector>

#include <glm/vec3.hpp>

#include "anatomy/description.h"
#include "anatomy/tissue_fitting.h"
#include "geometry/sweep.h"
#include "geometry/triangle_tree.h"

namespace legatlas::anatomy {

// A centre line cut `beforeEnd` metres (along it) before its end: the part kept, and the
// fraction of the whole length it is. A line shorter than that is cut at its start.
struct CutPath {
  std::vector<glm::vec3> kept;
  float fraction = 1.0f;
};
CutPath cutBeforeEnd(const std::vector<glm::vec3>& path, float beforeEnd);

// The cross-section of a profile at t in [0, 1], linear between its samples.
geometry::SweepSection sectionAt(const std::vector<CrossSection>& profile, float t);

// A profile (cross-sections at t in [0, 1]) of the part of a path up to `fraction`,
// stretched back over [0, 1].
std::vector<CrossSection> profileUpTo(const std::vector<CrossSection>& profile, float fraction);

// A slip's centre line from where the tendon divides to where the slip inserts, laid over
// what is placed (it runs over the metatarsals, not through them) `clearance` clear.
std::vector<glm::vec3> slipCourse(const glm::vec3& divides, const glm::vec3& inserts, const PlacedTissues& placed,
                                  float clearance);

// The bones a tendon lies on where it crosses the foot, below `top` (model +Y): there the
// description's points (carried from another foot) can lie a centimetre off the bones.
struct FootBed {
  const geometry::TriangleTree* bones = nullptr;
  float top = 0.0f;
};

// Lays the inner points of a course below the bed's top onto the bones, `clearance` out
// from them, blending in over 2 cm above the top; smoothed so that it runs along them
// rather than from bone to bone. The ends stay where they are.
void layOnFoot(std::vector<glm::vec3>& course, const FootBed& bed, float clearance);

}  // namespace legatlas::anatomy
