#pragma once
// The leg the build generates, loaded once per test process, with what strokes are
// planned on.
#include <memory>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "scene/scene.h"
#include "technique/leg_model.h"
#include "technique/lesson.h"

namespace legatlas::testing {

struct BuiltLeg {
  anatomy::Description description;
  scene::Scene scene;
  std::unique_ptr<technique::LegModel> model;
};

const BuiltLeg& builtLeg();
std::string lessonPath(const std::string& name);
// The names of every lesson in assets/lessons, sorted.
std::vector<std::string> builtInLessons();
// A lesson from YAML text, as if read from "test.yaml".
technique::Lesson lessonFrom(const std::string& steps);

}  // namespace legatlas::testing
