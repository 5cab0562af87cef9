#pragma once
// What strokes are planned on and checked against: the loaded leg (its skin, the tissues
// beneath, their fibre directions, the lymph vessels) together with the anatomical
// description's landmarks and regions. Built once per model; the scene and description
// must outlive it.
#include <optional>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "geometry/triangle_tree.h"
#include "scene/scene.h"
#include "technique/lymph_flow.h"

namespace legatlas::technique {

struct SkinPoint {
  glm::vec3 position{0.0f};
  glm::vec3 normal{0.0f};  // outward
};

class LegModel {
 public:
  // Throws InputError when the model has no skin to stroke.
  LegModel(const scene::Scene& scene, const anatomy::Description& description);
  LegModel(const LegModel&) = delete;
  LegModel& operator=(const LegModel&) = delete;

  const scene::Scene& scene() const { return scene_; }
  const anatomy::Description& description() const { return description_; }
  const LymphFlowField& lymphFlow() const { return flow_; }

  // The skin point nearest to p.
  SkinPoint skinNear(const glm::vec3& p) const;
  // Where a ray from p (inside the leg) leaves the skin going along `direction`; the
  // nearest skin point when it does not.
  SkinPoint skinToward(const glm::vec3& p, const glm::vec3& direction) const;
  // The first skin a ray meets (e.g. from the eye through the mouse), or nothing.
  std::optional<SkinPoint> skinAlongRay(const glm::vec3& origin, const glm::vec3& direction) const;
  // The muscle, tendon or bone just beneath a skin point (a tissue index), or -1.
  int tissueBeneath(const SkinPoint& point) const;
  // The fibre direction of a tissue nearest to p, unit, oriented from insertion toward
  // origin when the map gives them; zero when the tissue has no fibre directions.
  glm::vec3 fibreAt(int tissue, const glm::vec3& p) const;
  // The nearest point of a tissue's surface to p.
  std::optional<geometry::SurfaceHit> nearestOf(int tissue, const glm::vec3& p) const;

  // The limb's central axis at height y (from the skin outline of the description).
  glm::vec3 limbCentre(float y) const;
  // Degrees around the limb axis: 0 anterior, 90 lateral, ±180 posterior, -90 medial.
  float angleAround(const glm::vec3& p) const;
  bool inRegion(const anatomy::Region& region, const glm::vec3& p) const;
  const anatomy::Region* findRegion(const std::string& id) const;

  // A landmark or lymph node by id, or nothing.
  std::optional<glm::vec3> namedPoint(const std::string& id) const;
  // Every id namedPoint knows, for suggestions.
  std::vector<std::string> namedPointIds() const;
  // The positions of the nodes of a node group ("popliteal", "superficial_inguinal_vertical", ...).
  std::vector<glm::vec3> nodeGroup(const std::string& group) const;

 private:
  const scene::Scene& scene_;
  const anatomy::Description& description_;
  geometry::TriangleTree skin_, beneath_;
  // The tissues beneath the skin one by one, indexed by tissue, so that a query for one
  // tissue's nearest point searches its triangles alone.
  std::vector<geometry::TriangleTree> eachTissue_;
  LymphFlowField flow_;
};

}  // namespace legatlas::technique
