#include "scene/model_loader.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "core/child_process.h"
#include "core/error.h"
#include "scene/model_reader.h"

namespace legatlas::scene {

namespace {

namespace fs = std::filesystem;

// Far longer than any model a school has takes (the built-in leg: 0.3 s), short enough
// that a file sending an importer into a loop does not hang LegAtlas.
constexpr std::chrono::seconds kLongestModelRead{120};

void checkReadable(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path, "", "file not found", "check the path");
  if (fs::is_directory(path, ec)) throw InputError(path, "", "is a folder", kModelFileFix);
  if (fs::file_size(path, ec) == 0) throw InputError(path, "", "file is empty", kModelFileFix);
}

// Finds or creates the tissue a mesh belongs to.
int assignTissue(Scene& scene, const anatomy::TissueMap* map, const std::string& nodeName,
                 const std::string& meshName) {
  const anatomy::TissueEntry* entry = map ? map->match(nodeName, meshName) : nullptr;
  Tissue tissue;
  if (entry) {
    tissue.id = entry->id;
    tissue.name = entry->name;
    tissue.layer = entry->layer;
    tissue.color = entry->color.value_or(anatomy::defaultLayerColor(entry->layer));
    tissue.facts = entry->facts;
    tissue.anatomy = entry->anatomy;
    tissue.closed = entry->closed;
  } else {
    tissue.name = !nodeName.empty() ? nodeName : (!meshName.empty() ? meshName : "unnamed mesh");
    tissue.id = "unassigned:" + tissue.name;
    tissue.color = anatomy::defaultLayerColor(anatomy::Layer::Unassigned);
  }
  const int existing = scene.findTissue(tissue.id);
  if (existing >= 0) return existing;
  scene.tissues.push_back(std::move(tissue));
  return static_cast<int>(scene.tissues.size() - 1);
}

// The reader program: beside the running program (LegAtlas as built or copied), or
// where the build put it (for programs that run from elsewhere, such as the tests).
std::string readerProgram() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = self.parent_path() / "legatlas-model-reader";
    if (::access(beside.c_str(), X_OK) == 0) return beside.string();
  }
  return LEGATLAS_MODEL_READER_BUILT;
}

// Assimp's importers are large third-party parsers of untrusted bytes, and some crash on
// files they should refuse (Assimp 5.2 dereferences a null pointer on a glTF skin without
// inverse bind matrices, which the specification allows). They run in a program of their
// own, so a crash there is an error naming the file, and LegAtlas keeps what it had.
ReadMeshes readMeshesIsolated(const std::string& path, const anatomy::ModelFrameHint& hint) {
  std::vector<std::string> command{readerProgram(), path};
  for (std::string& argument : hintArguments(hint)) command.push_back(std::move(argument));
  const ChildOutcome outcome = runProgram(command, kLongestModelRead);
  if (!outcome.started) {
    throw InputError(path, "", "cannot be read: the model reader " + command[0] + " does not run",
                     "build LegAtlas again (make build); the reader is built beside it");
  }
  if (!outcome.finished) {
    const std::string how = outcome.timedOut ? "gave up after " + std::to_string(kLongestModelRead.count()) + " s"
                            : outcome.signal ? "crashed (signal " + std::to_string(outcome.signal) + ")"
                                             : "failed";
    throw InputError(path, "", "the model reader (Assimp 5.2) " + how + " on this file",
                     "the file is damaged or uses something Assimp cannot read; export it again, as binary glTF "
                     "(.glb) if you can");
  }
  try {
    return decodeModelAnswer(outcome.bytes);
  } catch (const std::length_error&) {
    throw InputError(path, "", "the model reader's answer was cut short", "try again; if it persists, report it");
  }
}

}  // namespace

Scene loadModel(const std::string& path, const anatomy::TissueMap* tissueMap) {
  checkReadable(path);
  const anatomy::ModelFrameHint hint = tissueMap ? tissueMap->frameHint() : anatomy::ModelFrameHint{};
  ReadMeshes read = readMeshesIsolated(path, hint);
  Scene scene;
  scene.sourcePath = path;
  for (SceneMesh& m : read.meshes) {
    m.tissueIndex = assignTissue(scene, tissueMap, m.nodeName, m.meshName);
    scene.meshes.push_back(std::move(m));
  }
  if (scene.empty()) throw InputError(path, "", "holds no triangle meshes", kModelFileFix);
  if (read.droppedTriangles > 0) {
    scene.warnings.push_back(std::to_string(read.droppedTriangles) +
                             " triangles with invalid vertices were left out");
  }
  int unassigned = 0;
  for (const SceneMesh& m : scene.meshes) {
    unassigned += scene.tissues[m.tissueIndex].layer == anatomy::Layer::Unassigned;
  }
  if (tissueMap && unassigned > 0) {
    scene.warnings.push_back(std::to_string(unassigned) + " meshes matched no entry of " +
                             tissueMap->source() + " and are in the Unassigned layer");
  }
  return scene;
}

std::optional<std::string> siblingTissueMapPath(const std::string& modelPath) {
  fs::path candidate(modelPath);
  candidate.replace_extension(".tissues.json");
  std::error_code ec;
  if (fs::is_regular_file(candidate, ec)) return candidate.string();
  return std::nullopt;
}

}  // namespace legatlas::scene
