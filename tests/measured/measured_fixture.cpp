#include "measured_fixture.h"

#include <algorithm>
#include <map>

#include "anatomy/tissue_map.h"
#include "scene/model_loader.h"

namespace legatlas::measured_test {

const BuiltMeasuredLeg& built(const std::string& subject) {
  static std::map<std::string, std::unique_ptr<BuiltMeasuredLeg>> legs;
  auto& leg = legs[subject];
  if (!leg) {
    leg = std::make_unique<BuiltMeasuredLeg>();
    leg->described = anatomy::loadDescription(LEGATLAS_SOURCE_DIR "/assets/anatomy");
    leg->measured = anatomy::loadMeasuredLeg(leg->described, LEGATLAS_SOURCE_DIR "/assets/legs/" + subject + ".pack");
    const std::string model = std::string(LEGATLAS_BUILT_MODELS) + "/" + subject + ".glb";
    const anatomy::TissueMap map = anatomy::TissueMap::load(*scene::siblingTissueMapPath(model));
    leg->loaded = std::make_shared<const scene::Scene>(scene::loadModel(model, &map));
  }
  return *leg;
}

const scene::Tissue* tissue(const scene::Scene& s, const std::string& id) {
  const int index = s.findTissue(id);
  return index < 0 ? nullptr : &s.tissues[size_t(index)];
}

geometry::Mesh meshOf(const scene::Scene& s, const std::string& id) {
  geometry::Mesh mesh;
  for (const scene::SceneMesh& m : s.meshes) {
    if (s.tissues[size_t(m.tissueIndex)].id == id && m.detail == 0) mesh.append(m.mesh);
  }
  return mesh;
}

std::vector<std::filesystem::path> builtInLessons() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(LEGATLAS_SOURCE_DIR "/assets/lessons"))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

const PlannedLessons& planned(const std::string& subject) {
  static std::map<std::string, PlannedLessons> plans;
  PlannedLessons& plan = plans[subject];
  if (!plan.leg) {
    const BuiltMeasuredLeg& leg = built(subject);
    plan.leg = std::make_unique<teaching::Leg>(leg.loaded, leg.measured.registered);
    for (const std::filesystem::path& file : builtInLessons()) {
      technique::Lesson lesson = technique::loadLesson(file.string());
      std::vector<technique::Stroke> strokes = technique::planLesson(lesson, plan.model());
      plan.lessons.emplace_back(std::move(lesson), std::move(strokes));
    }
  }
  return plan;
}

}  // namespace legatlas::measured_test
