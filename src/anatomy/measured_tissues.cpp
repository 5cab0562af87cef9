#include "anatomy/measured_tissues.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <limits>

#include "geometry/fibre_field.h"
#include "geometry/sweep.h"
#include "geometry/triangle_tree.h"

namespace legatlas::anatomy {

namespace {

// How much of the belly's length, at each end, is held fixed for the fibre field.
constexpr float kHeldEnd = 0.04f;

struct PathPoint {
  float along = 0;  // metres from the path's start
  float distance = 0;
};

PathPoint closestOnPath(const glm::vec3& p, const std::vector<glm::vec3>& path) {
  PathPoint best{0.0f, std::numeric_limits<float>::max()};
  float start = 0.0f;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const glm::vec3 ab = path[i + 1] - path[i];
    const float length = glm::length(ab);
    const float t = length > 1e-9f ? std::clamp(glm::dot(p - path[i], ab) / (length * length), 0.0f, 1.0f) : 0.0f;
    const float d = glm::distance(p, path[i] + ab * t);
    if (d < best.distance) best = {start + t * length, d};
    start += length;
  }
  return best;
}

}  // namespace

std::optional<geometry::Mesh> takeMeasured(const std::vector<std::string>& names, const MeasuredSurfaces& surfaces,
                                           std::set<std::string>& used, bool* shared) {
  std::optional<geometry::Mesh> mesh;
  if (shared) *shared = false;
  for (const std::string& name : names) {
    const auto found = surfaces.find(name);
    if (found == surfaces.end()) continue;
    if (!used.insert(name).second) {
      if (shared) *shared = true;
      continue;
    }
    if (!mesh) mesh.emplace();
    mesh->append(found->second);
  }
  return mesh;
}

std::optional<geometry::Mesh> allMeasured(const std::vector<std::string>& names, const MeasuredSurfaces& surfaces) {
  geometry::Mesh mesh;
  for (const std::string& name : names) {
    const auto found = surfaces.find(name);
    if (found == surfaces.end()) return std::nullopt;
    mesh.append(found->second);
  }
  return mesh;
}

std::vector<float> fractionsAlong(const geometry::Mesh& belly, const std::vector<glm::vec3>& path) {
  const float length = std::max(geometry::pathLength(path), 1e-6f);
  std::vector<float> along;
  along.reserve(belly.positions.size());
  for (const glm::vec3& p : belly.positions) along.push_back(closestOnPath(p, path).along / length);
  return along;
}

void setMeasuredFibres(geometry::Mesh& belly, const std::vector<float>& along) {
  const auto [low, high] = std::minmax_element(along.begin(), along.end());
  std::vector<uint32_t> origin, insertion;
  for (uint32_t v = 0; v < along.size(); ++v) {
    if (along[v] <= *low + kHeldEnd * (*high - *low)) origin.push_back(v);
    else if (along[v] >= *high - kHeldEnd * (*high - *low)) insertion.push_back(v);
  }
  const geometry::FibreFieldResult field = geometry::harmonicFibres(belly, origin, insertion);
  belly.tangents.resize(belly.positions.size());
  for (size_t v = 0; v < belly.positions.size(); ++v) belly.tangents[v] = glm::vec4(field.direction[v], 1.0f);
}

std::optional<glm::vec3> bellyEndCentre(const geometry::Mesh& belly, const std::vector<float>& along, bool atInsertion) {
  if (along.empty()) return std::nullopt;
  // The belly's end: its vertices nearest the attachment along the path.
  const float end = atInsertion ? *std::max_element(along.begin(), along.end()) : *std::min_element(along.begin(), along.end());
  glm::vec3 centre(0.0f);
  int count = 0;
  for (size_t v = 0; v < along.size(); ++v) {
    if (std::abs(along[v] - end) < 0.01f) {
      centre += belly.positions[v];
      ++count;
    }
  }
  return centre / float(count);
}

std::optional<std::vector<glm::vec3>> missingTendon(const geometry::Mesh& belly, const std::vector<float>& along,
                                                    const std::vector<glm::vec3>& path, bool atInsertion, float reach) {
  const glm::vec3 attachment = atInsertion ? path.back() : path.front();
  glm::vec3 nearest = belly.positions.front();
  for (const glm::vec3& p : belly.positions) {
    if (glm::distance(p, attachment) < glm::distance(nearest, attachment)) nearest = p;
  }
  const std::optional<glm::vec3> endCentre = bellyEndCentre(belly, along, atInsertion);
  if (glm::distance(nearest, attachment) < reach || !endCentre) return std::nullopt;
  const glm::vec3 centre = *endCentre;
  const float end = atInsertion ? *std::max_element(along.begin(), along.end()) : *std::min_element(along.begin(), along.end());
  // From the end's centre, through the path's points beyond the end, to the attachment.
  const float length = std::max(geometry::pathLength(path), 1e-6f);
  std::vector<glm::vec3> tendon{centre};
  float start = 0.0f;
  std::vector<glm::vec3> beyond;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) start += glm::distance(path[i - 1], path[i]);
    const float f = start / length;
    if (atInsertion ? f > end + 0.02f : f < end - 0.02f) beyond.push_back(path[i]);
  }
  if (!atInsertion) std::reverse(beyond.begin(), beyond.end());
  // Only points that bring it nearer the attachment: a described point carried onto this
  // subject can lie behind the belly's end, and the tendon would loop back to it.
  for (const glm::vec3& p : beyond) {
    if (glm::distance(p, tendon.back()) > 0.005f && glm::distance(p, attachment) < glm::distance(tendon.back(), attachment))
      tendon.push_back(p);
  }
  if (glm::distance(tendon.back(), attachment) > 1e-4f) tendon.push_back(attachment);
  if (tendon.size() < 2) return std::nullopt;
  if (!atInsertion) std::reverse(tendon.begin(), tendon.end());  // origin -> insertion, as a muscle's path runs
  return tendon;
}

namespace {

void placeOnBone(Attachment& a, const std::map<std::string, geometry::TriangleTree>& trees) {
  const auto tree = trees.find(a.bone);
  if (a.bone.empty() || tree == trees.end()) return;
  if (const std::optional<geometry::SurfaceHit> hit = tree->second.closest(a.point.position)) a.point.position = hit->point;
  for (Point& slip : a.slips) {
    if (const std::optional<geometry::SurfaceHit> hit = tree->second.closest(slip.position)) slip.position = hit->point;
  }
}

}  // namespace

void placeAttachmentsOnBones(Description& d, const std::map<std::string, const geometry::Mesh*>& bones) {
  std::map<std::string, geometry::TriangleTree> trees;
  for (const auto& [id, mesh] : bones) {
    trees[id].add(*mesh, 0);
    trees[id].build();
  }
  for (Muscle& m : d.muscles) {
    placeOnBone(m.origin, trees);
    placeOnBone(m.insertion, trees);
  }
  for (Tendon& t : d.tendons) {
    placeOnBone(t.origin, trees);
    placeOnBone(t.insertion, trees);
  }
}

}  // namespace legatlas::anatomy
