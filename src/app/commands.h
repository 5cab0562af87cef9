#pragma once
#include <chrono>

#include "app/options.h"

namespace legatlas::app {

// Each returns the process exit code; errors are printed to stderr.
int runRender(const RenderOptions& options);
int runBench(const BenchOptions& options, std::chrono::steady_clock::time_point processStart);

}  // namespace legatlas::app
