#pragma once
// A planned stroke: the path of the contact point on the skin, in the model frame, with
// the time at each sample, split into the working phase and the return.
#include <glm/vec3.hpp>
#include <string>
#include <vector>

#include "technique/catalogue.h"
#include "technique/lesson.h"

namespace legatlas::technique {

struct StrokeSample {
  glm::vec3 position{0.0f};  // on the skin (or lifted off it during a return)
  glm::vec3 normal{0.0f};    // the skin's outward normal there
  float time = 0;            // seconds from the start of the lesson
  int beneath = -1;          // tissue index under the contact, for techniques that reach muscle
};

struct Stroke {
  int step = 0;  // index of the lesson step
  int pass = 0;  // 0-based
  const Technique* technique = nullptr;
  Pressure pressure = Pressure::Light;
  int tissue = -1;     // the tissue worked on (scene tissue index), -1 when none
  std::string region;  // the region worked on, when the step targets one
  ClientPosition position = ClientPosition::Supine;  // the client's, on the table
  std::vector<StrokeSample> working, back;

  float start() const { return working.empty() ? 0.0f : working.front().time; }
  float end() const { return back.empty() ? (working.empty() ? 0.0f : working.back().time) : back.back().time; }
  float workingLength() const;
};

}  // namespace legatlas::technique
