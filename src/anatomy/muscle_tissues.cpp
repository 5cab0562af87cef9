#include "anatomy/muscle_tissues.h"

#include <algorithm>
#include <limits>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "anatomy/measured_tissues.h"
#include "anatomy/tendon_slips.h"
#include "anatomy/tissue_building.h"
#include "geometry/mesh_clip.h"
#include "geometry/triangle_tree.h"

namespace legatlas::anatomy {

namespace {

// A measured belly ending further than this from its attachment gets a tendon to it.
constexpr float kMeasuredReach = 0.01f;
// An end whose tendon is less than this share of the muscle's length is fleshy.
constexpr float kFleshyEnd = 0.05f;
// A toe's slip of a dividing tendon: about a third of the tendon's width, and flat.
constexpr float kSlipWidthOfTrunk = 0.35f;
constexpr float kThinnestSlip = 0.0035f;
constexpr float kThickestSlip = 0.0012f;
// Below this height over the ankle joint the tendons beyond a measured belly run on the
// bones (in front of the ankle, in the grooves behind the malleoli, across the foot).
constexpr float kTendonsOnBoneAboveAnkle = 0.04f;
// A measured belly ending this near the start of a tendon of its own joins it there.
constexpr float kJoinsSharedTendonWithin = 0.1f;

// An id such as "thigh_anterior" as it reads in the Info panel: "thigh anterior".
std::string inWords(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  return id;
}

Layer muscleLayer(Depth depth) { return depth == Depth::Superficial ? Layer::SuperficialMuscle : Layer::DeepMuscle; }

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

// Parts a described muscle's tendinous ends (uv.x runs along its path, 0 at the origin)
// from its belly along a clean line, so they are written and drawn as tendon; a fleshy
// end stays muscle.
void markTendinousEnds(GeneratedTissue& tissue, const Muscle& m) {
  const float bellyFrom = m.tendonAtOrigin >= kFleshyEnd ? m.tendonAtOrigin : 0.0f;
  const float bellyTo = m.tendonAtInsertion >= kFleshyEnd ? 1.0f - m.tendonAtInsertion : 1.0f;
  if (bellyFrom == 0.0f && bellyTo == 1.0f) return;
  for (auto [mesh, faces] : {std::pair{&tissue.mesh, &tissue.tendonFaces}, std::pair{&tissue.coarse, &tissue.coarseTendonFaces}}) {
    if (mesh->uvs.size() != mesh->positions.size()) continue;
    if (bellyFrom > 0.0f) geometry::cutAlongU(*mesh, bellyFrom);
    if (bellyTo < 1.0f) geometry::cutAlongU(*mesh, bellyTo);
    faces->assign(mesh->triangleCount(), false);
    for (size_t i = 0; i < mesh->triangleCount(); ++i) {
      float u = 0.0f;
      for (size_t k = 0; k < 3; ++k) u += mesh->uvs[mesh->indices[3 * i + k]].x / 3.0f;
      (*faces)[i] = u < bellyFrom || u > bellyTo;
    }
  }
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
  if (divides) {
    for (geometry::Mesh* mesh : {&tissue.mesh, &tissue.coarse}) {
      for (glm::vec2& uv : mesh->uvs) uv.x *= trunk.fraction;
    }
    addSlips(tissue, m.insertion, trunk.kept.back(), sectionAt(m.profile, trunk.fraction), trunk.fraction, placed, foot);
  }
  markTendinousEnds(tissue, m);
  return tissue;
}

// Whether the muscle's belly ends where a tendon drawn as a tissue of its own begins (the
// gastrocnemius heads at the calcaneal tendon, the quadriceps at theirs): that tendon then
// is its insertion. A belly that runs on down beside it (the soleus, into the deep surface
// of the calcaneal tendon) keeps a tendon of its own.
bool endsAtSharedTendon(const Muscle& m, const Description& d, const geometry::Mesh& belly, const std::vector<float>& along) {
  const std::optional<glm::vec3> end = bellyEndCentre(belly, along, true);
  if (!end) return false;
  for (const Tendon& t : d.tendons) {
    if (std::find(t.muscles.begin(), t.muscles.end(), m.id) == t.muscles.end()) continue;
    if (glm::distance(*end, t.origin.point.position) < kJoinsSharedTendonWithin) return true;
  }
  return false;
}

GeneratedTissue measuredMuscleTissue(const Muscle& m, const Description& d, geometry::Mesh belly,
                                     const MeasuredSource& source, PlacedTissues& placed, const FootBed& foot) {
  GeneratedTissue tissue;
  tissue.entry = muscleEntry(m);
  tissue.entry.facts.push_back({"Surface", measuredFact(source)});
  tissue.measured = true;
  const std::vector<float> along = fractionsAlong(belly, m.path());
  setMeasuredFibres(belly, along);
  placed.add(belly);
  geometry::Mesh coarse = coarseOf(belly);
  const size_t bellyFaces = belly.triangleCount(), coarseBellyFaces = coarse.triangleCount();
  for (const bool atInsertion : {true, false}) {
    if (atInsertion && (!m.insertion.into.empty() || endsAtSharedTendon(m, d, belly, along))) continue;
    // A fleshy end has no tendon to draw: the belly reaches its bone over a broad area (the
    // gluteus maximus's origin), and the one described point of it may lie off the belly.
    if ((atInsertion ? m.tendonAtInsertion : m.tendonAtOrigin) < kFleshyEnd) continue;
    if (std::optional<GeneratedTissue> tendon = tendonBeyondBelly(m, d, belly, along, atInsertion, placed, foot)) {
      belly.append(tendon->mesh);
      coarse.append(tendon->coarse);
    }
  }
  if (belly.triangleCount() > bellyFaces) {
    tissue.tendonFaces.assign(belly.triangleCount(), true);
    std::fill_n(tissue.tendonFaces.begin(), bellyFaces, false);
    tissue.coarseTendonFaces.assign(coarse.triangleCount(), true);
    std::fill_n(tissue.coarseTendonFaces.begin(), coarseBellyFaces, false);
  }
  tissue.mesh = std::move(belly);
  tissue.coarse = std::move(coarse);
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

}  // namespace

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

}  // namespace legatlas::anatomy
