#include "anatomy/tendon_bands.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "anatomy/measured_tissues.h"
#include "anatomy/tissue_building.h"
#include "anatomy/tendon_slips.h"
#include "geometry/sweep.h"
#include "geometry/triangle_tree.h"

namespace legatlas::anatomy {

namespace {

constexpr int kDrapeSamples = 96;
// A band attached to bone runs on into it this far beyond its attachment point, sunk
// under the bone's surface by half its thickness and a little more: it ends inside the
// bone instead of on it with a cut face (the patellar ligament at the apex and on the
// tuberosity, the quadriceps tendon on the base of the patella).
constexpr float kIntoBone = 0.01f;
constexpr float kUnderBoneSurface = 0.002f;
// The quadriceps and calcaneal tendons begin this far inside the end of their muscles'
// measured bellies, so that the bellies run into the tendon.
constexpr float kInsideBelly = 0.012f;
// Bellies whose ends lie this close to the first's end together begin the tendon.
constexpr float kEndsTogetherWithin = 0.06f;

// Width of a band's hidden end, as a fraction of its width where it enters.
constexpr float kHiddenEndWidth = 0.55f;

// How far each end of a band runs hidden inside what it attaches to (bone, or the belly
// of the muscle it comes from).
struct HiddenEnds {
  float origin = 0.0f, insertion = 0.0f;  // metres
};

// The end of `course` at `atEnd` moved on into `bone`: a little further along the course
// and under the bone's surface there. Returns how far it moved.
float runIntoBone(std::vector<glm::vec3>& course, bool atEnd, const geometry::Mesh& bone, float thickness) {
  geometry::TriangleTree tree;
  tree.add(bone, 0);
  tree.build();
  glm::vec3& end = atEnd ? course.back() : course.front();
  const glm::vec3 before = atEnd ? course[course.size() - 2] : course[1];
  const std::optional<geometry::SurfaceHit> hit = tree.closest(end + glm::normalize(end - before) * kIntoBone);
  if (!hit) return 0.0f;
  const glm::vec3 inside = hit->point - hit->normal * (0.5f * thickness + kUnderBoneSurface);
  const float moved = glm::distance(end, inside);
  end = inside;
  return moved;
}

// Where a tendon that begins at its muscles (not on bone) begins on a measured leg: inside
// the ends of the measured bellies that end with its first muscle's (the two heads of
// gastrocnemius; rectus femoris alone, the vasti ending lower, at the patella), at their
// mean. Nothing when the first muscle's belly was not measured.
std::optional<glm::vec3> startInsideBellies(const Tendon& t, const Description& d, const GeneratedModel& model) {
  if (!t.origin.bone.empty() || t.muscles.empty()) return std::nullopt;
  std::vector<glm::vec3> ends;
  glm::vec3 back(0.0f);
  for (const std::string& id : t.muscles) {
    const Muscle* muscle = d.findMuscle(id);
    if (!muscle) continue;
    for (const GeneratedTissue& tissue : model.tissues) {
      if (tissue.entry.id != id || !tissue.measured) continue;
      const std::vector<glm::vec3> path = muscle->path();
      const std::optional<glm::vec3> end = bellyEndCentre(tissue.mesh, fractionsAlong(tissue.mesh, path), true);
      const bool first = id == t.muscles.front();
      if (!end || (first ? !ends.empty() : ends.empty() || glm::distance(*end, ends.front()) > kEndsTogetherWithin)) break;
      ends.push_back(*end);
      back += glm::normalize(path[path.size() - 2] - path.back());
    }
  }
  if (ends.empty()) return std::nullopt;
  glm::vec3 mean(0.0f);
  for (const glm::vec3& e : ends) mean += e / float(ends.size());
  return mean + glm::normalize(back) * kInsideBelly;
}

// A superficial band's centre line, lifted on to what now lies beneath it: the muscles
// it covers may be measured ones, fuller than those it was drawn over. Its own muscles
// (the calf's in the calcaneal tendon) run into it rather than under it, and the bones it
// attaches to take its ends in: it is not lifted over either.
std::vector<glm::vec3> drapedPath(const std::vector<glm::vec3>& course, const Tendon& t, const Description& d,
                                  HiddenEnds hidden, const std::vector<GeneratedTissue>& placedSoFar) {
  // A tendon that continues measured bellies lies on its muscles (the calcaneal tendon on
  // the soleus, the quadriceps tendon on vastus intermedius), not over a gap; described
  // ones were drawn on them.
  const bool liesOnOwnMuscles = hidden.origin > 0.0f && t.origin.bone.empty();
  geometry::TriangleTree others, own;
  for (const GeneratedTissue& tissue : placedSoFar) {
    const std::string& id = tissue.entry.id;
    if (tissue.entry.layer == Layer::Lymph || id == t.origin.bone || id == t.insertion.bone) continue;
    if (std::find(t.muscles.begin(), t.muscles.end(), id) == t.muscles.end()) others.add(tissue.mesh, 0);
    else if (liesOnOwnMuscles) own.add(tissue.mesh, 0);
  }
  others.build();
  if (liesOnOwnMuscles) own.build();
  const auto signedDistanceTo = [](const geometry::TriangleTree& tree) {
    return [&tree](const glm::vec3& p) {
      const std::optional<geometry::SurfaceHit> hit = tree.closest(p);
      if (!hit) return std::numeric_limits<float>::max();
      return glm::dot(p - hit->point, hit->normal) < 0.0f ? -hit->distance : hit->distance;
    };
  };
  std::vector<glm::vec3> path = geometry::smoothPath(course, kDrapeSamples);
  float thickest = 0.0f;
  for (const CrossSection& s : t.profile) thickest = std::max(thickest, s.thickness);
  const auto outward = [&d](const glm::vec3& p) { return outwardFromLimbAxis({p}, d); };
  // Not where it runs hidden into bone or belly, and gradually beyond.
  const float length = geometry::pathLength(path);
  const float fromOrigin = hidden.origin / length, fromInsertion = 1.0f - hidden.insertion / length;
  const auto awayFromEnds = [&](size_t i) {
    const float at = float(i) / float(kDrapeSamples - 1);
    return std::min(glm::smoothstep(fromOrigin, fromOrigin + kAttachmentBlend, at),
                    glm::smoothstep(fromInsertion, fromInsertion - kAttachmentBlend, at));
  };
  const float clearance = 0.5f * thickest + kContactGap;
  liftOut(path, signedDistanceTo(others), outward, clearance, awayFromEnds);
  if (liesOnOwnMuscles) lowerOnto(path, signedDistanceTo(own), outward, clearance, awayFromEnds);
  return path;
}

// Swept along `path` at the tendon's profile, narrowing over its hidden ends (to
// kHiddenEndWidth at its very end) so that their corners stay inside too.
GeneratedTissue tendonBand(const Tendon& t, const std::vector<glm::vec3>& path, const Description& d,
                           HiddenEnds hidden, PlacedTissues& placed) {
  GeneratedTissue tissue;
  tissue.entry = {{t.id}, t.id, t.name, Layer::Tendon, std::nullopt, {}};
  tissue.entry.facts = {{"From", t.origin.area}, {"To", t.insertion.area}, {"Notes", t.notes}};
  const float length = geometry::pathLength(path);
  const float origin = hidden.origin / length, insertion = 1.0f - hidden.insertion / length;
  geometry::SweepOptions options;
  options.samplesAlong = 64;
  options.segmentsAround = 20;
  options.thicknessHint = outwardFromLimbAxis(path, d);
  tissue.mesh = geometry::sweep(path, [&](float u) {
    geometry::SweepSection section = sectionAt(t.profile, u);
    const float narrowing = std::min(u < origin ? glm::mix(kHiddenEndWidth, 1.0f, u / origin) : 1.0f,
                                     u > insertion ? glm::mix(1.0f, kHiddenEndWidth, (u - insertion) / (1.0f - insertion)) : 1.0f);
    section.width *= narrowing;
    return section;
  }, options);
  tissue.coarse = coarseOf(tissue.mesh);
  placed.add(tissue.mesh);
  return tissue;
}

}  // namespace

void addTendonBands(GeneratedModel& model, const Description& d, const std::map<std::string, size_t>& bones,
                    PlacedTissues& placed) {
  for (const Tendon& t : d.tendons) {
    std::vector<glm::vec3> course = t.path();
    HiddenEnds hidden;
    // The via points were drawn for the described muscles; from a measured belly's end the
    // tendon runs straight to its insertion, draped over what is not its own.
    if (const std::optional<glm::vec3> start = startInsideBellies(t, d, model)) {
      course = {*start, course.back()};
      hidden.origin = kInsideBelly;
    }
    for (const bool atEnd : {false, true}) {
      const Attachment& a = atEnd ? t.insertion : t.origin;
      const auto bone = bones.find(a.bone);
      if (bone == bones.end() || t.profile.empty() || course.size() < 2) continue;
      const float thickness = (atEnd ? t.profile.back() : t.profile.front()).thickness;
      (atEnd ? hidden.insertion : hidden.origin) = runIntoBone(course, atEnd, model.tissues[bone->second].mesh, thickness);
    }
    const std::vector<glm::vec3> path = t.depth == Depth::Superficial ? drapedPath(course, t, d, hidden, model.tissues) : course;
    model.tissues.push_back(tendonBand(t, path, d, hidden, placed));
  }
}

}  // namespace legatlas::anatomy
