#pragma once
// Resolving and loading the model and tissue map the user named.
#include "app/options.h"
#include "scene/scene.h"

namespace legatlas::app {

// Loads the model with its tissue map. Throws InputError naming the file.
scene::Scene loadScene(const ModelOptions& options);

}  // namespace legatlas::app
