#pragma once
// `legatlas soak`: plays every built-in lesson in a loop, headless, for many frames,
// watching resident memory and the number of live GL objects for leaks.
#include "app/options.h"

namespace legatlas::app {

struct SoakOptions {
  teaching::LegSource model;
  long frames = 100000;
  int width = 320, height = 240;
  int reportEvery = 1000;
};

// Exits 1 when memory grew more than 1 % after warm-up or GL objects were not flat.
int runSoak(const SoakOptions& options);

}  // namespace legatlas::app
