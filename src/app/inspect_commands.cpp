#include "app/inspect_commands.h"

#include <cmath>
#include <filesystem>
#include <cstdio>
#include <glm/geometric.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "anatomy/description.h"
#include "anatomy/measured_leg.h"
#include "anatomy/model_generator.h"
#include "app/json_output.h"
#include "teaching/leg_source.h"
#include "core/error.h"
#include "core/text.h"
#include "scene/model_loader.h"

namespace legatlas::app {

namespace {

// One tissue of a loaded model, measured, with the anatomy its map entry carries.
struct TissueSummary {
  const scene::Tissue* tissue = nullptr;
  size_t triangles = 0;
  geometry::Bounds bounds;
  const anatomy::TissueAnatomy* anatomy = nullptr;  // null when the map has none
  std::string flowsToName;  // display name of the node lymph flows to, when in the model
};

const anatomy::TissueEntry* findEntry(const anatomy::TissueMap* map, const std::string& id) {
  if (!map) return nullptr;
  for (const anatomy::TissueEntry& entry : map->entries()) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

std::vector<TissueSummary> summarise(const scene::Scene& scene, const anatomy::TissueMap* map) {
  std::vector<TissueSummary> summaries(scene.tissues.size());
  for (size_t i = 0; i < scene.tissues.size(); ++i) {
    summaries[i].tissue = &scene.tissues[i];
    const anatomy::TissueEntry* entry = findEntry(map, scene.tissues[i].id);
    if (entry && !entry->anatomy.empty()) summaries[i].anatomy = &entry->anatomy;
    const int target = summaries[i].anatomy ? scene.findTissue(summaries[i].anatomy->flowsTo) : -1;
    if (target >= 0) summaries[i].flowsToName = scene.tissues[target].name;
  }
  for (const scene::SceneMesh& m : scene.meshes) {
    if (m.detail != 0) continue;  // the coarse copy of a mesh counted already
    summaries[m.tissueIndex].triangles += m.mesh.triangleCount();
    summaries[m.tissueIndex].bounds.add(m.mesh.bounds());
  }
  return summaries;
}

Json attachmentJson(const anatomy::AttachmentSite& site) {
  Json json = {{"point", vectorJson(site.point)}};
  if (!site.area.empty()) json["area"] = site.area;
  return json;
}

// A vessel's path from its first point to its last, toward the node it drains into.
Json flowJson(const anatomy::TissueAnatomy& anatomy) {
  const glm::vec3 from = anatomy.path.front(), to = anatomy.path.back();
  Json flow = {{"from", vectorJson(from)}, {"to", vectorJson(to)}};
  if (glm::distance(from, to) > 0.0f) flow["direction"] = vectorJson(glm::normalize(to - from));
  if (!anatomy.flowsTo.empty()) flow["toward"] = anatomy.flowsTo;
  return flow;
}

Json anatomyJson(const TissueSummary& s) {
  const anatomy::TissueAnatomy& a = *s.anatomy;
  Json json = Json::object();
  if (a.origin) json["origin"] = attachmentJson(*a.origin);
  if (a.insertion) json["insertion"] = attachmentJson(*a.insertion);
  if (!a.path.empty()) {
    json["path"] = Json::array();
    for (const glm::vec3& p : a.path) json["path"].push_back(vectorJson(p));
  }
  if (!a.flowsTo.empty()) {
    json["flows_to"] = {{"id", a.flowsTo}};
    if (!s.flowsToName.empty()) json["flows_to"]["name"] = s.flowsToName;
  }
  if (!a.path.empty()) json["flow"] = flowJson(a);
  return json;
}

Json tissueJson(const TissueSummary& s) {
  Json json = {{"id", s.tissue->id},
               {"name", s.tissue->name},
               {"layer", std::string(anatomy::layerKey(s.tissue->layer))},
               {"triangles", s.triangles},
               {"bbox", {{"min", vectorJson(s.bounds.min)}, {"max", vectorJson(s.bounds.max)}}}};
  if (s.anatomy) json.update(anatomyJson(s));
  return json;
}

void printPointLine(const char* label, const glm::vec3& p, const std::string& text) {
  std::printf("    %-10s %8.3f %8.3f %8.3f  %s\n", label, p.x, p.y, p.z, text.c_str());
}

void printAnatomyLines(const TissueSummary& s) {
  const anatomy::TissueAnatomy& a = *s.anatomy;
  if (a.origin) printPointLine("origin", a.origin->point, a.origin->area);
  if (a.insertion) printPointLine("insertion", a.insertion->point, a.insertion->area);
  if (!a.path.empty()) {
    printPointLine("path from", a.path.front(), std::to_string(a.path.size()) + " points");
    printPointLine("path to", a.path.back(), "");
  }
  if (!a.flowsTo.empty()) {
    const std::string name = s.flowsToName.empty() ? "" : " (" + s.flowsToName + ")";
    std::printf("    %-10s %s%s\n", "flows to", a.flowsTo.c_str(), name.c_str());
  }
}

void printTable(const std::vector<TissueSummary>& summaries) {
  std::printf("%-28s %-20s %9s %8s %8s %8s %8s %8s %8s  %s\n", "tissue", "layer", "triangles", "min x", "min y",
              "min z", "max x", "max y", "max z", "name");
  for (const TissueSummary& s : summaries) {
    const glm::vec3 lo = s.bounds.min, hi = s.bounds.max;
    const std::string layer(anatomy::layerKey(s.tissue->layer));
    std::printf("%-28s %-20s %9zu %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f  %s\n", s.tissue->id.c_str(), layer.c_str(),
                s.triangles, lo.x, lo.y, lo.z, hi.x, hi.y, hi.z,
                s.tissue->name.c_str());
    if (s.anatomy) printAnatomyLines(s);
  }
}

}  // namespace

int runModelInfo(const ModelInfoOptions& options) {
  const std::optional<anatomy::TissueMap> map = teaching::loadTissueMap(options.model);
  const scene::Scene scene = teaching::loadScene(options.model, map ? &*map : nullptr);
  const std::vector<TissueSummary> summaries = summarise(scene, map ? &*map : nullptr);
  if (options.json) {
    Json out = {{"model", scene.sourcePath},
                {"tissue_map", map ? Json(map->source()) : Json(nullptr)},
                {"frame", frameDescription()},
                {"tissues", Json::array()}};
    for (const TissueSummary& s : summaries) out["tissues"].push_back(tissueJson(s));
    std::cout << out.dump(2) << '\n';
  } else {
    printTable(summaries);
  }
  for (const std::string& warning : scene.warnings) std::cerr << "warning: " << warning << '\n';
  return kExitOk;
}

int runLandmarks(const InspectOptions& options) {
  const anatomy::Description described = teaching::loadDescription(options.anatomyDir);
  std::optional<anatomy::MeasuredLeg> measured;
  const std::string leg = teaching::resolvedLeg(options.leg);
  if (teaching::isMeasuredLeg(leg)) measured = anatomy::loadMeasuredLeg(described, teaching::measuredLegPack(leg));
  const std::vector<anatomy::Landmark>& landmarks = measured ? measured->registered.landmarks : described.landmarks;
  const auto how = [&](const anatomy::Landmark& l) { return measured ? anatomy::howFound(*measured, l.id) : std::string(); };
  if (options.json) {
    Json out = {{"frame", frameDescription()}, {"landmarks", Json::array()}};
    out["leg"] = leg;
    for (const anatomy::Landmark& l : landmarks) {
      Json entry = {{"id", l.id}, {"name", l.name}, {"position", vectorJson(l.position)}};
      if (measured) entry["found"] = how(l);
      out["landmarks"].push_back(std::move(entry));
    }
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  std::printf("%-34s %8s %8s %8s  %s\n", "landmark", "x (m)", "y (m)", "z (m)", measured ? "found" : "name");
  for (const anatomy::Landmark& l : landmarks) {
    std::printf("%-34s %8.3f %8.3f %8.3f  %s\n", l.id.c_str(), l.position.x, l.position.y, l.position.z,
                measured ? how(l).c_str() : l.name.c_str());
  }
  return kExitOk;
}

int runBuildModel(const std::string& anatomyDir, const std::string& leg, const std::string& outPath) {
  // Checked before the half minute of generating: a .obj or .fbx name on GLB bytes would
  // send the file to the wrong importer when it is opened.
  if (fileExtension(outPath) != ".glb")
    throw InputError("--out", outPath, "the leg is written as binary glTF", "give a file name ending in .glb");
  const std::filesystem::path folder = std::filesystem::path(outPath).parent_path();
  std::error_code ec;
  if (!folder.empty()) std::filesystem::create_directories(folder, ec);
  if (ec) throw InputError(folder.string(), "", "cannot create the folder (" + ec.message() + ")", "choose another --out");
  const anatomy::Description description = teaching::loadDescription(anatomyDir);
  anatomy::GeneratedModel model;
  if (leg.empty()) {
    model = anatomy::generateModel(description);
  } else {
    const std::string pack = teaching::measuredLegPack(leg);
    const anatomy::MeasuredLeg measured = anatomy::loadMeasuredLeg(description, pack);
    try {
      model = anatomy::generateModel(measured.registered,
                                     {&measured.surfaces, leg == "male" ? "Visible Human Male" : "Visible Human Female"});
    } catch (const InputError&) {
      throw;
    } catch (const std::runtime_error& e) {  // a surface the geometry cannot work with (e.g. no fibre field)
      throw InputError(pack, "", std::string("the measured surfaces cannot be built into a leg: ") + e.what(),
                       "import the subject again (README, Measured legs)");
    }
  }
  anatomy::writeGeneratedModel(model, outPath);
  size_t triangles = 0;
  for (const auto& t : model.tissues) triangles += t.mesh.triangleCount();
  std::printf("%s: %zu tissues, %zu triangles\n", outPath.c_str(), model.tissues.size(), triangles);
  return kExitOk;
}

}  // namespace legatlas::app
