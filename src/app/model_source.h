#pragma once
// Resolving and loading the model and tissue map the user named.
#include <optional>

#include "anatomy/description.h"
#include "anatomy/tissue_map.h"
#include "app/options.h"
#include "scene/scene.h"
#include "teaching/leg.h"

namespace legatlas::app {

// The tissue map the user named, else the one beside the model, if there is one.
// Throws InputError naming the file.
std::optional<anatomy::TissueMap> loadTissueMap(const ModelOptions& options);

// Loads the model with its tissue map. Throws InputError naming the file.
scene::Scene loadScene(const ModelOptions& options);
// The anatomical description of the leg the options name: the described leg's, or for a
// measured built-in leg (--leg female|male) the description carried onto that subject.
anatomy::Description loadLegDescription(const ModelOptions& model, const std::string& anatomyDir = {});
bool isMeasuredLeg(const std::string& leg);
// The leg the options name, whole: its scene, its description (from `anatomyDir`, or the
// built-in one) and the queries strokes are planned with. Throws InputError naming the file.
teaching::Leg loadLeg(const ModelOptions& model, const std::string& anatomyDir = {});

// Loads the model with a tissue map already read (or none).
scene::Scene loadScene(const ModelOptions& options, const anatomy::TissueMap* map);

}  // namespace legatlas::app
