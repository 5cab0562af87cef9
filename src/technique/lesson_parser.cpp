// Reading lesson files (YAML, through yaml-cpp, which keeps the line of every value so
// that a mistake can be pointed at).
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "technique/lesson.h"

namespace legatlas::technique {
namespace {

constexpr int kMostPasses = 100;
// A class lesson has a dozen steps; this many keeps planning a lesson to seconds.
constexpr size_t kMostSteps = 200;
// Longer than any caption the viewer can show, and with the limits on steps and notes it
// bounds what YAML aliases can multiply: a lesson can never hold more than a few MB.
constexpr size_t kLongestText = 2000;
constexpr size_t kMostNotes = 50;
constexpr float kLongestPassSeconds = 3600.0f;

const std::vector<std::string> kLessonFields{"title", "condition", "goal", "safety", "session_minutes", "steps"};
const std::vector<std::string> kStepFields{"technique", "target",   "path",      "passes",    "duration_s",     "pressure",
                                           "caption",   "position", "sequence",  "draping",   "watch_for",      "session_minutes"};
constexpr float kLongestSessionMinutes = 240.0f;
const std::vector<std::string> kTargetKinds{"tissue", "tissues", "region", "compartment", "nodes"};
const std::vector<std::string> kPathFields{"follow", "along", "at", "from", "to", "over"};

int lineOf(const YAML::Node& node) { return node.Mark().line + 1; }

// Errors of one lesson file, each at a line and a field.
class LessonReader {
 public:
  explicit LessonReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& field, const std::string& reason,
                         const std::string& fix) const {
    fail(at.IsDefined() ? lineOf(at) : 0, field, reason, fix);
  }
  [[noreturn]] void fail(int line, const std::string& field, const std::string& reason, const std::string& fix) const {
    std::string place = line > 0 ? "line " + std::to_string(line) : "";
    if (!field.empty()) place += (place.empty() ? "" : ", ") + field;
    throw InputError(file_, place, reason, fix);
  }

  Lesson read(const YAML::Node& root) {
    if (!root.IsMap()) fail(root, "", "a lesson must be a set of fields (title, condition, goal, safety, steps)",
                            "start from an example in docs/lessons.md");
    rejectUnknownFields(root, "", kLessonFields);
    Lesson lesson;
    lesson.title = text(root, "title", "title");
    lesson.condition = text(root, "condition", "condition");
    lesson.goal = text(root, "goal", "goal");
    lesson.safety = textList(root, "safety");
    if (root["session_minutes"].IsDefined()) lesson.sessionMinutes = minutes(root["session_minutes"], "session_minutes");
    const YAML::Node steps = required(root, "steps", "steps");
    if (!steps.IsSequence() || steps.size() == 0)
      fail(steps, "steps", "steps must be a list with at least one step", "write each step as a '- technique: ...' item");
    if (steps.size() > kMostSteps)
      fail(steps, "steps", "a lesson holds at most " + std::to_string(kMostSteps) + " steps, and this one has " + std::to_string(steps.size()),
           "split it into several lessons");
    for (size_t i = 0; i < steps.size(); ++i) lesson.steps.push_back(step(steps[i], "steps[" + std::to_string(i) + "]"));
    return lesson;
  }

 private:
  YAML::Node required(const YAML::Node& map, const std::string& key, const std::string& field) const {
    const YAML::Node value = map[key];
    if (!value.IsDefined() || value.IsNull())
      fail(map, field, "the field '" + key + "' is missing", "add '" + key + ":' here (see docs/lessons.md)");
    return value;
  }

  std::string scalar(const YAML::Node& value, const std::string& field, const std::string& what) const {
    if (!value.IsScalar()) fail(value, field, field + " must be " + what, "write it on one line after the colon");
    if (value.Scalar().size() > kLongestText)
      fail(value, field, field + " is " + std::to_string(value.Scalar().size()) + " characters long, more than the " +
                             std::to_string(kLongestText) + " a lesson's text may have",
           "shorten it, or split it between steps");
    return value.Scalar();
  }

  std::string text(const YAML::Node& map, const std::string& key, const std::string& field) const {
    std::string value = scalar(required(map, key, field), field, "text");
    if (value.find_first_not_of(" \t") == std::string::npos)
      fail(map[key], field, field + " is empty", "write a few words");
    return value;
  }

  std::vector<std::string> textList(const YAML::Node& map, const std::string& key) const {
    const YAML::Node list = required(map, key, key);
    if (!list.IsSequence() || list.size() == 0)
      fail(list, key, key + " must be a list of notes", "write each note on its own line starting with '- '");
    if (list.size() > kMostNotes)
      fail(list, key, key + " has " + std::to_string(list.size()) + " notes, more than the " + std::to_string(kMostNotes) + " a lesson may list",
           "keep the notes that matter for this lesson");
    std::vector<std::string> out;
    for (size_t i = 0; i < list.size(); ++i)
      out.push_back(scalar(list[i], key + "[" + std::to_string(i) + "]", "text"));
    return out;
  }

  void rejectUnknownFields(const YAML::Node& map, const std::string& prefix,
                           const std::vector<std::string>& known) const {
    for (const auto& item : map) {
      const std::string key = item.first.IsScalar() ? item.first.Scalar() : "?";
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      const std::string near = nearestName(key, known);
      fail(item.first, prefix + (prefix.empty() ? "" : ".") + key, "unknown field '" + key + "'",
           near.empty() ? "the fields here are " + joinAsChoices(known) : "did you mean '" + near + "'?");
    }
  }

  LessonStep step(const YAML::Node& node, const std::string& field) {
    if (!node.IsMap()) fail(node, field, "a step must be a set of fields", "write '- technique: ...' and the fields below it");
    rejectUnknownFields(node, field, kStepFields);
    LessonStep s;
    s.line = lineOf(node);
    for (const auto& item : node) s.lines[item.first.Scalar()] = lineOf(item.first);
    s.technique = technique(required(node, "technique", field + ".technique"), field + ".technique");
    s.target = target(required(node, "target", field + ".target"), field + ".target");
    if (node["path"].IsDefined()) s.path = path(node["path"], field + ".path");
    s.passes = s.technique->repetitions;
    if (node["passes"].IsDefined()) s.passes = passes(node["passes"], field + ".passes");
    if (node["duration_s"].IsDefined()) s.durationSeconds = duration(node["duration_s"], field + ".duration_s");
    s.pressure = s.technique->pressure;
    if (node["pressure"].IsDefined()) s.pressure = pressure(node["pressure"], field + ".pressure");
    s.caption = text(node, "caption", field + ".caption");
    if (node["position"].IsDefined()) s.position = position(node["position"], field + ".position");
    if (node["sequence"].IsDefined()) s.sequence = sequence(node["sequence"], field + ".sequence");
    if (node["draping"].IsDefined()) s.draping = text(node, "draping", field + ".draping");
    if (node["watch_for"].IsDefined()) s.watchFor = text(node, "watch_for", field + ".watch_for");
    if (node["session_minutes"].IsDefined()) s.sessionMinutes = minutes(node["session_minutes"], field + ".session_minutes");
    return s;
  }

  const Technique* technique(const YAML::Node& value, const std::string& field) const {
    const std::string id = scalar(value, field, "a technique id");
    if (const Technique* t = findTechnique(id)) return t;
    std::vector<std::string> ids;
    for (const Technique& t : catalogue()) ids.emplace_back(t.id);
    const std::string near = nearestName(id, ids);
    fail(value, field, "unknown technique '" + id + "'",
         near.empty() ? "use one of " + joinAsChoices(ids) : "did you mean '" + near + "'?");
  }

  Target target(const YAML::Node& value, const std::string& field) const {
    if (!value.IsMap() || value.size() != 1)
      fail(value, field, "a target names exactly one of " + joinAsChoices(kTargetKinds),
           "write e.g. 'target: {tissue: tibialis_anterior}' or 'target: {region: leg_anterior}'");
    rejectUnknownFields(value, field, kTargetKinds);
    const auto item = *value.begin();
    const std::string kind = item.first.Scalar();
    Target t;
    t.kind = kind == "tissue"        ? Target::Kind::Tissue
             : kind == "tissues"     ? Target::Kind::Tissues
             : kind == "region"      ? Target::Kind::Region
             : kind == "compartment" ? Target::Kind::Compartment
                                     : Target::Kind::Nodes;
    if (t.kind == Target::Kind::Tissues) {
      if (!item.second.IsSequence() || item.second.size() == 0)
        fail(item.second, field + ".tissues", "tissues must be a list of tissue ids", "write e.g. [soleus, plantaris]");
      std::set<std::string> named;
      for (size_t i = 0; i < item.second.size(); ++i) {
        const std::string place = field + ".tissues[" + std::to_string(i) + "]";
        t.ids.push_back(scalar(item.second[i], place, "a tissue id"));
        // Each tissue is worked once a step; a repeat is a slip, and a thousand of them
        // (a few bytes each with an alias) would plan for seconds.
        if (!named.insert(t.ids.back()).second)
          fail(item.second[i], place, "'" + t.ids.back() + "' is already in this list", "name each tissue once");
      }
    } else {
      t.ids.push_back(scalar(item.second, field + "." + kind, "an id"));
    }
    return t;
  }

  PathSpec path(const YAML::Node& value, const std::string& field) const {
    if (!value.IsMap())
      fail(value, field, "a path is a set of fields", "write e.g. 'path: {along: fibres}' or 'path: {at: medial_malleolus}'");
    rejectUnknownFields(value, field, kPathFields);
    PathSpec p;
    const auto has = [&](const char* key) { return value[key].IsDefined(); };
    const int kinds = has("follow") + has("along") + has("at") + (has("from") || has("to"));
    if (kinds != 1)
      fail(value, field, "a path is one of 'follow: lymph_flow', 'along: fibres', 'at: ID' or 'from: ID, to: ID'",
           "keep only one of them");
    if (has("follow")) {
      if (scalar(value["follow"], field + ".follow", "lymph_flow") != "lymph_flow")
        fail(value["follow"], field + ".follow", "only the lymph flow can be followed", "write 'follow: lymph_flow'");
      p.kind = PathSpec::Kind::FollowLymphFlow;
    } else if (has("along")) {
      if (scalar(value["along"], field + ".along", "fibres") != "fibres")
        fail(value["along"], field + ".along", "a stroke goes along the fibres", "write 'along: fibres'");
      p.kind = PathSpec::Kind::AlongFibres;
    } else if (has("at")) {
      p.kind = PathSpec::Kind::At;
      p.at = scalar(value["at"], field + ".at", "a landmark or lymph node id");
    } else {
      if (!has("from") || !has("to"))
        fail(value, field, "a route needs both 'from' and 'to'", "name the landmark where it starts and where it ends");
      p.kind = PathSpec::Kind::Route;
      p.from = scalar(value["from"], field + ".from", "a landmark id");
      p.to = scalar(value["to"], field + ".to", "a landmark id");
      if (has("over")) p.over = scalar(value["over"], field + ".over", "a side");
    }
    if (p.kind == PathSpec::Kind::AlongFibres && has("over")) p.over = scalar(value["over"], field + ".over", "a side");
    if (p.kind != PathSpec::Kind::Route && p.kind != PathSpec::Kind::AlongFibres && has("over"))
      fail(value["over"], field + ".over", "'over' goes with a from/to route or with 'along: fibres'", "remove it");
    return p;
  }

  int passes(const YAML::Node& value, const std::string& field) const {
    const std::string s = scalar(value, field, "a whole number");
    int n = 0;
    try {
      n = value.as<int>();
    } catch (const YAML::Exception&) {
      fail(value, field, "passes must be a whole number, not '" + s + "'", "write e.g. 'passes: 3'");
    }
    if (n < 1 || n > kMostPasses)
      fail(value, field, "passes must be between 1 and " + std::to_string(kMostPasses), "write e.g. 'passes: 3'");
    return n;
  }

  float duration(const YAML::Node& value, const std::string& field) const {
    const std::string s = scalar(value, field, "a number of seconds");
    float seconds = 0;
    try {
      seconds = value.as<float>();
    } catch (const YAML::Exception&) {
      fail(value, field, "duration_s must be a number of seconds, not '" + s + "'", "write e.g. 'duration_s: 4'");
    }
    if (!std::isfinite(seconds) || seconds <= 0 || seconds > kLongestPassSeconds)
      fail(value, field, "duration_s must be more than 0 and at most an hour", "write the seconds one pass takes");
    return seconds;
  }

  ClientPosition position(const YAML::Node& value, const std::string& field) const {
    const std::string id = scalar(value, field, "a position");
    if (auto p = clientPositionFromId(id)) return *p;
    const std::vector<std::string> ids{"supine", "prone", "side_lying"};
    const std::string near = nearestName(id, ids);
    fail(value, field, "unknown position '" + id + "'", near.empty() ? "use " + joinAsChoices(ids) : "did you mean '" + near + "'?");
  }

  // "ankle_to_knee": two stops of the limb, different ones.
  PassSequence sequence(const YAML::Node& value, const std::string& field) const {
    const std::string words = scalar(value, field, "a sequence such as ankle_to_knee");
    const auto stops = sequenceStops();
    const size_t to = words.find("_to_");
    const auto known = [&](const std::string& w) { return std::find(stops.begin(), stops.end(), w) != stops.end(); };
    if (to == std::string::npos || !known(words.substr(0, to)) || !known(words.substr(to + 4)) ||
        words.substr(0, to) == words.substr(to + 4))
      fail(value, field, "'" + words + "' is not a sequence", "write FROM_to_TO with two of " + joinAsChoices(stops) + ", e.g. ankle_to_knee");
    return {words.substr(0, to), words.substr(to + 4)};
  }

  float minutes(const YAML::Node& value, const std::string& field) const {
    const std::string s = scalar(value, field, "a number of minutes");
    float m = 0;
    try {
      m = value.as<float>();
    } catch (const YAML::Exception&) {
      fail(value, field, "session_minutes must be a number of minutes, not '" + s + "'", "write e.g. 'session_minutes: 5'");
    }
    if (!std::isfinite(m) || m <= 0 || m > kLongestSessionMinutes)
      fail(value, field, "session_minutes must be more than 0 and at most " + std::to_string(int(kLongestSessionMinutes)),
           "write how many minutes it takes in a real session");
    return m;
  }

  Pressure pressure(const YAML::Node& value, const std::string& field) const {
    const std::string id = scalar(value, field, "a pressure");
    if (auto p = pressureFromId(id)) return *p;
    std::vector<std::string> ids;
    for (Pressure p : {Pressure::VeryLight, Pressure::Light, Pressure::Moderate, Pressure::Firm, Pressure::Deep})
      ids.emplace_back(pressureId(p));
    const std::string near = nearestName(id, ids);
    fail(value, field, "unknown pressure '" + id + "'",
         near.empty() ? "use " + joinAsChoices(ids) : "did you mean '" + near + "'?");
  }

  std::string file_;
};

}  // namespace

std::string_view clientPositionId(ClientPosition position) {
  switch (position) {
    case ClientPosition::Supine: return "supine";
    case ClientPosition::Prone: return "prone";
    case ClientPosition::SideLying: return "side_lying";
  }
  return "supine";
}

std::optional<ClientPosition> clientPositionFromId(std::string_view id) {
  for (ClientPosition p : {ClientPosition::Supine, ClientPosition::Prone, ClientPosition::SideLying})
    if (clientPositionId(p) == id) return p;
  return std::nullopt;
}

const std::vector<std::string>& sequenceStops() {
  static const std::vector<std::string> kStops{"toes", "ankle", "knee", "groin"};
  return kStops;
}

int LessonStep::lineOf(const std::string& field) const {
  const auto found = lines.find(field);
  return found != lines.end() ? found->second : line;
}

std::string placeOf(const LessonStep& step, int index, const std::string& field) {
  const int line = step.lineOf(field);
  std::string place = line > 0 ? "line " + std::to_string(line) + ", " : "";
  return place + "steps[" + std::to_string(index) + "]" + (field.empty() ? "" : "." + field);
}

Lesson parseLesson(const std::string& text, const std::string& fileName) {
  Lesson lesson;
  try {
    lesson = LessonReader(fileName).read(YAML::Load(text));
  } catch (const YAML::DeepRecursion& e) {
    throw InputError(fileName, "line " + std::to_string(e.mark.line + 1), "lists or sets are nested too deeply",
                     "a lesson needs only a few levels: see docs/lessons.md");
  } catch (const YAML::Exception& e) {
    const std::string place = e.mark.is_null() ? "" : "line " + std::to_string(e.mark.line + 1);
    throw InputError(fileName, place, "not readable as YAML: " + e.msg, "check the indentation and the colons there");
  }
  lesson.file = fileName;
  lesson.id = std::filesystem::path(fileName).stem().string();
  return lesson;
}

Lesson loadLesson(const std::string& path) { return parseLesson(readFile(path), path); }

}  // namespace legatlas::technique
