#pragma once
// `legatlas simulate`: a lesson's strokes played on a swelling, step by step.
#include <string>

#include "teaching/edema_lesson.h"
#include "teaching/leg_source.h"

namespace legatlas::app {

struct SimulateOptions {
  teaching::LegSource model;
  std::string anatomyDir;
  std::string lesson;     // a built-in lesson's name, or a file
  std::string condition;  // a built-in condition's id, or a file; empty: the default
  bool reverse = false;
  std::string order;  // "proximal-first", "distal-first", or empty: as written
  bool json = false;
};

int runSimulate(const SimulateOptions& options);

}  // namespace legatlas::app
