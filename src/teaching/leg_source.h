#pragma once
// Where a leg comes from: a built-in leg (the measured female or male, or the described
// leg) or a model file the user named, with its tissue map; and loading it whole.
#include <optional>
#include <string>

#include "anatomy/description.h"
#include "anatomy/tissue_map.h"
#include "scene/scene.h"
#include "teaching/leg.h"

namespace legatlas::teaching {

struct LegSource {
  std::string modelPath;      // empty: the built-in leg
  std::string tissueMapPath;  // empty: the sibling "<model>.tissues.json", if any
  std::string leg;            // the built-in leg: "described", "female" or "male"; empty for the default
};

// A file under assets/, looked up beside the installed program or the source tree.
std::string assetPath(const std::string& relativePath);
// The built-in leg opened when none is named: "female", or "described" in a build without
// the measured legs.
std::string defaultLeg();
// The leg itself: `leg`, or the default one when it is empty.
std::string resolvedLeg(const std::string& leg);
// The built-in model of a leg: "described", "female" or "male"; empty for the default.
std::string builtInModelPath(const std::string& leg = {});
// The measured surfaces of the built-in measured leg "female" or "male".
std::string measuredLegPack(const std::string& leg);
bool isMeasuredLeg(const std::string& leg);

// The tissue map the user named, else the one beside the model, if there is one.
// Throws InputError naming the file.
std::optional<anatomy::TissueMap> loadTissueMap(const LegSource& source);
// Loads the model with its tissue map. Throws InputError naming the file.
scene::Scene loadScene(const LegSource& source);
// Loads the model with a tissue map already read (or none).
scene::Scene loadScene(const LegSource& source, const anatomy::TissueMap* map);
// The anatomical description in `anatomyDir`, or the built-in one when it is empty.
anatomy::Description loadDescription(const std::string& anatomyDir);
// The anatomical description of the leg: the described leg's, or for a measured built-in
// leg (female or male) the description carried onto that subject.
anatomy::Description loadLegDescription(const LegSource& source, const std::string& anatomyDir = {});
// The leg, whole: its scene, its description (from `anatomyDir`, or the built-in one) and
// the queries strokes are planned with. Throws InputError naming the file.
Leg loadLeg(const LegSource& source, const std::string& anatomyDir = {});

}  // namespace legatlas::teaching
