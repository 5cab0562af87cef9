#pragma once
#include "app/options.h"

namespace legatlas::app {

struct ModelInfoOptions {
  teaching::LegSource model;
  bool json = false;
};

// `legatlas landmarks`: every landmark of the anatomical description, in the model frame.
int runLandmarks(const InspectOptions& options);
// `legatlas model-info`: every tissue of a model (triangles, bounding box) with the
// anatomy its tissue map carries (attachments, vessel paths and where lymph flows).
int runModelInfo(const ModelInfoOptions& options);
// `legatlas build-model`: generates the leg's meshes from the description into a GLB.
// `leg`: empty for the described leg, or "female" / "male" for a measured one.
int runBuildModel(const std::string& anatomyDir, const std::string& leg, const std::string& outPath);

}  // namespace legatlas::app
