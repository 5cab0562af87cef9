#pragma once
// Landmarks measured on one subject's own bones (the measured legs, assets/legs/): each
// found by a rule a therapist would recognise — the most medial point of the tibia's
// lowest few centimetres is the medial malleolus, the most posterior point of the
// calcaneus the heel. A rule whose bone the subject lacks (the male has no tibia, neither
// subject a femur or pelvis) is skipped: those landmarks are registered from the
// described leg instead (leg_registration.h).
#include <map>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "geometry/mesh.h"

namespace legatlas::anatomy {

// A subject's surfaces by name ("bone/tibia", "muscle/soleus", "cartilage/femur_head").
using MeasuredSurfaces = std::map<std::string, geometry::Mesh>;

struct MeasuredLandmark {
  Landmark landmark;    // id as in landmarks.json, position in the model frame
  std::string measure;  // how it was found, in words, e.g. "most medial point of bone/tibia's lowest 6 cm"
};

// `described` gives names, notes and the heights of landmarks measured at a fraction of a
// segment (the tibial crest).
std::vector<MeasuredLandmark> measureLandmarks(const MeasuredSurfaces& surfaces, const Description& described);

}  // namespace legatlas::anatomy
