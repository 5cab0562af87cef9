#include "built_leg.h"

#include <algorithm>
#include <filesystem>

#include "anatomy/tissue_map.h"
#include "scene/model_loader.h"

namespace legatlas::testing {

const teaching::Leg& builtLeg() {
  static const teaching::Leg leg = [] {
    const std::string model = LEGATLAS_BUILT_LEG;
    const anatomy::TissueMap map = anatomy::TissueMap::load(*scene::siblingTissueMapPath(model));
    return teaching::Leg(scene::loadModel(model, &map), anatomy::loadDescription(std::string(LEGATLAS_SOURCE_DIR) + "/assets/anatomy"));
  }();
  return leg;
}

std::string lessonPath(const std::string& name) {
  return std::string(LEGATLAS_SOURCE_DIR) + "/assets/lessons/" + name + ".yaml";
}

std::vector<std::string> builtInLessons() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(LEGATLAS_SOURCE_DIR) + "/assets/lessons"))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

technique::Lesson lessonFrom(const std::string& steps) {
  return technique::parseLesson("title: T\ncondition: C\ngoal: G\nsafety:\n  - S\nsteps:\n" + steps, "test.yaml");
}

}  // namespace legatlas::testing
