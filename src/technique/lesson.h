#pragma once
// A lesson as an instructor writes it (docs/lessons.md): what to do where, in order. It
// names tissues, regions and landmarks; it never gives a direction, which the stroke
// planner takes from the anatomy.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "technique/catalogue.h"

namespace legatlas::technique {

struct Target {
  enum class Kind { Tissue, Tissues, Region, Compartment, Nodes } kind = Kind::Region;
  std::vector<std::string> ids;  // one, except for Tissues
};

struct PathSpec {
  // AlongTarget is never written in a file: it is what gliding does when no path is given.
  enum class Kind { Default, FollowLymphFlow, AlongFibres, AlongTarget, At, Route } kind = Kind::Default;
  std::string at;              // At: a landmark or lymph node id
  std::string from, to, over;  // Route: landmark ids and a side ("anterior", "anteromedial", ...);
                               // AlongFibres: the side of the limb to work the muscle from
};

// The client on the table.
enum class ClientPosition { Supine, Prone, SideLying };

// Where successive passes are placed: from one part of the limb toward another.
struct PassSequence {
  std::string from, to;  // toes, ankle, knee or groin
};

struct LessonStep {
  const Technique* technique = nullptr;
  Target target;
  PathSpec path;
  int passes = 1;
  std::optional<float> durationSeconds;  // of one pass
  Pressure pressure = Pressure::Light;
  std::string caption;
  std::optional<ClientPosition> position;  // when not given, from the region worked on
  std::optional<PassSequence> sequence;
  std::string draping, watchFor;           // position, draping and consent; what to feel or watch for
  std::optional<float> sessionMinutes;     // how long the step takes in a real session
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
  std::optional<float> sessionMinutes;  // the real treatment's length
  std::vector<LessonStep> steps;
};

// Reads a lesson. Throws InputError naming the file, "line N, field" and the fix.
Lesson parseLesson(const std::string& text, const std::string& fileName);
Lesson loadLesson(const std::string& path);

std::string_view clientPositionId(ClientPosition position);
std::optional<ClientPosition> clientPositionFromId(std::string_view id);
// The words a sequence may use, in order from the foot up.
const std::vector<std::string>& sequenceStops();

// The place of a step's field in an error message: "line 14, steps[2].target".
std::string placeOf(const LessonStep& step, int index, const std::string& field);

}  // namespace legatlas::technique
