#pragma once
// The leg the build generates, loaded once per test process, with what strokes are
// planned on.
#include <memory>
#include <string>
#include <vector>

#include "teaching/leg.h"
#include "technique/lesson.h"

namespace legatlas::testing {

const teaching::Leg& builtLeg();
std::string lessonPath(const std::string& name);
// The names of every lesson in assets/lessons, sorted.
std::vector<std::string> builtInLessons();
// A lesson from YAML text, as if read from "test.yaml".
technique::Lesson lessonFrom(const std::string& steps);

}  // namespace legatlas::testing
