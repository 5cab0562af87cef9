#pragma once
#include "app/options.h"

namespace legatlas::app {

// `legatlas landmarks`: every landmark of the anatomical description, in the model frame.
int runLandmarks(const InspectOptions& options);

}  // namespace legatlas::app
