#include "app/inspect_commands.h"

#include <cmath>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "anatomy/description.h"
#include "anatomy/model_generator.h"
#include "core/error.h"

namespace legatlas::app {

namespace {

using Json = nlohmann::ordered_json;

Json frameDescription() {
  return {{"units", "m"},
          {"x", "lateral (the subject's right)"},
          {"y", "superior"},
          {"z", "anterior"},
          {"origin", "centre of the right femoral head"}};
}

Json vectorJson(const glm::vec3& v) {
  // Millimetre precision is what the description holds; more digits only add noise.
  const auto round = [](float x) { return std::round(static_cast<double>(x) * 1e4) / 1e4; };
  return Json::array({round(v.x), round(v.y), round(v.z)});
}

}  // namespace

int runLandmarks(const InspectOptions& options) {
  const anatomy::Description description =
      anatomy::loadDescription(options.anatomyDir.empty() ? assetPath("anatomy") : options.anatomyDir);
  if (options.json) {
    Json out = {{"frame", frameDescription()}, {"landmarks", Json::array()}};
    for (const anatomy::Landmark& l : description.landmarks) {
      out["landmarks"].push_back({{"id", l.id}, {"name", l.name}, {"position", vectorJson(l.position)}});
    }
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  std::printf("%-34s %8s %8s %8s  %s\n", "landmark", "x (m)", "y (m)", "z (m)", "name");
  for (const anatomy::Landmark& l : description.landmarks) {
    std::printf("%-34s %8.3f %8.3f %8.3f  %s\n", l.id.c_str(), l.position.x, l.position.y, l.position.z,
                l.name.c_str());
  }
  return kExitOk;
}

int runBuildModel(const std::string& anatomyDir, const std::string& outPath) {
  const anatomy::Description description = anatomy::loadDescription(anatomyDir.empty() ? assetPath("anatomy") : anatomyDir);
  const anatomy::GeneratedModel model = anatomy::generateModel(description);
  const std::filesystem::path folder = std::filesystem::path(outPath).parent_path();
  std::error_code ec;
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) throw InputError(folder.string(), "", "cannot create the folder (" + ec.message() + ")", "choose another --out");
  anatomy::writeGeneratedModel(model, outPath);
  size_t triangles = 0;
  for (const auto& t : model.tissues) triangles += t.mesh.triangleCount();
  std::printf("%s: %zu tissues, %zu triangles\n", outPath.c_str(), model.tissues.size(), triangles);
  return kExitOk;
}

}  // namespace legatlas::app
