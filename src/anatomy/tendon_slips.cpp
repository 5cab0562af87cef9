#include "anatomy/tendon_slips.h"

#include <algorithm>
#include <cmath>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

namespace legatlas::anatomy {

namespace {
constexpr float kSlipPointSpacing = 0.004f;  // metres between the points of a course
constexpr float kFootBlend = 0.02f;          // metres above the bed's top over which laying fades
constexpr int kLayingRounds = 3;

// Where a point lies when laid on the nearest bone, and how fully (0 above the blend).
glm::vec3 laidOnBone(const glm::vec3& p, const FootBed& bed, float clearance) {
  const float weight = glm::smoothstep(bed.top + kFootBlend, bed.top, p.y);
  if (weight <= 0.0f) return p;
  const std::optional<geometry::SurfaceHit> hit = bed.bones->closest(p);
  if (!hit) return p;
  return glm::mix(p, hit->point + hit->normal * clearance, weight);
}
}  // namespace

geometry::SweepSection sectionAt(const std::vector<CrossSection>& profile, float t) {
  const auto next = std::find_if(profile.begin(), profile.end(), [t](const CrossSection& s) { return s.t >= t; });
  if (next == profile.begin()) return {profile.front().width, profile.front().thickness};
  if (next == profile.end()) return {profile.back().width, profile.back().thickness};
  const CrossSection& a = *(next - 1);
  const CrossSection& b = *next;
  const float f = (t - a.t) / std::max(b.t - a.t, 1e-6f);
  return {a.width + (b.width - a.width) * f, a.thickness + (b.thickness - a.thickness) * f};
}

CutPath cutBeforeEnd(const std::vector<glm::vec3>& path, float beforeEnd) {
  const float length = geometry::pathLength(path);
  CutPath cut;
  if (path.empty() || length <= beforeEnd) {
    if (!path.empty()) cut.kept = {path.front()};
    cut.fraction = 0.0f;
    return cut;
  }
  const float keep = length - beforeEnd;
  cut.fraction = keep / length;
  cut.kept = {path.front()};
  float walked = 0.0f;
  for (size_t i = 1; i < path.size(); ++i) {
    const float step = glm::distance(path[i - 1], path[i]);
    if (walked + step >= keep) {
      cut.kept.push_back(glm::mix(path[i - 1], path[i], (keep - walked) / std::max(step, 1e-9f)));
      break;
    }
    walked += step;
    cut.kept.push_back(path[i]);
  }
  return cut;
}

std::vector<CrossSection> profileUpTo(const std::vector<CrossSection>& profile, float fraction) {
  std::vector<CrossSection> kept;
  if (fraction <= 0.0f) return kept;
  for (const CrossSection& s : profile) {
    if (s.t < fraction) kept.push_back({s.t / fraction, s.width, s.thickness});
  }
  const geometry::SweepSection end = sectionAt(profile, fraction);
  kept.push_back({1.0f, end.width, end.thickness});
  return kept;
}

std::vector<glm::vec3> slipCourse(const glm::vec3& divides, const glm::vec3& inserts, const PlacedTissues& placed,
                                  float clearance) {
  const int segments = std::max(2, static_cast<int>(std::ceil(glm::distance(divides, inserts) / kSlipPointSpacing)));
  std::vector<glm::vec3> course;
  for (int i = 0; i <= segments; ++i) course.push_back(glm::mix(divides, inserts, float(i) / float(segments)));
  // Out of the bones and the muscles under it, so it lies on them.
  placed.pushOut(course, clearance);
  return course;
}

void layOnFoot(std::vector<glm::vec3>& course, const FootBed& bed, float clearance) {
  if (!bed.bones || bed.bones->empty() || course.size() < 3) return;
  const int samples = std::max(3, static_cast<int>(std::ceil(geometry::pathLength(course) / kSlipPointSpacing)) + 1);
  course = geometry::smoothPath(course, samples);
  for (int round = 0; round < kLayingRounds; ++round) {
    for (size_t i = 1; i + 1 < course.size(); ++i) course[i] = laidOnBone(course[i], bed, clearance);
    // A course laid point by point steps into the gaps between the bones; evened out, it
    // bridges them as a tendon under tension does (what then dips into a bone is pushed
    // out when the tendon is placed).
    std::vector<glm::vec3> evened = course;
    for (size_t i = 1; i + 1 < course.size(); ++i) evened[i] = 0.25f * (course[i - 1] + 2.0f * course[i] + course[i + 1]);
    course = std::move(evened);
  }
}

}  // namespace legatlas::anatomy
