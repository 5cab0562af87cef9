#include "anatomy/leg_registration.h"

#include <algorithm>
#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <map>

#include "core/error.h"

namespace legatlas::anatomy {

namespace {

// Over this height above the ankle the foot's scaling blends into the shank's.
constexpr float kAnkleBlend = 0.02f;

}  // namespace

SegmentWarp::SegmentWarp(const Joints& described, const Joints& subject) : from_(described), to_(subject) {
  across_ = glm::distance(subject.hip, subject.ankle) / glm::distance(described.hip, described.ankle);
  footLength_ = (subject.toe - subject.heel) / (described.toe - described.heel);
  ankleHeight_ = (subject.ankle.y - subject.floor) / (described.ankle.y - described.floor);
}

float SegmentWarp::height(float y) const {
  const Joints &a = from_, &b = to_;
  if (y >= a.hip.y) return b.hip.y + (y - a.hip.y) * across_;  // the pelvis scales as a whole
  if (y >= a.knee.y) return glm::mix(b.hip.y, b.knee.y, (y - a.hip.y) / (a.knee.y - a.hip.y));
  if (y >= a.ankle.y) return glm::mix(b.knee.y, b.ankle.y, (y - a.knee.y) / (a.ankle.y - a.knee.y));
  return b.ankle.y + (y - a.ankle.y) * ankleHeight_;
}

// The point of the limb's axis (hip, knee, ankle joined by straight segments) at the
// described height, on the described leg or the subject.
glm::vec3 SegmentWarp::axisPoint(const Joints& j, float describedY) const {
  const Joints& a = from_;
  if (describedY >= a.hip.y) return j.hip;
  if (describedY >= a.knee.y) return glm::mix(j.hip, j.knee, (describedY - a.hip.y) / (a.knee.y - a.hip.y));
  if (describedY >= a.ankle.y) return glm::mix(j.knee, j.ankle, (describedY - a.knee.y) / (a.ankle.y - a.knee.y));
  return j.ankle;
}

glm::vec3 SegmentWarp::apply(const glm::vec3& p) const {
  const glm::vec3 axisFrom = axisPoint(from_, p.y), axisTo = axisPoint(to_, p.y);
  const glm::vec3 offset = p - axisFrom;
  // Below the ankle the foot's own length takes over from the limb's, over a short blend.
  const float intoFoot = glm::smoothstep(from_.ankle.y, from_.ankle.y - kAnkleBlend, p.y);
  const float alongFoot = glm::mix(across_, footLength_, intoFoot);
  return {axisTo.x + offset.x * across_, height(p.y), axisTo.z + offset.z * alongFoot};
}

SegmentWarp fitSegmentWarp(const Description& described, const std::vector<MeasuredLandmark>& measured,
                           const std::string& subjectName) {
  std::map<std::string, glm::vec3> here;
  for (const MeasuredLandmark& m : measured) here[m.landmark.id] = m.landmark.position;
  const auto need = [&](const std::string& id, bool onSubject) {
    if (onSubject) {
      const auto it = here.find(id);
      if (it == here.end())
        throw InputError(subjectName, "landmark " + id, "could not be measured on the subject's surfaces",
                         "import the subject again with legatlas-import-leg (assets/legs/README.md)");
      return it->second;
    }
    const Landmark* l = described.findLandmark(id);
    if (!l) throw InputError(described.directory, "landmarks.json", "has no " + id, "restore the landmark");
    return l->position;
  };
  SegmentWarp::Joints joints[2];
  for (int subject = 0; subject < 2; ++subject) {
    SegmentWarp::Joints& j = joints[subject];
    j.hip = need("hip_joint_centre", subject);
    j.knee = need("knee_joint_centre", subject);
    j.ankle = need("ankle_joint_centre", subject);
    j.floor = need("floor", subject).y;
    j.heel = need("calcaneal_tuberosity", subject).z;
    j.toe = need("tip_great_toe", subject).z;
  }
  return SegmentWarp(joints[0], joints[1]);
}

namespace {

// Carries one description onto the subject.
class Registrar {
 public:
  Registrar(const Description& described, const std::vector<MeasuredLandmark>& measured, const SegmentWarp& warp)
      : described_(described), warp_(warp) {
    for (const MeasuredLandmark& m : measured) measured_[m.landmark.id] = m.landmark.position;
  }

  glm::vec3 landmark(const std::string& id) const {
    const auto it = measured_.find(id);
    if (it != measured_.end()) return it->second;
    const Landmark* l = described_.findLandmark(id);
    return l ? warp_.apply(l->position) : glm::vec3(0.0f);
  }
  // A point written as a landmark (with any offset) follows the landmark; one written as
  // coordinates is carried.
  Point point(const Point& p) const {
    const Landmark* l = p.landmark.empty() ? nullptr : described_.findLandmark(p.landmark);
    if (!l) return {warp_.apply(p.position), p.landmark};
    return {landmark(p.landmark) + (p.position - l->position) * warp_.across(), p.landmark};
  }
  glm::vec3 at(const glm::vec3& p) const { return warp_.apply(p); }
  float length(float metres) const { return metres * warp_.across(); }
  std::vector<glm::vec3> path(const std::vector<glm::vec3>& points) const {
    std::vector<glm::vec3> out;
    for (const glm::vec3& p : points) out.push_back(at(p));
    return out;
  }
  std::vector<Point> points(const std::vector<Point>& points) const {
    std::vector<Point> out;
    for (const Point& p : points) out.push_back(point(p));
    return out;
  }
  float height(float y) const { return warp_.height(y); }

 private:
  const Description& described_;
  const SegmentWarp& warp_;
  std::map<std::string, glm::vec3> measured_;
};

void carry(BonePart& part, const Registrar& r) {
  part.from = r.point(part.from);
  part.to = r.point(part.to);
  part.center = r.point(part.center);
  part.sheet = r.points(part.sheet);
  part.radiusFrom = r.length(part.radiusFrom);
  part.radiusTo = r.length(part.radiusTo);
  part.radii *= r.length(1.0f);
  part.thickness = r.length(part.thickness);
}

void carry(std::vector<CrossSection>& profile, const Registrar& r) {
  for (CrossSection& s : profile) {
    s.width = r.length(s.width);
    s.thickness = r.length(s.thickness);
  }
}

template <typename Band>
void carryBand(Band& band, const Registrar& r) {
  band.origin.point = r.point(band.origin.point);
  band.insertion.point = r.point(band.insertion.point);
  for (Attachment* end : {&band.origin, &band.insertion}) {
    end->slips = r.points(end->slips);
    end->dividesBefore = r.length(end->dividesBefore);
  }
  band.via = r.points(band.via);
  carry(band.profile, r);
}

void carry(Region& region, const Registrar& r) {
  // A depth range is carried at the region's own height.
  const float y = region.centre ? region.centre->y : region.heightRange ? 0.5f * (region.heightRange->x + region.heightRange->y) : 0.0f;
  if (region.depthRange) {
    region.depthRange = glm::vec2(r.at(glm::vec3(0.0f, y, region.depthRange->x)).z, r.at(glm::vec3(0.0f, y, region.depthRange->y)).z);
  }
  if (region.heightRange) region.heightRange = glm::vec2(r.height(region.heightRange->x), r.height(region.heightRange->y));
  if (region.centre) region.centre = r.at(*region.centre);
  if (region.segment) region.segment = std::make_pair(r.at(region.segment->first), r.at(region.segment->second));
  region.radius = r.length(region.radius);
}

void carry(SkinSection& section, const Registrar& r) {
  const glm::vec3 centre = r.at(glm::vec3(section.centreXZ.x, section.y, section.centreXZ.y));
  section.y = centre.y;
  section.centreXZ = glm::vec2(centre.x, centre.z);
  section.radiiXZ *= r.length(1.0f);
}

}  // namespace

Description registerDescription(const Description& described, const std::vector<MeasuredLandmark>& measured,
                                const SegmentWarp& warp) {
  const Registrar r(described, measured, warp);
  Description d = described;
  for (Landmark& l : d.landmarks) l.position = r.landmark(l.id);
  for (Bone& b : d.bones) {
    for (BonePart& part : b.parts) carry(part, r);
    for (BetweenMuscles& between : b.between) {
      if (between.above) between.above = r.point(*between.above);
    }
  }
  for (Muscle& m : d.muscles) carryBand(m, r);
  for (Tendon& t : d.tendons) carryBand(t, r);
  for (LymphNode& n : d.nodes) {
    n.position = r.at(n.position);
    n.radii *= r.length(1.0f);
  }
  for (LymphVessel& v : d.vessels) v.path = r.path(v.path);
  for (Vein& v : d.veins) v.path = r.path(v.path);
  for (Region& region : d.regions) carry(region, r);
  for (SkinSection& s : d.skinSections) carry(s, r);
  for (BonePart& part : d.footOutline) carry(part, r);
  d.soleHeight = r.landmark("floor").y;
  for (LeanSpot& spot : d.leanSpots) {
    spot.from = r.at(spot.from);
    spot.to = r.at(spot.to);
    spot.radius = r.length(spot.radius);
  }
  return d;
}

}  // namespace legatlas::anatomy
