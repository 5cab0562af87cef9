#include "technique/hand_placement.h"

#include "technique/hand_geometry.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtc/quaternion.hpp>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace legatlas::technique {
namespace {

using hand_geometry::inPlane;
using hand_geometry::startsWith;

constexpr float kSettleSeconds = 0.4f;      // the hand shapes itself from its contact pose to its working pose
constexpr float kKneadingLift = 0.008f;     // metres a grip lifts the skin at its height
constexpr float kKneadingLiftRadius = 0.04f;
constexpr float kClusterCell = 0.02f;       // metres: vertices of one bone within a cell are culled together
constexpr float kMeasuredCell = 0.004f;     // metres: one vertex of a bone per cell this size is measured
constexpr float kFingertipCell = 0.002f;    // the same on the fingers' end joints
constexpr float kPatchSampleCell = 0.004f;  // metres: one patch vertex a cell is measured when settling the patch

}  // namespace

HandPlacer::HandPlacer(const LegModel& leg, const HandRig& rightHand, HandPoseBook book)
    : right_(prepare(rightHand)), left_(prepare(rightHand.mirrored())), book_(std::move(book)) {
  const scene::Scene& scene = leg.scene();
  size_t count = 0;
  for (const scene::SceneMesh& m : scene.meshes)
    count += m.detail == 0 && scene.tissues[m.tissueIndex].layer == anatomy::Layer::Skin;
  skin_.reserve(count);  // the tree keeps pointers into this list
  for (const scene::SceneMesh& m : scene.meshes)
    if (m.detail == 0 && scene.tissues[m.tissueIndex].layer == anatomy::Layer::Skin) {
      skin_.push_back(m.mesh);
      skinTree_.add(skin_.back(), m.tissueIndex);
    }
  skinTree_.build();
}

HandPlacer::RiggedHand HandPlacer::prepare(HandRig rig) const {
  RiggedHand h;
  const glm::vec3 thumbSide(rig.side == HandSide::Right ? 1.0f : -1.0f, 0.0f, 0.0f);
  h.finger.assign(rig.bones.size(), -1);
  std::vector<glm::vec3> padward(rig.bones.size());
  for (size_t b = 0; b < rig.bones.size(); ++b) {
    const std::string& name = rig.bones[b].name;
    if (startsWith(name, "finger")) h.finger[b] = name[6] - '1';
    const glm::vec3 along = glm::normalize(rig.bones[b].tail - rig.bones[b].head);
    padward[b] = glm::normalize(glm::cross(rig.flexionAxis(b), along));  // palm-ward, across the bone
  }
  std::map<std::tuple<int, int, int, int>, size_t> clusterOf;
  std::set<std::tuple<int, int, int, int>> measuredCells;
  for (uint32_t v = 0; v < rig.mesh.positions.size(); ++v) {
    const size_t b = rig.boneIndices[v][0];
    const std::string& name = rig.bones[b].name;
    const glm::vec3 p = rig.mesh.positions[v], n = rig.mesh.normals[v];
    if ((startsWith(name, "metacarpal") || (startsWith(name, "wrist") && p.y > 0.0f)) && n.z < -0.6f)
      h.patches[size_t(ContactPatch::Palm)].push_back(v);
    if (startsWith(name, "finger1-3") && glm::dot(n, padward[b]) > 0.5f) h.patches[size_t(ContactPatch::ThumbPad)].push_back(v);
    if (h.finger[b] >= 1 && name[8] == '3' && glm::dot(n, padward[b]) > 0.5f)
      h.patches[size_t(ContactPatch::FingerPads)].push_back(v);
    if (startsWith(name, "lowerarm01") && glm::dot(n, -thumbSide) > 0.7f)
      h.patches[size_t(ContactPatch::ForearmBorder)].push_back(v);
    // One vertex a small cell stands for its neighbours (kSinkMargin covers the rest); on
    // the fingers' end joints, a smaller cell: a fingertip curves more within a cell than
    // the margin allows.
    const bool fingertip = h.finger[b] >= 0 && name.size() > 8 && name[8] == '3';
    const glm::ivec3 fine = glm::ivec3(glm::floor(p / (fingertip ? kFingertipCell : kMeasuredCell)));
    if (!measuredCells.emplace(int(b), fine.x, fine.y, fine.z).second) continue;
    const glm::ivec3 cell = glm::ivec3(glm::floor(p / kClusterCell));
    const auto key = std::make_tuple(int(b), cell.x, cell.y, cell.z);
    const auto [at, added] = clusterOf.emplace(key, h.clusters.size());
    if (added) h.clusters.emplace_back();
    h.clusters[at->second].push_back(v);
  }
  for (size_t p = 0; p < h.patches.size(); ++p) {
    if (h.patches[p].empty())
      throw std::logic_error("the hand rig has no vertices for the " + std::string(patchId(ContactPatch(p))) + " patch");
    h.inPatch[p].assign(rig.mesh.positions.size(), false);
    for (uint32_t v : h.patches[p]) h.inPatch[p][v] = true;
    // One vertex a small cell, so a ridge of the limb (the shin's crest) under the patch
    // meets a measured vertex wherever it lies.
    std::set<std::tuple<int, int, int>> cells;
    for (uint32_t v : h.patches[p]) {
      const glm::ivec3 c = glm::ivec3(glm::floor(rig.mesh.positions[v] / kPatchSampleCell));
      if (cells.emplace(c.x, c.y, c.z).second) h.patchSamples[p].push_back(v);
    }
  }
  h.rig = std::move(rig);
  return h;
}

float HandPlacer::aboveSkin(const glm::vec3& p) const {
  int hint = -1;
  return aboveSkin(p, hint);
}

float HandPlacer::aboveSkin(const glm::vec3& p, int& hint) const {
  const auto hit = skinTree_.closest(p, {}, hint);
  if (!hit) return 1.0f;
  hint = hit->triangle;
  const float side = glm::dot(p - hit->point, hit->normal);
  return side >= 0 ? hit->distance : -hit->distance;
}

SkinPoint HandPlacer::skinUnder(const glm::vec3& p) const {
  const auto hit = skinTree_.closest(p);
  return hit ? SkinPoint{hit->point, hit->normal} : SkinPoint{p, glm::vec3(0, 0, 1)};
}

HandTarget HandPlacer::targetOf(const HandRole& role, const Stroke& stroke, const ContactPoint& c) const {
  glm::vec3 base = c.position, normal = c.normal, way = c.direction;
  if (role.held) {
    const std::vector<StrokeSample>& w = stroke.working;
    base = w.front().position, normal = w.front().normal;
    way = inPlane(w[std::min<size_t>(3, w.size() - 1)].position - base, normal, c.direction);
  }
  const glm::vec3 across = glm::normalize(glm::cross(normal, way));
  HandTarget t{base, normal, way};
  const bool offset = role.atModel || role.along != 0 || role.across != 0;
  if (offset) {
    const glm::vec3 wanted = role.atModel ? base + *role.atModel : base + way * role.along + across * role.across;
    if (const auto hit = skinTree_.closest(wanted)) t.position = hit->point, t.normal = hit->normal;
  }
  const glm::vec3 lead = role.toward == LeadToward::Across ? across : role.toward == LeadToward::Model ? role.towardModel : way;
  t.lead = inPlane(lead, t.normal, way);
  return t;
}

HandRequests HandPlacer::requests(const std::vector<Stroke>& strokes, float time, const Pose& pose) const {
  HandRequests out;
  const ContactPoint& c = pose.contact;
  if (c.stroke < 0) return out;
  const Stroke& s = strokes[size_t(c.stroke)];
  const TechniqueHands* hands = book_.find(s.technique->id);
  if (!hands) return out;
  const bool pressing = out.pressing = c.active && c.working;
  const float settled = std::clamp((time - s.start()) / kSettleSeconds, 0.0f, 1.0f);
  for (const HandRole& role : hands->hands) {
    HandRequest request;
    request.role = &role;
    request.angles = !pressing ? role.phases[size_t(StrokePhase::Return)]
                               : blendAngles(role.phases[size_t(StrokePhase::Contact)],
                                             role.phases[size_t(StrokePhase::Working)], settled);
    HandTarget& target = request.target = targetOf(role, s, c);
    const bool offset = role.held || role.atModel || role.along != 0 || role.across != 0;
    target.press = offset ? 0.0f : pose.press;
    target.above = role.above + pose.hover;
    if (role.squeezeLag && pressing) {
      const float cycles = (time - s.start()) * std::max(s.technique->cyclesPerSecond, 0.1f) - *role.squeezeLag;
      request.grip = std::max(0.0f, std::sin(2.0f * glm::pi<float>() * cycles));
      request.angles = curled(request.angles, role.squeezeFlex * request.grip);
      target.above += kKneadingLift * request.grip;  // the hand rises with the skin it lifts
    }
    // The skin rises under the gripping hand, not under both at once.
    if (role.squeezeLag && out.dents.size() < kMostDents)
      out.dents.push_back({target.position, target.normal, -kKneadingLift * request.grip, kKneadingLiftRadius});
    out.hands.push_back(request);
  }
  return out;
}

HandPose HandPlacer::requestedPose(const HandRequest& request) const {
  return poseOf(rig(request.role->side), request.angles);
}

void HandPlacer::place(const std::vector<Stroke>& strokes, float time, Pose& pose) const {
  HandRequests asked = requests(strokes, time, pose);
  for (const HandRequest& request : asked.hands) pose.hands.push_back(solve(request));
  if (!asked.dents.empty()) pose.dents = std::move(asked.dents);
}

glm::mat4 frameOf(const HandTarget& t) {
  glm::mat4 frame(1.0f);
  frame[0] = glm::vec4(t.lead, 0.0f);
  frame[1] = glm::vec4(glm::cross(t.normal, t.lead), 0.0f);
  frame[2] = glm::vec4(t.normal, 0.0f);
  frame[3] = glm::vec4(t.position, 1.0f);
  return frame;
}

}  // namespace legatlas::technique
