#include "layered_limb.h"

#include <filesystem>
#include <fstream>

#include "geometry/glb_writer.h"
#include "geometry/primitives.h"

namespace legatlas::testing {

LayeredLimb makeLayeredLimb(int detail) {
  const int rings = 16 * detail, segments = 24 * detail;
  LayeredLimb limb;
  // Proportions of a thigh, metres; the limb axis is +Y, centred at the origin.
  limb.bone = geometry::makeCylinder({0, -0.2f, 0}, 0.015f, 0.4f, 12 * detail);
  limb.muscleAnterior = geometry::makeEllipsoid({0, 0, 0.035f}, {0.03f, 0.17f, 0.02f}, rings, segments);
  limb.muscleLateral = geometry::makeEllipsoid({0.035f, 0, 0}, {0.02f, 0.17f, 0.03f}, rings, segments);
  limb.musclePosterior = geometry::makeEllipsoid({0, 0, -0.035f}, {0.03f, 0.17f, 0.02f}, rings, segments);
  limb.muscleMedial = geometry::makeEllipsoid({-0.035f, 0, 0}, {0.02f, 0.17f, 0.03f}, rings, segments);
  limb.skin = geometry::makeEllipsoid({0, 0, 0}, {0.065f, 0.22f, 0.065f}, rings * 2, segments * 2);
  limb.nodeA = geometry::makeEllipsoid({-0.02f, 0.05f, 0.055f}, {0.004f, 0.007f, 0.003f}, 8, 12);
  limb.nodeB = geometry::makeEllipsoid({0.0f, -0.1f, -0.05f}, {0.004f, 0.005f, 0.003f}, 8, 12);
  return limb;
}

void writeLayeredLimb(const LayeredLimb& limb, const std::string& glbPath) {
  geometry::writeGlb(glbPath, {{"Bone_Shaft", &limb.bone},
                               {"Muscle_Anterior", &limb.muscleAnterior},
                               {"Muscle_Lateral", &limb.muscleLateral},
                               {"Muscle_Posterior", &limb.musclePosterior},
                               {"Muscle_Medial", &limb.muscleMedial},
                               {"Skin", &limb.skin},
                               {"Node_Anterior", &limb.nodeA},
                               {"Node_Posterior", &limb.nodeB}});
  std::filesystem::path mapPath(glbPath);
  mapPath.replace_extension(".tissues.json");
  std::ofstream(mapPath) << R"({
  "tissues": [
    {"match": "Skin", "id": "skin", "name": "Skin", "layer": "skin"},
    {"match": "Bone_*", "id": "bone", "name": "Bone shaft", "layer": "bones",
     "facts": {"Note": "test bone"}},
    {"match": "Muscle_Anterior", "id": "anterior_muscle", "name": "Anterior muscle", "layer": "superficial_muscles",
     "facts": {"Action": "extends the test knee", "Origin": "top", "Insertion": "bottom"}},
    {"match": ["Muscle_Lateral", "Muscle_Medial"], "id": "side_muscles", "name": "Side muscles", "layer": "deep_muscles"},
    {"match": "Muscle_*", "id": "posterior_muscle", "name": "Posterior muscle", "layer": "superficial_muscles"},
    {"match": "Node_*", "id": "node", "name": "Lymph node", "layer": "lymph"}
  ]
}
)";
}

}  // namespace legatlas::testing
