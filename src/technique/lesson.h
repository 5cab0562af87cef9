#pragma once
// A lesson as an instructor writes it (docs/lessons.md): what to do where, in order. It
// names tissues, regions and landmarks; it never gives a direction, which the stroke
// planner takes from the anatomy.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "technique/catalogue.h"

namespace legatlas::technique {

struct Target {
  enum class Kind { Tissue, Tissues, Region, Compartment, Nodes } kind = Kind::Region;
  std::vector<std::string> ids;  // one, except for Tissues
};

struct PathSpec {
  enum class Kind { Default, FollowLymphFlow, AlongFibres, At, Route } kind = Kind::Default;
  std::string at;              // At: a landmark or lymph node id
  std::string from, to, over;  // Route: landmark ids and a side ("anterior", "anteromedial", ...)
};

struct LessonStep {
  const Technique* technique = nullptr;
  Target target;
  PathSpec path;
  int passes = 1;
  std::optional<float> durationSeconds;  // of one pass
  Pressure pressure = Pressure::Light;
  std::string caption;
  // Where each field was written ("technique", "target", "path", ...), for messages.
  std::map<std::string, int> lines;
  int line = 0;  // the step itself

  int lineOf(const std::string& field) const;
};

struct Lesson {
  std::string id;    // the file name without its extension
  std::string file;  // as given
  std::string title, condition, goal;
  std::vector<std::string> safety;
  std::vector<LessonStep> steps;
};

// Reads a lesson. Throws InputError naming the file, "line N, field" and the fix.
Lesson parseLesson(const std::string& text, const std::string& fileName);
Lesson loadLesson(const std::string& path);

// The place of a step's field in an error message: "line 14, steps[2].target".
std::string placeOf(const LessonStep& step, int index, const std::string& field);

}  // namespace legatlas::technique
