#include "anatomy/model_generator.h"

#include <algorithm>
#include <map>
#include <set>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "anatomy/blended_parts.h"
#include "anatomy/bone_between.h"
#include "anatomy/bone_fitting.h"
#include "anatomy/measured_tissues.h"
#include "anatomy/model_writer.h"
#include "anatomy/muscle_tissues.h"
#include "anatomy/skin_surface.h"
#include "anatomy/tendon_bands.h"
#include "anatomy/tissue_building.h"
#include "anatomy/tissue_fitting.h"
#include "core/text.h"
#include "geometry/mesh_clip.h"
#include "geometry/primitives.h"
#include "geometry/sweep.h"

namespace legatlas::anatomy {

namespace {

constexpr float kLymphVesselRadius = 0.0012f;
constexpr float kFittedPointSpacing = 0.004f;  // metres between fitted points of a vessel
// Metres along a fitted bone over which the fit of its end fades out: about a third of
// the femur, so the shaft bends gently between the fits of its two ends.
constexpr float kCapFade = 0.12f;
// A measured bone halved at its midline is remeshed this finely (its surface moves by a
// fraction of it).
constexpr float kHalvedVoxel = 0.0006f;

geometry::Mesh tube(const std::vector<glm::vec3>& path, float radius, bool coarse = false) {
  geometry::SweepOptions options;
  options.samplesAlong = coarse ? std::max<int>(6, static_cast<int>(path.size()) / 3) : std::max<int>(16, static_cast<int>(path.size()));
  options.segmentsAround = coarse ? 5 : 8;
  return geometry::sweep(path, [radius](float) { return geometry::SweepSection{2 * radius, 2 * radius}; }, options);
}

// The measured cartilage over each end of a bone, when the leg has all of it.
std::vector<geometry::Mesh> capsOf(const Bone& bone, const MeasuredSource& source) {
  std::vector<geometry::Mesh> caps;
  if (!source.surfaces) return caps;
  for (const std::vector<std::string>& names : bone.caps) {
    std::optional<geometry::Mesh> cap = allMeasured(names, *source.surfaces);
    if (!cap) return {};
    caps.push_back(std::move(*cap));
  }
  return caps;
}

GeneratedTissue boneTissue(const Bone& bone, const MeasuredSource& source, PlacedTissues& placed) {
  GeneratedTissue tissue;
  tissue.entry = {{bone.id}, bone.id, bone.name, Layer::Bone, std::nullopt, {}};
  tissue.entry.facts = {{"About", bone.note}};
  const BlendedParts parts(bone.parts, kBoneBlendRadius);
  std::optional<geometry::LevelSet> between;
  if (!bone.between.empty() && source.surfaces)
    between = boneBetweenMuscles(parts, bone.between, *source.surfaces, kFittingVoxel, kPlacedBand);
  const geometry::LevelSet solid = between ? std::move(*between) : parts.levelSet(kFittingVoxel, kPlacedBand);
  tissue.mesh = solid.toMesh(kLevelSetAdaptivity);
  // Laid between muscles, the bone can leave a speck where two of them part for a voxel.
  if (between) tissue.mesh.removeSmallPieces(kCrumbFraction);
  if (between) tissue.entry.facts.push_back({"Surface", "Drawn from the description, its faces laid between the muscles measured on them on the " + source.credit});
  const std::vector<geometry::Mesh> caps = capsOf(bone, source);
  for (const geometry::Mesh& cap : caps) fitEndToCap(tissue.mesh, cap, kCapFade);
  if (!caps.empty()) tissue.entry.facts.push_back({"Surface", "Drawn from the description, its ends fitted to the cartilage measured on the " + source.credit});
  tissue.coarse = coarseOf(tissue.mesh);
  if (caps.empty()) placed.add(solid);
  else placed.add(tissue.mesh);
  return tissue;
}

GeneratedTissue measuredBoneTissue(const Bone& bone, geometry::Mesh mesh, const MeasuredSource& source,
                                   PlacedTissues& placed) {
  GeneratedTissue tissue;
  tissue.entry = {{bone.id}, bone.id, bone.name, Layer::Bone, std::nullopt, {}};
  tissue.entry.facts = {{"About", bone.note}, {"Surface", measuredFact(source)}};
  tissue.measured = true;
  tissue.coarse = coarseOf(mesh);
  tissue.mesh = std::move(mesh);
  placed.add(tissue.mesh);
  return tissue;
}

GeneratedTissue nodeTissue(const LymphNode& n, const PlacedTissues& placed) {
  GeneratedTissue tissue;
  tissue.entry = {{n.id}, n.id, n.name, Layer::Lymph, std::nullopt, {}};
  tissue.entry.facts = {{"Drains", n.drains}, {"Drains to", n.drainsTo}, {"Depth", n.depth}};
  std::vector<glm::vec3> centre{n.position};
  placed.pushOut(centre, std::max({n.radii.x, n.radii.y, n.radii.z}) + kContactGap);
  tissue.mesh = geometry::makeEllipsoid(centre.front(), n.radii, 10, 14);
  tissue.coarse = geometry::makeEllipsoid(centre.front(), n.radii, 5, 7);
  return tissue;
}

// Fitted point by point, so first resampled densely enough to follow the surfaces.
std::vector<glm::vec3> resampledForFitting(const std::vector<glm::vec3>& described) {
  return geometry::smoothPath(described, std::max(2, static_cast<int>(geometry::pathLength(described) / kFittedPointSpacing)));
}

// A thin tube in the fat: clear of the muscles beneath and inside the skin above.
std::vector<glm::vec3> subcutaneousPath(const std::vector<glm::vec3>& described, float radius,
                                        const PlacedTissues& placed, const geometry::LevelSet& skin) {
  std::vector<glm::vec3> path = resampledForFitting(described);
  placeUnderSkin(skin, placed, path, radius);
  // The first placement can move neighbouring points by different amounts; evened out
  // and placed again, the curve through them cannot bulge between points.
  path = resampledForFitting(path);
  placeUnderSkin(skin, placed, path, radius);
  return path;
}

// Deep vessels run with the deep blood vessels, between the muscles: kept out of them.
std::vector<glm::vec3> deepPath(const std::vector<glm::vec3>& described, float radius, const PlacedTissues& placed) {
  std::vector<glm::vec3> path = resampledForFitting(described);
  placed.pushOut(path, radius + kContactGap);
  return path;
}

GeneratedTissue vesselTissue(const LymphVessel& v, const Description& d, const PlacedTissues& placed,
                             const geometry::LevelSet& skin) {
  GeneratedTissue tissue;
  tissue.entry = {{v.id}, v.id, v.name, Layer::Lymph, std::nullopt, {}};
  const LymphNode* node = d.findNode(v.endsAt);
  tissue.entry.facts = {{"Drains", v.drains},
                        {"Flows to", node ? node->name : v.endsAt},
                        {"Bundle", v.bundle}};
  const bool deep = v.bundle == "deep";
  const std::vector<glm::vec3> path =
      deep ? deepPath(v.path, kLymphVesselRadius, placed) : subcutaneousPath(v.path, kLymphVesselRadius, placed, skin);
  tissue.mesh = tube(path, kLymphVesselRadius);
  tissue.coarse = tube(path, kLymphVesselRadius, true);
  // The path as the model holds it, ending in its node: what strokes follow.
  tissue.entry.anatomy.path = path;
  if (node) tissue.entry.anatomy.path.push_back(node->position);
  return tissue;
}

GeneratedTissue veinTissue(const Vein& v, const PlacedTissues& placed, const geometry::LevelSet& skin) {
  GeneratedTissue tissue;
  tissue.entry = {{v.id}, v.id, v.name, Layer::Vessel, std::nullopt, {}};
  tissue.entry.facts = {{"Returns blood to", v.endsAt}};
  const std::vector<glm::vec3> path = subcutaneousPath(v.path, v.radius, placed, skin);
  tissue.mesh = tube(path, v.radius);
  tissue.coarse = tube(path, v.radius, true);
  tissue.entry.anatomy.path = path;
  return tissue;
}

GeneratedTissue skinTissue(const geometry::LevelSet& skin) {
  GeneratedTissue tissue;
  tissue.entry = {{"skin"}, "skin", "Skin and subcutaneous fat", Layer::Skin, std::nullopt, {}};
  tissue.entry.facts = {{"About", "Skin over a layer of fat that is thick over the thigh and buttock and thin over "
                                  "the tibial crest, the patella and the malleoli, where bone lies just beneath."},
                        {"Massage", "Every stroke starts here: light techniques (lymph drainage) move the skin and "
                                    "the fluid in the fat beneath it, deeper ones work through it."}};
  tissue.mesh = skin.toMesh(kLevelSetAdaptivity);
  tissue.coarse = coarseOf(tissue.mesh);
  return tissue;
}

// The bones: measured where the leg has them, from their parts where not. A bone whose
// measured surface another bone already took (the female's metatarsals are one surface
// with her phalanges) is part of that tissue, which is named for both.
// Returns each bone's tissue, by bone id.
std::map<std::string, size_t> addBones(GeneratedModel& model, const Description& d, const MeasuredSource& source,
                                       std::set<std::string>& used, PlacedTissues& placed) {
  std::map<std::string, size_t> owner;  // surface name -> tissue
  std::map<std::string, size_t> tissueOf;
  for (const Bone& b : d.bones) {
    tissueOf[b.id] = model.tissues.size();
    bool shared = false;
    std::optional<geometry::Mesh> mesh = measuredSurface(b.measured, d, source, used, shared);
    if (mesh && b.halved) *mesh = geometry::keepRightOf(*mesh, mesh->bounds().center().x, kHalvedVoxel);
    if (mesh) {
      for (const std::string& name : b.measured) owner.emplace(name, model.tissues.size());
      model.tissues.push_back(measuredBoneTissue(b, std::move(*mesh), source, placed));
    } else if (shared) {
      tissueOf[b.id] = owner.at(b.measured.front());
      std::string& name = model.tissues[tissueOf[b.id]].entry.name;
      name += " and " + lowerFirst(b.name);
    } else {
      model.tissues.push_back(boneTissue(b, source, placed));
    }
  }
  return tissueOf;
}

}  // namespace

// Tissues are generated from the deepest out, each kept clear of those before it.
GeneratedModel generateModel(const Description& described, const MeasuredSource& source) {
  GeneratedModel model;
  PlacedTissues placed;
  std::set<std::string> used;
  Description d = described;
  const std::map<std::string, size_t> bones = addBones(model, d, source, used, placed);
  // Carried onto a subject, an attachment lies near its bone; it is put on it.
  if (source.surfaces) {
    std::map<std::string, const geometry::Mesh*> boneMeshes;
    for (const auto& [id, tissue] : bones) boneMeshes[id] = &model.tissues[tissue].mesh;
    placeAttachmentsOnBones(d, boneMeshes);
  }
  addMuscles(model, d, source, used, placed);
  addTendonBands(model, d, bones, placed);
  // Nodes lie in the fat over or between the muscles; the skin then covers them all.
  const size_t firstNode = model.tissues.size();
  for (const LymphNode& n : d.nodes) model.tissues.push_back(nodeTissue(n, placed));
  PlacedTissues nodes;
  for (size_t i = firstNode; i < model.tissues.size(); ++i) nodes.add(model.tissues[i].mesh);
  const geometry::LevelSet skin = skinField(d, placed, nodes);
  placed.add(nodes.solids());  // the vessels keep clear of the nodes too
  // Lymph vessels and veins run in the fat between the two.
  for (const LymphVessel& v : d.vessels) model.tissues.push_back(vesselTissue(v, d, placed, skin));
  for (const Vein& v : d.veins) model.tissues.push_back(veinTissue(v, placed, skin));
  model.tissues.push_back(skinTissue(skin));
  describeAnatomy(model, d);
  for (GeneratedTissue& t : model.tissues)
    t.entry.closed = t.mesh.closedAndOutward() && (t.coarse.indices.empty() || t.coarse.closedAndOutward());
  return model;
}

}  // namespace legatlas::anatomy
