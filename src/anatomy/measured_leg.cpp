#include "anatomy/measured_leg.h"

#include "core/error.h"
#include "geometry/mesh_pack.h"

namespace legatlas::anatomy {

MeasuredLeg loadMeasuredLeg(const Description& described, const std::string& packPath) {
  MeasuredLeg leg;
  leg.packPath = packPath;
  for (geometry::NamedSurface& s : geometry::loadMeshPack(packPath)) leg.surfaces[s.name] = std::move(s.mesh);
  try {
    leg.measured = measureLandmarks(leg.surfaces, described);
  } catch (const InputError&) {
    throw;
  } catch (const std::runtime_error& e) {  // e.g. cartilage that fixes no sphere
    throw InputError(packPath, "", std::string("the landmarks cannot be measured: ") + e.what(),
                     "import the subject again (README, Measured legs)");
  }
  const SegmentWarp warp = fitSegmentWarp(described, leg.measured, packPath);
  leg.registered = registerDescription(described, leg.measured, warp);
  return leg;
}

std::string howFound(const MeasuredLeg& leg, const std::string& landmarkId) {
  for (const MeasuredLandmark& m : leg.measured) {
    if (m.landmark.id == landmarkId) return m.measure;
  }
  return "carried from the described leg";
}

}  // namespace legatlas::anatomy
