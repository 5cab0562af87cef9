#include "app/model_source.h"

#include <filesystem>
#include <optional>

#include "anatomy/measured_leg.h"
#include "anatomy/tissue_map.h"
#include "core/error.h"
#include "scene/model_loader.h"

namespace legatlas::app {

std::string assetPath(const std::string& relativePath) {
  namespace fs = std::filesystem;
  const fs::path relative = fs::path("assets") / relativePath;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  // The build tree (generated assets), an install prefix, then the source tree.
  for (const fs::path& root : {exe.parent_path(), exe.parent_path().parent_path(),
                               exe.parent_path().parent_path() / "share" / "legatlas", fs::path(LEGATLAS_SOURCE_DIR)}) {
    if (fs::exists(root / relative, ec)) return (root / relative).string();
  }
  return (fs::path(LEGATLAS_SOURCE_DIR) / relative).string();
}

std::string defaultLeg() { return LEGATLAS_DEFAULT_LEG; }

std::string resolvedLeg(const std::string& leg) { return leg.empty() ? defaultLeg() : leg; }

std::string builtInModelPath(const std::string& leg) {
  const std::string chosen = resolvedLeg(leg);
  return assetPath("models/" + (chosen == "described" ? std::string("leg") : chosen) + ".glb");
}

std::string measuredLegPack(const std::string& leg) { return assetPath("legs/" + leg + ".pack"); }

bool isMeasuredLeg(const std::string& leg) { return leg == "female" || leg == "male"; }

anatomy::Description loadLegDescription(const ModelOptions& model, const std::string& anatomyDir) {
  anatomy::Description described = anatomy::loadDescription(anatomyDir.empty() ? assetPath("anatomy") : anatomyDir);
  const std::string leg = resolvedLeg(model.leg);
  if (!model.modelPath.empty() || !isMeasuredLeg(leg)) return described;
  return anatomy::loadMeasuredLeg(described, measuredLegPack(leg)).registered;
}

teaching::Leg loadLeg(const ModelOptions& model, const std::string& anatomyDir) {
  anatomy::Description description = loadLegDescription(model, anatomyDir);
  return teaching::Leg(loadScene(model), std::move(description));
}

namespace {

std::string modelPathOf(const ModelOptions& options) {
  return options.modelPath.empty() ? builtInModelPath(options.leg) : options.modelPath;
}

}  // namespace

std::optional<anatomy::TissueMap> loadTissueMap(const ModelOptions& options) {
  if (!options.tissueMapPath.empty()) return anatomy::TissueMap::load(options.tissueMapPath);
  if (auto sibling = scene::siblingTissueMapPath(modelPathOf(options))) return anatomy::TissueMap::load(*sibling);
  return std::nullopt;
}

scene::Scene loadScene(const ModelOptions& options, const anatomy::TissueMap* map) {
  const std::string modelPath = modelPathOf(options);
  if (options.modelPath.empty() && !std::filesystem::exists(modelPath)) {
    throw InputError(modelPath, "", "the built-in leg model has not been built",
                     "open a model with --model FILE, or drop one on the window");
  }
  return scene::loadModel(modelPath, map);
}

scene::Scene loadScene(const ModelOptions& options) {
  const std::optional<anatomy::TissueMap> map = loadTissueMap(options);
  return loadScene(options, map ? &*map : nullptr);
}

}  // namespace legatlas::app
