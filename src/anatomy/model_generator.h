#pragma once
// Turns the anatomical description into meshes, one per tissue, with the tissue map that
// names them: bones, muscles, tendons, lymph nodes and vessels, veins and the skin.
#include <optional>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "anatomy/measured_landmarks.h"
#include "anatomy/tissue_map.h"
#include "geometry/mesh.h"

namespace legatlas::anatomy {

struct GeneratedTissue {
  TissueEntry entry;  // id, display name, layer, facts; the mesh is named after entry.id
  geometry::Mesh mesh;
  geometry::Mesh coarse;  // the coarse level of detail, written as "<id>.lod1"
  bool measured = false;  // its surface (a belly, a bone) is a measured one
  // Per triangle of mesh and of coarse, whether it is tendon (empty: none is): a muscle's
  // tendons are written apart, as "<id>.tendon", so that they are drawn as tendon.
  std::vector<bool> tendonFaces, coarseTendonFaces;
};

struct GeneratedModel {
  std::vector<GeneratedTissue> tissues;
};

// A measured leg's surfaces, for the bones and muscles of the description that name them.
struct MeasuredSource {
  const MeasuredSurfaces* surfaces = nullptr;
  std::string credit;  // said in each measured tissue's facts, e.g. "Visible Human Female"
};

// With `measured`, the description should be the one carried onto the subject
// (leg_registration.h): bones and muscles with a measured surface take it, the rest is
// generated around them as for the described leg.
GeneratedModel generateModel(const Description& description, const MeasuredSource& measured = {});

// Writes `<path>` (GLB) and `<path stem>.tissues.json` beside it.
void writeGeneratedModel(const GeneratedModel& model, const std::string& glbPath);

}  // namespace legatlas::anatomy
