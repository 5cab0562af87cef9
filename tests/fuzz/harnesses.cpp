#include "harnesses.h"

#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_set>
#include <utility>

#include "anatomy/description.h"
#include "anatomy/description_files.h"
#include "anatomy/tissue_map.h"
#include "core/error.h"
#include "core/text.h"
#include "scene/model_loader.h"
#include "simulation/condition.h"
#include "technique/catalogue.h"
#include "technique/leg_model.h"
#include "teaching/leg.h"
#include "technique/lesson.h"
#include "technique/practice_scorer.h"
#include "technique/rule_checker.h"
#include "technique/stroke_planner.h"

namespace legatlas::fuzz {

namespace {

std::unique_ptr<teaching::Leg> readBuiltInLeg() {
  const char* fromEnvironment = std::getenv("LEGATLAS_LEG");
  const std::string glb = fromEnvironment ? fromEnvironment : LEGATLAS_FUZZ_LEG;
  const auto mapPath = scene::siblingTissueMapPath(glb);
  if (!mapPath) throw InputError(glb, "", "has no tissue map beside it", "build the leg with make build");
  const auto map = anatomy::TissueMap::load(*mapPath);
  return std::make_unique<teaching::Leg>(scene::loadModel(glb, &map), anatomy::loadDescription(LEGATLAS_SOURCE_DIR "/assets/anatomy"));
}

const technique::LegModel& builtInLeg() {
  static const std::unique_ptr<teaching::Leg> leg = [] {
    try {
      return readBuiltInLeg();
    } catch (const std::exception& e) {
      // Not a finding: the harness cannot start without the built leg.
      std::fprintf(stderr, "fuzz harness: %s\nbuild the leg first (make build), or set LEGATLAS_LEG\n", e.what());
      std::exit(2);
    }
  }();
  return leg->model();
}

// What planning and checking a lesson depend on: its steps without their words.
std::string plannedContent(const technique::Lesson& lesson) {
  std::ostringstream key;
  for (const technique::LessonStep& s : lesson.steps) {
    key << s.technique->id << '|' << int(s.target.kind) << '|';
    for (const std::string& id : s.target.ids) key << id << ',';
    key << '|' << int(s.path.kind) << s.path.at << ',' << s.path.from << ',' << s.path.to << ',' << s.path.over << '|'
        << s.passes << '|' << s.durationSeconds.value_or(-1) << '|' << int(s.pressure) << ';';
  }
  return key.str();
}

// Planning takes milliseconds and the checker's verdict depends only on what is planned,
// so a lesson that differs from one already checked only in its words (captions, safety
// notes, comments) is parsed but not planned again. The count is printed at exit.
struct PlannedLessons {
  std::unordered_set<std::string> seen;
  size_t planned = 0;
  ~PlannedLessons() {
    if (planned > 0) std::fprintf(stderr, "lessons planned and checked: %zu\n", planned);
  }
};
PlannedLessons plannedLessons;

const std::array<std::pair<const char*, const char*>, 8> kDescriptionFileKeys = {{
    {"landmarks.json", "\"landmarks\""}, {"bones.json", "\"bones\""},   {"muscles.json", "\"muscles\""},
    {"tendons.json", "\"tendons\""},     {"lymphatics.json", "\"nodes\""}, {"veins.json", "\"veins\""},
    {"regions.json", "\"regions\""},     {"skin_profile.json", "\"sections\""},
}};

// The description file an input stands for: the one whose top-level list key it names
// first, so that the seeds are description files as they are.
std::string descriptionFileFor(std::string_view text) {
  std::string file = kDescriptionFileKeys[0].first;
  size_t first = std::string_view::npos;
  for (const auto& [name, key] : kDescriptionFileKeys) {
    const size_t at = text.find(key);
    if (at < first) first = at, file = name;
  }
  return file;
}

// A scoring task per way a stroke's direction is judged: lymph flow, fibres, up the
// belly, circles over a node region, and deep work near an endangerment site.
constexpr std::array<std::pair<const char*, const char*>, 5> kScoringTasks = {{{"gliding", "leg_anterior"},
                                                                               {"thumb_stroke", "tibialis_anterior"},
                                                                               {"kneading", "gastrocnemius_medial_head"},
                                                                               {"mld_circles", "popliteal_fossa"},
                                                                               {"forearm_glide", "vastus_lateralis"}}};

// The extension a user would give a model file, from its first bytes: it decides which
// importer Assimp tries first and whether vertices are welded. A mutated signature then
// sends the bytes to another importer, as a misnamed file does.
const char* modelExtensionFor(std::string_view bytes) {
  if (bytes.starts_with("glTF")) return ".glb";
  if (bytes.starts_with("{")) return ".gltf";
  if (bytes.starts_with("Kaydara FBX Binary") || bytes.starts_with("; FBX")) return ".fbx";
  return ".obj";
}

std::string scratchModelPath(const char* extension) {
  const char* folder = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  return std::string(folder) + "/legatlas-model-fuzz-" + std::to_string(getpid()) + extension;
}

// The reader program is a separate process, so a sanitizer's report there would only look
// like an importer's crash here. In a sanitized build it is told to leave SIGSEGV to the
// system (Assimp's faults) and to abort on a report of its own (a finding).
bool reportFindingsOfTheReader() {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  const auto add = [](const char* variable, const char* more) {
    const char* given = std::getenv(variable);
    return ::setenv(variable, (std::string(given ? given : "") + more).c_str(), 1) == 0;
  };
  return add("ASAN_OPTIONS", ":handle_segv=0:handle_sigbus=0:abort_on_error=1") &&
         add("UBSAN_OPTIONS", ":abort_on_error=1:print_stacktrace=1");
#endif
#endif
  return false;
}

}  // namespace

void loadBuiltInLeg() { builtInLeg(); }

void feedLesson(std::string_view text) {
  try {
    const technique::Lesson lesson = technique::parseLesson(std::string(text), "fuzzed.yaml");
    if (plannedLessons.seen.size() > 200000) plannedLessons.seen.clear();
    if (!plannedLessons.seen.insert(plannedContent(lesson)).second) return;
    ++plannedLessons.planned;
    const technique::LegModel& leg = builtInLeg();
    technique::checkLesson(leg, lesson, technique::planLesson(lesson, leg));
  } catch (const InputError&) {
  }
}

void feedDescription(std::string_view text) {
  // The other files are the seeds themselves, a small but complete description, parsed
  // once: every input is then parsed and checked alone, then checked with the rest.
  static const std::string directory = LEGATLAS_SOURCE_DIR "/tests/fuzz/corpus/description";
  static std::map<std::string, OrderedJson> seeds;
  const std::string replaced = descriptionFileFor(text);
  OrderedJson input;
  const auto document = [&](const std::string& name, const std::string& path) -> const OrderedJson& {
    if (name == replaced) return input = parseJsonDocument(text, path);
    if (const auto seed = seeds.find(name); seed != seeds.end()) return seed->second;
    return seeds[name] = parseJsonDocument(readFile(path), path);
  };
  try {
    anatomy::parseDescription({directory, document});
  } catch (const InputError&) {
  }
}

void feedTissueMap(std::string_view text) {
  try {
    const auto map = anatomy::TissueMap::parse(text, "fuzzed.tissues.json");
    map.match("Skin", "skin_mesh");
    map.match("tibialis_anterior.001", "");
    map.match("", "Cube");
  } catch (const InputError&) {
  }
}

void feedCondition(std::string_view text) {
  static const simulation::SkinGraph skin = simulation::skinGraph(builtInLeg().scene());
  try {
    for (const simulation::Condition& c : simulation::parseConditions(std::string(text), "fuzzed.yaml"))
      simulation::startingSwelling(c, builtInLeg(), skin);
  } catch (const InputError&) {
  }
}

void feedStrokePath(std::string_view text) {
  // The length picks the task, so that the seeds are path files as they are.
  const auto& [techniqueId, target] = kScoringTasks[text.size() % kScoringTasks.size()];
  try {
    const auto path = technique::parseStrokePath(std::string(text), "fuzzed.json");
    technique::scorePractice(builtInLeg(), {technique::findTechnique(techniqueId), target}, path);
  } catch (const InputError&) {
  }
}

void feedModel(std::string_view bytes) {
  const std::string path = scratchModelPath(modelExtensionFor(bytes));
  if (FILE* file = std::fopen(path.c_str(), "wb")) {
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
  }
  static const bool readerReportsFindings = reportFindingsOfTheReader();
  try {
    scene::loadModel(path, nullptr).bounds();
  } catch (const InputError& e) {
    // Assimp's own faults end the reader with SIGSEGV, which is what it runs apart for;
    // SIGABRT comes from a sanitizer's report or a failed check, in code that is ours.
    if (readerReportsFindings && e.reason().find("(signal " + std::to_string(SIGABRT) + ")") != std::string::npos) {
      std::fprintf(stderr, "the model reader reported an error on this input (above)\n");
      std::abort();
    }
  }
  std::remove(path.c_str());
}

}  // namespace legatlas::fuzz
