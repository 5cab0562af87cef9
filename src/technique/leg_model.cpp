#include "technique/leg_model.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "core/error.h"
#include "technique/endangerment.h"

namespace legatlas::technique {
namespace {

using anatomy::Layer;

// A vessel whose path stays this close to the skin is superficial and shapes the flow on
// the skin; deeper ones (between the muscles) do not.
constexpr float kSuperficialVesselDepth = 0.015f;
// How far inside the skin rays to the tissue beneath start, so they do not hit the skin.
constexpr float kBelowSkin = 0.001f;
constexpr float kDeepestTissueUnderSkin = 0.08f;

bool isBeneathSkin(Layer layer) {
  return layer == Layer::SuperficialMuscle || layer == Layer::DeepMuscle || layer == Layer::Tendon ||
         layer == Layer::Bone;
}

float distanceToSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float t = glm::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
  return glm::length(p - (a + t * ab));
}

bool inAngleRange(float angle, const glm::vec2& range) {
  // Ranges may cross ±180 (e.g. [130, 230] behind the limb): measure from the low end.
  const float from = std::fmod(angle - range.x + 720.0f, 360.0f);
  return from <= range.y - range.x;
}

}  // namespace

LegModel::LegModel(const scene::Scene& scene, const anatomy::Description& description)
    : scene_(scene), description_(description), eachTissue_(scene.tissues.size()) {
  checkSiteEntries(description);
  for (const scene::SceneMesh& m : scene.meshes) {
    if (m.detail != 0) continue;
    const Layer layer = scene.tissues[m.tissueIndex].layer;
    if (layer == Layer::Skin) skin_.add(m.mesh, m.tissueIndex);
    if (!isBeneathSkin(layer)) continue;
    beneath_.add(m.mesh, m.tissueIndex);
    eachTissue_[m.tissueIndex].add(m.mesh, m.tissueIndex);
  }
  if (skin_.empty())
    throw InputError(scene.sourcePath, "", "the model has no skin to lay strokes on",
                     "give the skin mesh the layer \"skin\" in the tissue map");
  skin_.build();
  beneath_.build();
  for (geometry::TriangleTree& tree : eachTissue_) tree.build();

  std::vector<DrainagePath> superficial;
  for (const scene::Tissue& t : scene.tissues) {
    if (t.layer != Layer::Lymph || t.anatomy.path.size() < 2) continue;
    std::vector<float> depths;
    for (const glm::vec3& p : t.anatomy.path) depths.push_back(glm::length(skinNear(p).position - p));
    std::nth_element(depths.begin(), depths.begin() + depths.size() / 2, depths.end());
    if (depths[depths.size() / 2] > kSuperficialVesselDepth) continue;
    // Territories are named by node group where the description knows the node.
    const anatomy::LymphNode* node = description.findNode(t.anatomy.flowsTo);
    superficial.push_back({t.anatomy.path, node ? node->group : t.anatomy.flowsTo});
  }
  flow_ = LymphFlowField(std::move(superficial));
}

SkinPoint LegModel::skinNear(const glm::vec3& p) const {
  const auto hit = skin_.closest(p);  // the skin is never empty here
  return {hit->point, hit->normal};
}

SkinPoint LegModel::skinToward(const glm::vec3& p, const glm::vec3& direction) const {
  // The last skin surface along the ray is the outer one, even if the ray crosses a fold.
  std::optional<geometry::SurfaceHit> last;
  glm::vec3 from = p;
  const glm::vec3 unit = glm::normalize(direction);
  for (int crossings = 0; crossings < 8; ++crossings) {
    const auto hit = skin_.raycast(from, unit, 1.0f);
    if (!hit) break;
    last = hit;
    from = hit->point + unit * 1e-4f;
  }
  if (!last) return skinNear(p);
  const glm::vec3 normal = glm::dot(last->normal, unit) < 0 ? -last->normal : last->normal;
  return {last->point, normal};
}

std::optional<SkinPoint> LegModel::skinAlongRay(const glm::vec3& origin, const glm::vec3& direction) const {
  constexpr float kFarthest = 100.0f;  // metres: anything a camera can see
  const auto hit = skin_.raycast(origin, direction, kFarthest);
  if (!hit) return std::nullopt;
  // The side of the skin facing the ray's origin is the outside here.
  return SkinPoint{hit->point, glm::dot(hit->normal, direction) > 0 ? -hit->normal : hit->normal};
}

int LegModel::tissueBeneath(const SkinPoint& point) const {
  const glm::vec3 start = point.position - point.normal * kBelowSkin;
  if (const auto hit = beneath_.raycast(start, -point.normal, kDeepestTissueUnderSkin)) return hit->tag;
  if (const auto hit = beneath_.closest(start)) return hit->tag;
  return -1;
}

std::optional<geometry::SurfaceHit> LegModel::nearestOf(int tissue, const glm::vec3& p) const {
  if (tissue < 0 || static_cast<size_t>(tissue) >= eachTissue_.size()) return std::nullopt;
  return eachTissue_[tissue].closest(p);
}

glm::vec3 LegModel::fibreAt(int tissue, const glm::vec3& p) const {
  const auto hit = nearestOf(tissue, p);
  if (!hit || glm::length(hit->tangent) < 1e-6f) return glm::vec3(0.0f);
  glm::vec3 fibre = glm::normalize(hit->tangent);
  const anatomy::TissueAnatomy& a = scene_.tissues[tissue].anatomy;
  if (a.origin && a.insertion && glm::dot(fibre, a.origin->point - a.insertion->point) < 0) fibre = -fibre;
  return fibre;
}

glm::vec3 LegModel::limbCentre(float y) const {
  const auto& sections = description_.skinSections;  // top to bottom
  if (sections.empty()) return {0.0f, y, 0.0f};
  const auto centreOf = [y](const anatomy::SkinSection& s) { return glm::vec3(s.centreXZ.x, y, s.centreXZ.y); };
  if (y >= sections.front().y) return centreOf(sections.front());
  if (y <= sections.back().y) return centreOf(sections.back());
  for (size_t i = 0; i + 1 < sections.size(); ++i) {
    const auto& upper = sections[i];
    const auto& lower = sections[i + 1];
    if (y > upper.y || y < lower.y) continue;
    const float t = (upper.y - y) / std::max(upper.y - lower.y, 1e-6f);
    const glm::vec2 c = glm::mix(upper.centreXZ, lower.centreXZ, t);
    return {c.x, y, c.y};
  }
  return centreOf(sections.back());
}

float LegModel::angleAround(const glm::vec3& p) const {
  const glm::vec3 v = p - limbCentre(p.y);
  return glm::degrees(std::atan2(v.x, v.z));
}

bool LegModel::inRegion(const anatomy::Region& region, const glm::vec3& p) const {
  if (region.heightRange && (p.y < region.heightRange->x || p.y > region.heightRange->y)) return false;
  if (region.depthRange && (p.z < region.depthRange->x || p.z > region.depthRange->y)) return false;
  if (region.angleDegrees && !inAngleRange(angleAround(p), *region.angleDegrees)) return false;
  if (region.segment && distanceToSegment(p, region.segment->first, region.segment->second) > region.radius)
    return false;
  if (region.centre && !region.segment && glm::length(p - *region.centre) > region.radius) return false;
  return true;
}

const anatomy::Region* LegModel::findRegion(const std::string& id) const {
  for (const anatomy::Region& r : description_.regions)
    if (r.id == id) return &r;
  return nullptr;
}

std::optional<glm::vec3> LegModel::namedPoint(const std::string& id) const {
  if (const anatomy::Landmark* l = description_.findLandmark(id)) return l->position;
  if (const anatomy::LymphNode* n = description_.findNode(id)) return n->position;
  return std::nullopt;
}

std::vector<std::string> LegModel::namedPointIds() const {
  std::vector<std::string> ids;
  for (const auto& l : description_.landmarks) ids.push_back(l.id);
  for (const auto& n : description_.nodes) ids.push_back(n.id);
  return ids;
}

std::vector<glm::vec3> LegModel::nodeGroup(const std::string& group) const {
  std::vector<glm::vec3> positions;
  for (const auto& n : description_.nodes)
    if (n.group == group) positions.push_back(n.position);
  return positions;
}

}  // namespace legatlas::technique
