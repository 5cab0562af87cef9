#include "anatomy/model_generator.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "anatomy/blended_parts.h"
#include "anatomy/bone_fitting.h"
#include "anatomy/measured_tissues.h"
#include "anatomy/model_writer.h"
#include "anatomy/skin_surface.h"
#include "anatomy/tendon_slips.h"
#include "anatomy/tissue_fitting.h"
#include "core/text.h"
#include "geometry/attribute_transfer.h"
#include "geometry/mesh_clip.h"
#include "geometry/mesh_simplify.h"
#include "geometry/primitives.h"
#include "geometry/sweep.h"
#include "geometry/triangle_tree.h"

namespace legatlas::anatomy {

namespace {

constexpr float kLymphVesselRadius = 0.0012f;
constexpr float kFittedPointSpacing = 0.004f;  // metres between fitted points of a vessel
// Lets the mesher use larger triangles where bone and skin are flat (OpenVDB's adaptive
// meshing keeps the surface closed).
constexpr float kLevelSetAdaptivity = 0.1f;
// The coarse level of detail, drawn where a pixel spans over a millimetre: level-set
// surfaces simplified to within half of that, tubes and nodes with fewer segments.
constexpr float kCoarseError = 0.0006f;
// Fraction of a muscle's length at each end over which it may still blend into what it
// attaches to (bone, a common tendon); beyond it, it is kept clear of other tissue.
constexpr float kAttachmentBlend = 0.12f;
// Metres along a fitted bone over which the fit of its end fades out: about a third of
// the femur, so the shaft bends gently between the fits of its two ends.
constexpr float kCapFade = 0.12f;
// Pieces of a cut muscle smaller than this fraction of its main body are dropped.
constexpr float kCrumbFraction = 0.05f;
// A measured belly ending further than this from its attachment gets a tendon to it.
constexpr float kMeasuredReach = 0.01f;
constexpr float kBelowDrawnTop = 0.01f;
// A toe's slip of a dividing tendon: about a third of the tendon's width, and flat.
constexpr float kSlipWidthOfTrunk = 0.35f;
constexpr float kThinnestSlip = 0.0035f;
constexpr float kThickestSlip = 0.0012f;
// Below this height over the ankle joint the tendons beyond a measured belly run on the
// bones (in front of the ankle, in the grooves behind the malleoli, across the foot).
constexpr float kTendonsOnBoneAboveAnkle = 0.04f;
// A measured belly ending this near the start of a tendon of its own joins it there.
constexpr float kJoinsSharedTendonWithin = 0.1f;

// Without a hint, a muscle's or tendon's thickness points away from the limb's axis
// (hip joint centre to ankle joint centre), so flat bands lie on the limb, not across it.
glm::vec3 outwardFromLimbAxis(const std::vector<glm::vec3>& path, const Description& d) {
  const Landmark* hip = d.findLandmark("hip_joint_centre");
  const Landmark* ankle = d.findLandmark("ankle_joint_centre");
  const glm::vec3 top = hip ? hip->position : glm::vec3(0.0f);
  const glm::vec3 bottom = ankle ? ankle->position : glm::vec3(0.0f, -1.0f, 0.0f);
  const glm::vec3 middle = path[path.size() / 2];
  const glm::vec3 axis = glm::normalize(bottom - top);
  const glm::vec3 onAxis = top + axis * glm::dot(middle - top, axis);
  const glm::vec3 outward = middle - onAxis;
  return glm::length(outward) > 1e-4f ? glm::normalize(outward) : glm::vec3(0, 0, 1);
}

geometry::Mesh sweepProfile(const std::vector<glm::vec3>& path, const std::vector<CrossSection>& profile,
                            std::optional<glm::vec3> thicknessHint) {
  geometry::SweepOptions options;
  options.samplesAlong = 64;
  options.segmentsAround = 20;
  options.thicknessHint = thicknessHint;
  return geometry::sweep(path, [&profile](float t) { return sectionAt(profile, t); }, options);
}

geometry::Mesh tube(const std::vector<glm::vec3>& path, float radius, bool coarse = false) {
  geometry::SweepOptions options;
  options.samplesAlong = coarse ? std::max<int>(6, static_cast<int>(path.size()) / 3) : std::max<int>(16, static_cast<int>(path.size()));
  options.segmentsAround = coarse ? 5 : 8;
  return geometry::sweep(path, [radius](float) { return geometry::SweepSection{2 * radius, 2 * radius}; }, options);
}

// An id such as "thigh_anterior" as it reads in the Info panel: "thigh anterior".
std::string inWords(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

// The coarse level of detail of a bone, muscle, tendon or the skin: the full mesh's own
// vertices, with their normals and fibres, on far fewer triangles.
geometry::Mesh coarseOf(const geometry::Mesh& full) { return geometry::simplifiedWithin(full, kCoarseError); }

Layer muscleLayer(Depth depth) { return depth == Depth::Superficial ? Layer::SuperficialMuscle : Layer::DeepMuscle; }

// The measured cartilage over each end of a bone, when the leg has all of it.
std::vector<geometry::Mesh> capsOf(const Bone& bone, const MeasuredSource& source) {
  std::vector<geometry::Mesh> caps;
  if (!source.surfaces) return caps;
  for (const std::vector<std::string>& names : bone.caps) {
    geometry::Mesh cap;
    for (const std::string& name : names) {
      const auto found = source.surfaces->find(name);
      if (found == source.surfaces->end()) return {};
      cap.append(found->second);
    }
    caps.push_back(std::move(cap));
  }
  return caps;
}

GeneratedTissue boneTissue(const Bone& bone, const MeasuredSource& source, PlacedTissues& placed) {
  GeneratedTissue tissue;
  tissue.entry = {{bone.id}, bone.id, bone.name, Layer::Bone, std::nullopt, {}};
  tissue.entry.facts = {{"About", bone.note}};
  const geometry::LevelSet solid = BlendedParts(bone.parts, kBoneBlendRadius).levelSet(kFittingVoxel, kPlacedBand);
  tissue.mesh = solid.toMesh(kLevelSetAdaptivity);
  const std::vector<geometry::Mesh> caps = capsOf(bone, source);
  for (const geometry::Mesh& cap : caps) fitEndToCap(tissue.mesh, cap, kCapFade);
  if (!caps.empty()) tissue.entry.facts.push_back({"Surface", "Drawn from the description, its ends fitted to the cartilage measured on the " + source.credit});
  tissue.coarse = coarseOf(tissue.mesh);
  if (caps.empty()) placed.add(solid);
  else placed.add(tissue.mesh);
  return tissue;
}

// Full strength along the belly, fading to nothing at the attachments.
float awayFromAttachments(const geometry::Mesh& mesh, size_t vertex) {
  const float t = mesh.uvs[vertex].x;
  return std::min(glm::smoothstep(0.0f, kAttachmentBlend, t), glm::smoothstep(1.0f, 1.0f - kAttachmentBlend, t));
}

// Drapes the sweep over what lies beneath, cuts out whatever it still engulfs, and
// re-meshes it, keeping the sweep's (u,v) and fibre directions.
void placeSweptTissue(GeneratedTissue& tissue, const std::vector<glm::vec3>& path, PlacedTissues& placed) {
  placed.pushOut(tissue.mesh, [&tissue](size_t v) { return awayFromAttachments(tissue.mesh, v); });
  geometry::LevelSet solid = geometry::LevelSet::fromMesh(tissue.mesh, kFittingVoxel, kPlacedBand);
  placed.carve(solid, AttachmentEnds(path, kAttachmentBlend / 2));
  geometry::Mesh carved = solid.toMesh(kLevelSetAdaptivity);
  carved.removeSmallPieces(kCrumbFraction);
  geometry::transferSurfaceAttributes(tissue.mesh, carved);
  tissue.coarse = coarseOf(carved);
  tissue.mesh = std::move(carved);
  placed.add(solid);
}

TissueEntry muscleEntry(const Muscle& m) {
  TissueEntry entry = {{m.id}, m.id, m.name, muscleLayer(m.depth), std::nullopt, {}};
  entry.facts = {{"Origin", m.origin.area},
                 {"Insertion", m.insertion.area},
                 {"Action", m.action},
                 {"Layer", std::string(depthName(m.depth)) + ", " + inWords(m.compartment)},
                 {"Fibres", m.fibres},
                 {"Where to feel it", m.surface},
                 {"Massage", m.massageNotes}};
  return entry;
}



std::string measuredFact(const MeasuredSource& source) {
  return "Measured on the " + source.credit + " (Andreassen et al. 2022, CC BY 4.0)";
}

GeneratedTissue measuredBoneTissue(const Bone& bone, geometry::Mesh mesh, const MeasuredSource& source,
                                   PlacedTissues& placed) {
  GeneratedTissue tissue;
  tissue.entry = {{bone.id}, bone.id, bone.name, Layer::Bone, std::nullopt, {}};
  tissue.entry.facts = {{"About", bone.note}, {"Surface", measuredFact(source)}};
  tissue.coarse = coarseOf(mesh);
  tissue.mesh = std::move(mesh);
  placed.add(tissue.mesh);
  return tissue;
}

void appendPiece(GeneratedTissue& tissue, const GeneratedTissue& piece) {
  tissue.mesh.append(piece.mesh);
  tissue.coarse.append(piece.coarse);
}

// The slips of a dividing tendon, from where it divides to each toe, flat on the foot
// (their thickness upward) and kept clear of what is placed.
// `alongFrom`: the fraction of the muscle's length where they begin, so that (u, v)'s u
// runs on along them from the trunk's.
void addSlips(GeneratedTissue& tissue, const Attachment& insertion, const glm::vec3& divides,
              const geometry::SweepSection& trunk, float alongFrom, PlacedTissues& placed, const FootBed& foot) {
  const float width = std::max(kSlipWidthOfTrunk * trunk.width, kThinnestSlip);
  const float thickness = std::min(trunk.thickness, kThickestSlip);
  const std::vector<CrossSection> profile = {{0.0f, width, thickness}, {1.0f, width, thickness}};
  const auto slipSweep = [&profile](const std::vector<glm::vec3>& course, int along, int around) {
    geometry::SweepOptions options;
    options.samplesAlong = along;
    options.segmentsAround = around;
    options.thicknessHint = glm::vec3(0.0f, 1.0f, 0.0f);
    return geometry::sweep(course, [&profile](float t) { return sectionAt(profile, t); }, options);
  };
  // Swept as they are, not meshed again on the fitting grid: a slip is only a few of its
  // voxels thick, and its course already keeps it clear.
  for (const Point& slip : insertion.slips) {
    std::vector<glm::vec3> course = slipCourse(divides, slip.position, placed, 0.5f * thickness + kContactGap);
    layOnFoot(course, foot, 0.5f * thickness + kContactGap);
    GeneratedTissue piece;
    piece.mesh = slipSweep(course, 32, 10);
    piece.coarse = slipSweep(course, 10, 6);
    placed.add(piece.mesh);
    for (geometry::Mesh* mesh : {&piece.mesh, &piece.coarse}) {
      for (glm::vec2& uv : mesh->uvs) uv.x = alongFrom + (1.0f - alongFrom) * uv.x;
    }
    appendPiece(tissue, piece);
  }
}

// The tendon a measured belly lacks at one end (the data stops where the belly does),
// swept at the muscle's own tendon size and kept clear of what is placed; one that
// divides into slips is swept up to where it divides, and its slips from there.
std::optional<GeneratedTissue> tendonBeyondBelly(const Muscle& m, const Description& d, const geometry::Mesh& belly,
                                                 const std::vector<float>& along, bool atInsertion, PlacedTissues& placed,
                                                 const FootBed& foot) {
  const std::vector<glm::vec3> path = m.path();
  std::optional<std::vector<glm::vec3>> tendon = missingTendon(belly, along, path, atInsertion, kMeasuredReach);
  if (!tendon) return std::nullopt;
  const geometry::SweepSection end = sectionAt(m.profile, atInsertion ? 1.0f : 0.0f);
  layOnFoot(*tendon, foot, 0.5f * end.thickness + kContactGap);
  const std::vector<CrossSection> profile = {{0.0f, end.width, end.thickness}, {1.0f, end.width, end.thickness}};
  const bool divides = atInsertion && !m.insertion.slips.empty();
  const std::vector<glm::vec3> trunk = divides ? cutBeforeEnd(*tendon, m.insertion.dividesBefore).kept : *tendon;
  GeneratedTissue piece;
  if (trunk.size() >= 2) {
    piece.mesh = sweepProfile(trunk, profile, outwardFromLimbAxis(trunk, d));
    placeSweptTissue(piece, trunk, placed);
  }
  if (divides) addSlips(piece, m.insertion, trunk.back(), end, 0.0f, placed, foot);
  return piece;
}

// A muscle drawn from its description: swept along its path (laid on the bones across the
// foot), draped over what is placed;
// one whose tendon divides is swept up to where it divides, and its slips from there.
GeneratedTissue describedMuscleTissue(const Muscle& m, const Description& d, PlacedTissues& placed, const FootBed& foot) {
  GeneratedTissue tissue;
  tissue.entry = muscleEntry(m);
  std::vector<glm::vec3> path = m.path();
  layOnFoot(path, foot, 0.5f * sectionAt(m.profile, 1.0f).thickness + kContactGap);
  const bool divides = !m.insertion.slips.empty() && geometry::pathLength(path) > 2 * m.insertion.dividesBefore;
  const CutPath trunk = divides ? cutBeforeEnd(path, m.insertion.dividesBefore) : CutPath{path, 1.0f};
  const std::vector<CrossSection> profile = divides ? profileUpTo(m.profile, trunk.fraction) : m.profile;
  tissue.mesh = sweepProfile(trunk.kept, profile, m.thicknessAxis.value_or(outwardFromLimbAxis(path, d)));
  placeSweptTissue(tissue, trunk.kept, placed);
  if (!divides) return tissue;
  for (geometry::Mesh* mesh : {&tissue.mesh, &tissue.coarse}) {
    for (glm::vec2& uv : mesh->uvs) uv.x *= trunk.fraction;
  }
  addSlips(tissue, m.insertion, trunk.kept.back(), sectionAt(m.profile, trunk.fraction), trunk.fraction, placed, foot);
  return tissue;
}

// Whether the muscle's belly ends where a tendon drawn as a tissue of its own begins (the
// gastrocnemius heads at the calcaneal tendon, the quadriceps at theirs): that tendon then
// is its insertion. A belly that runs on down beside it (the soleus, into the deep surface
// of the calcaneal tendon) keeps a tendon of its own.
bool endsAtSharedTendon(const Muscle& m, const Description& d, const geometry::Mesh& belly, const std::vector<float>& along) {
  const float end = *std::max_element(along.begin(), along.end());
  glm::vec3 centre(0.0f);
  int count = 0;
  for (size_t v = 0; v < along.size(); ++v) {
    if (along[v] > end - 0.01f) centre += belly.positions[v], ++count;
  }
  centre /= float(std::max(count, 1));
  for (const Tendon& t : d.tendons) {
    if (std::find(t.muscles.begin(), t.muscles.end(), m.id) == t.muscles.end()) continue;
    if (glm::distance(centre, t.origin.point.position) < kJoinsSharedTendonWithin) return true;
  }
  return false;
}

GeneratedTissue measuredMuscleTissue(const Muscle& m, const Description& d, geometry::Mesh belly,
                                     const MeasuredSource& source, PlacedTissues& placed, const FootBed& foot) {
  GeneratedTissue tissue;
  tissue.entry = muscleEntry(m);
  tissue.entry.facts.push_back({"Surface", measuredFact(source)});
  const std::vector<float> along = fractionsAlong(belly, m.path());
  setMeasuredFibres(belly, along);
  placed.add(belly);
  geometry::Mesh coarse = coarseOf(belly);
  for (const bool atInsertion : {true, false}) {
    if (atInsertion && endsAtSharedTendon(m, d, belly, along)) continue;
    if (std::optional<GeneratedTissue> tendon = tendonBeyondBelly(m, d, belly, along, atInsertion, placed, foot)) {
      belly.append(tendon->mesh);
      coarse.append(tendon->coarse);
    }
  }
  tissue.mesh = std::move(belly);
  tissue.coarse = std::move(coarse);
  return tissue;
}

// A superficial band's centre line, lifted on to what now lies beneath it: the muscles
// it covers may be measured ones, fuller than those it was drawn over. Its own muscles
// (the calf's in the calcaneal tendon) run into it rather than under it.
std::vector<glm::vec3> drapedPath(const Tendon& t, const Description& d, const std::vector<GeneratedTissue>& placedSoFar) {
  constexpr int kSamples = 96;
  geometry::TriangleTree beneath;
  for (const GeneratedTissue& tissue : placedSoFar) {
    const bool own = std::find(t.muscles.begin(), t.muscles.end(), tissue.entry.id) != t.muscles.end();
    if (!own && tissue.entry.layer != Layer::Lymph) beneath.add(tissue.mesh, 0);
  }
  beneath.build();
  const auto signedDistance = [&beneath](const glm::vec3& p) {
    const std::optional<geometry::SurfaceHit> hit = beneath.closest(p);
    if (!hit) return std::numeric_limits<float>::max();
    return glm::dot(p - hit->point, hit->normal) < 0.0f ? -hit->distance : hit->distance;
  };
  std::vector<glm::vec3> path = geometry::smoothPath(t.path(), kSamples);
  float thickest = 0.0f;
  for (const CrossSection& s : t.profile) thickest = std::max(thickest, s.thickness);
  const auto outward = [&d](const glm::vec3& p) { return outwardFromLimbAxis({p}, d); };
  const auto awayFromEnds = [](size_t i) {
    const float at = float(i) / float(kSamples - 1);
    return std::min(glm::smoothstep(0.0f, kAttachmentBlend, at), glm::smoothstep(1.0f, 1.0f - kAttachmentBlend, at));
  };
  liftOut(path, signedDistance, outward, 0.5f * thickest + kContactGap, awayFromEnds);
  return path;
}

GeneratedTissue tendonTissue(const Tendon& t, const std::vector<glm::vec3>& path, const Description& d) {
  GeneratedTissue tissue;
  tissue.entry = {{t.id}, t.id, t.name, Layer::Tendon, std::nullopt, {}};
  tissue.entry.facts = {{"From", t.origin.area}, {"To", t.insertion.area}, {"Notes", t.notes}};
  tissue.mesh = sweepProfile(path, t.profile, outwardFromLimbAxis(path, d));
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

float largestSection(const Muscle& m) {
  float largest = 0.0f;
  for (const CrossSection& s : m.profile) largest = std::max(largest, s.width * s.thickness);
  return largest;
}

// Deep, intermediate, then superficial; within a layer the slenderest first, so that a
// bulky neighbour yields around a thin one (a groove) rather than swallowing it.
std::vector<const Muscle*> placementOrder(const std::vector<Muscle>& muscles) {
  std::vector<const Muscle*> order;
  for (const Muscle& m : muscles) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(), [](const Muscle* a, const Muscle* b) {
    if (a->depth != b->depth) return static_cast<int>(a->depth) > static_cast<int>(b->depth);
    return largestSection(*a) < largestSection(*b);
  });
  return order;
}

// A measured surface, cut where the drawn body ends: just under the highest skin
// section (the psoas rises on to the lumbar spine, above it).
std::optional<geometry::Mesh> measuredSurface(const std::vector<std::string>& names, const Description& d,
                                              const MeasuredSource& source, std::set<std::string>& used, bool& shared) {
  if (!source.surfaces) return std::nullopt;
  std::optional<geometry::Mesh> mesh = takeMeasured(names, *source.surfaces, used, &shared);
  if (mesh && !d.skinSections.empty()) geometry::clipAbove(*mesh, d.skinSections.front().y - kBelowDrawnTop);
  return mesh;
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

// Measured muscles first, as they are; then the described ones the leg lacks, deepest
// first, each kept clear of everything before it.
void addMuscles(GeneratedModel& model, const Description& d, const MeasuredSource& source, std::set<std::string>& used,
                PlacedTissues& placed) {
  // The bones as placed (copies: the tissues' vector grows below).
  std::vector<geometry::Mesh> bones;
  for (const GeneratedTissue& t : model.tissues) {
    if (t.entry.layer == Layer::Bone) bones.push_back(t.mesh);
  }
  geometry::TriangleTree boneTree;
  for (const geometry::Mesh& bone : bones) boneTree.add(bone, 0);
  boneTree.build();
  // Only on a measured subject: the described leg's points were drawn on its own bones.
  const Landmark* ankle = d.findLandmark("ankle_joint_centre");
  const FootBed foot{source.surfaces && ankle ? &boneTree : nullptr,
                     ankle ? ankle->position.y + kTendonsOnBoneAboveAnkle : 0.0f};
  std::vector<const Muscle*> described;
  for (const Muscle* m : placementOrder(d.muscles)) {
    bool shared = false;
    std::optional<geometry::Mesh> belly = measuredSurface(m->measured, d, source, used, shared);
    if (belly) model.tissues.push_back(measuredMuscleTissue(*m, d, std::move(*belly), source, placed, foot));
    else if (!shared) described.push_back(m);
  }
  for (const Muscle* m : described) model.tissues.push_back(describedMuscleTissue(*m, d, placed, foot));
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
  for (const Tendon& t : d.tendons) {
    const std::vector<glm::vec3> path = t.depth == Depth::Superficial ? drapedPath(t, d, model.tissues) : t.path();
    model.tissues.push_back(tendonTissue(t, path, d));
    placeSweptTissue(model.tissues.back(), path, placed);
  }
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
