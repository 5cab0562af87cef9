#pragma once
#include "app/options.h"

namespace legatlas::app {

// `legatlas landmarks`: every landmark of the anatomical description, in the model frame.
int runLandmarks(const InspectOptions& options);
// `legatlas build-model`: generates the leg's meshes from the description into a GLB.
int runBuildModel(const std::string& anatomyDir, const std::string& outPath);

}  // namespace legatlas::app
