#include "anatomy/model_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "geometry/glb_writer.h"
#include "geometry/mesh_names.h"

namespace legatlas::anatomy {

namespace {

// An id such as "deep_inguinal" as it reads in the Info panel: "deep inguinal".
std::string idInWords(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

// A node's name, or for a node group (e.g. "deep_inguinal") its id in words.
std::string lymphTargetName(const std::string& id, const Description& d) {
  if (const LymphNode* node = d.findNode(id)) return node->name;
  std::string name = idInWords(id);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name + " nodes";
}

// The triangles of `mesh` not marked in `marked`, and those marked, each half with only
// the vertices it uses (a vertex on the line between them goes to both).
std::pair<geometry::Mesh, geometry::Mesh> splitFaces(const geometry::Mesh& mesh, const std::vector<bool>& marked) {
  std::pair<geometry::Mesh, geometry::Mesh> halves;
  const bool tangents = mesh.tangents.size() == mesh.positions.size(), uvs = mesh.uvs.size() == mesh.positions.size();
  for (const bool half : {false, true}) {
    geometry::Mesh& out = half ? halves.second : halves.first;
    std::vector<uint32_t> index(mesh.positions.size(), UINT32_MAX);
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
      if (marked[i / 3] != half) continue;
      for (size_t k = 0; k < 3; ++k) {
        const uint32_t v = mesh.indices[i + k];
        if (index[v] == UINT32_MAX) {
          index[v] = static_cast<uint32_t>(out.positions.size());
          out.positions.push_back(mesh.positions[v]);
          out.normals.push_back(mesh.normals[v]);
          if (tangents) out.tangents.push_back(mesh.tangents[v]);
          if (uvs) out.uvs.push_back(mesh.uvs[v]);
        }
        out.indices.push_back(index[v]);
      }
    }
  }
  return halves;
}

AttachmentSite attachmentSite(const Attachment& a) { return {a.point.position, a.area}; }

// The anatomy the tissue map carries for tissue `id`: attachments of muscles and
// tendons, described paths of vessels and veins, and where lymph flows next.
TissueAnatomy describedAnatomy(const std::string& id, const Description& d) {
  TissueAnatomy anatomy;
  if (const Muscle* m = d.findMuscle(id)) {
    anatomy.origin = attachmentSite(m->origin);
    anatomy.insertion = attachmentSite(m->insertion);
  }
  for (const Tendon& t : d.tendons) {
    if (t.id != id) continue;
    anatomy.origin = attachmentSite(t.origin);
    anatomy.insertion = attachmentSite(t.insertion);
  }
  // The described path; the generator keeps the fitted one when it has it.
  for (const LymphVessel& v : d.vessels) {
    if (v.id != id) continue;
    anatomy.path = v.path;
    anatomy.flowsTo = v.endsAt;
  }
  for (const Vein& v : d.veins) {
    if (v.id == id) anatomy.path = v.path;
  }
  if (const LymphNode* n = d.findNode(id)) anatomy.flowsTo = n->drainsTo;
  return anatomy;
}

}  // namespace

void describeAnatomy(GeneratedModel& model, const Description& d) {
  for (GeneratedTissue& t : model.tissues) {
    std::vector<glm::vec3> fitted = std::move(t.entry.anatomy.path);
    t.entry.anatomy = describedAnatomy(t.entry.id, d);
    if (!fitted.empty()) t.entry.anatomy.path = std::move(fitted);
    if (!d.findNode(t.entry.id)) continue;
    for (Fact& f : t.entry.facts) {
      if (f.label == "Drains to") f.text = lymphTargetName(t.entry.anatomy.flowsTo, d);
    }
  }
}

namespace {

nlohmann::ordered_json pointJson(const glm::vec3& p) { return {p.x, p.y, p.z}; }

nlohmann::ordered_json attachmentJson(const AttachmentSite& site) {
  nlohmann::ordered_json json = {{"point", pointJson(site.point)}};
  if (!site.area.empty()) json["area"] = site.area;
  return json;
}

void addAnatomyJson(const TissueAnatomy& anatomy, nlohmann::ordered_json& entry) {
  if (anatomy.origin) entry["origin"] = attachmentJson(*anatomy.origin);
  if (anatomy.insertion) entry["insertion"] = attachmentJson(*anatomy.insertion);
  if (!anatomy.path.empty()) {
    entry["path"] = nlohmann::ordered_json::array();
    for (const glm::vec3& p : anatomy.path) entry["path"].push_back(pointJson(p));
  }
  if (!anatomy.flowsTo.empty()) entry["flows_to"] = anatomy.flowsTo;
}

nlohmann::ordered_json tissueMapJson(const GeneratedModel& model) {
  nlohmann::ordered_json map = {{"tissues", nlohmann::ordered_json::array()}};
  for (const GeneratedTissue& t : model.tissues) {
    nlohmann::ordered_json facts = nlohmann::ordered_json::object();
    for (const Fact& f : t.entry.facts) {
      if (!f.text.empty()) facts[f.label] = f.text;
    }
    nlohmann::ordered_json entry = {{"match", t.entry.id},
                                    {"id", t.entry.id},
                                    {"name", t.entry.name},
                                    {"layer", std::string(layerKey(t.entry.layer))},
                                    {"facts", facts}};
    addAnatomyJson(t.entry.anatomy, entry);
    if (t.entry.closed) entry["closed"] = true;
    map["tissues"].push_back(std::move(entry));
  }
  return map;
}

}  // namespace

void writeGeneratedModel(const GeneratedModel& model, const std::string& glbPath) {
  // The halves of split meshes live here until written: reserved, so pointers stay valid.
  std::vector<geometry::Mesh> halves;
  halves.reserve(4 * model.tissues.size());
  std::vector<geometry::NamedMesh> meshes;
  // "<id><detail>", or "<id><detail>" and "<id>.tendon<detail>" for a muscle with tendons.
  const auto add = [&](const std::string& id, const geometry::Mesh& mesh, const std::vector<bool>& tendonFaces,
                       std::string_view detail) {
    if (mesh.indices.empty()) return;
    if (tendonFaces.size() != mesh.triangleCount()) return meshes.push_back({id + std::string(detail), &mesh});
    auto [muscle, tendon] = splitFaces(mesh, tendonFaces);
    if (muscle.indices.empty()) return meshes.push_back({id + std::string(detail), &mesh});
    meshes.push_back({id + std::string(detail), &halves.emplace_back(std::move(muscle))});
    const std::string tendonName = id + std::string(geometry::kTendonSuffix) + std::string(detail);
    if (!tendon.indices.empty()) meshes.push_back({tendonName, &halves.emplace_back(std::move(tendon))});
  };
  for (const GeneratedTissue& t : model.tissues) add(t.entry.id, t.mesh, t.tendonFaces, "");
  for (const GeneratedTissue& t : model.tissues) add(t.entry.id, t.coarse, t.coarseTendonFaces, geometry::kCoarseSuffix);
  geometry::writeGlb(glbPath, meshes);
  std::filesystem::path mapPath(glbPath);
  mapPath.replace_extension(".tissues.json");
  writeFileAtomically(mapPath.string(), tissueMapJson(model).dump(2) + "\n");
}

}  // namespace legatlas::anatomy
