#include "teaching/leg_source.h"

#include <filesystem>
#include <optional>

#include "anatomy/measured_leg.h"
#include "anatomy/tissue_map.h"
#include "core/error.h"
#include "scene/model_loader.h"

namespace legatlas::teaching {

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

anatomy::Description loadDescription(const std::string& anatomyDir) {
  return anatomy::loadDescription(anatomyDir.empty() ? assetPath("anatomy") : anatomyDir);
}

anatomy::Description loadLegDescription(const LegSource& source, const std::string& anatomyDir) {
  anatomy::Description described = loadDescription(anatomyDir);
  const std::string leg = resolvedLeg(source.leg);
  if (!source.modelPath.empty() || !isMeasuredLeg(leg)) return described;
  return anatomy::loadMeasuredLeg(described, measuredLegPack(leg)).registered;
}

Leg loadLeg(const LegSource& source, const std::string& anatomyDir) {
  anatomy::Description description = loadLegDescription(source, anatomyDir);
  return Leg(loadScene(source), std::move(description));
}

namespace {

std::string modelPathOf(const LegSource& source) {
  return source.modelPath.empty() ? builtInModelPath(source.leg) : source.modelPath;
}

}  // namespace

std::optional<anatomy::TissueMap> loadTissueMap(const LegSource& source) {
  if (!source.tissueMapPath.empty()) return anatomy::TissueMap::load(source.tissueMapPath);
  if (auto sibling = scene::siblingTissueMapPath(modelPathOf(source))) return anatomy::TissueMap::load(*sibling);
  return std::nullopt;
}

scene::Scene loadScene(const LegSource& source, const anatomy::TissueMap* map) {
  const std::string modelPath = modelPathOf(source);
  if (source.modelPath.empty() && !std::filesystem::exists(modelPath)) {
    throw InputError(modelPath, "", "the built-in leg model has not been built",
                     "open a model with --model FILE, or drop one on the window");
  }
  return scene::loadModel(modelPath, map);
}

scene::Scene loadScene(const LegSource& source) {
  const std::optional<anatomy::TissueMap> map = loadTissueMap(source);
  return loadScene(source, map ? &*map : nullptr);
}

}  // namespace legatlas::teaching
