#pragma once
// A measured leg: one subject's surfaces (assets/legs/<subject>.pack), the landmarks
// measured on them, and the described leg carried onto the subject (leg_registration.h).
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "anatomy/leg_registration.h"
#include "anatomy/measured_landmarks.h"

namespace legatlas::anatomy {

struct MeasuredLeg {
  std::string packPath;
  MeasuredSurfaces surfaces;
  std::vector<MeasuredLandmark> measured;
  Description registered;  // the description on the subject
};

// Throws InputError naming the pack when it cannot be read or lacks what places the leg.
MeasuredLeg loadMeasuredLeg(const Description& described, const std::string& packPath);

// How a landmark of the leg was found: the measuring rule, or "carried from the described leg".
std::string howFound(const MeasuredLeg& leg, const std::string& landmarkId);

}  // namespace legatlas::anatomy
