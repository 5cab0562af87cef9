// Checks that need the whole description: unique ids, and every reference between files
// (bones of attachments, muscles of tendons, nodes that vessels end at) resolving, and
// every muscle and tendon having a course to sweep along.
#include <filesystem>
#include <glm/geometric.hpp>
#include <set>

#include "anatomy/description.h"
#include "core/error.h"

namespace legatlas::anatomy {

namespace {

const std::set<std::string> kNodeGroups = {"popliteal", "superficial_inguinal_horizontal",
                                           "superficial_inguinal_vertical", "deep_inguinal"};
constexpr float kShortestPath = 0.001f;  // metres: a path shorter than this sweeps nothing

class Checker {
 public:
  explicit Checker(const Description& d) : d_(d) {}

  [[noreturn]] void fail(const std::string& file, const std::string& place, const std::string& reason,
                         const std::string& fix) const {
    throw InputError((std::filesystem::path(d_.directory) / file).string(), place, reason, fix);
  }

  void uniqueId(const std::string& file, const std::string& place, const std::string& id) {
    if (!ids_.insert(id).second) fail(file, place + ".id", "id \"" + id + "\" is used twice", "give each entry its own id");
  }

  void boneExists(const std::string& file, const std::string& place, const std::string& bone) const {
    for (const Bone& b : d_.bones) {
      if (b.id == bone) return;
    }
    fail(file, place, "unknown bone \"" + bone + "\"", "use an id from bones.json");
  }

  void attachments(const std::string& file, const std::string& place, const Attachment& origin,
                   const Attachment& insertion, bool originMayLeaveBone) const {
    if (!origin.bone.empty() || !originMayLeaveBone) boneExists(file, place + ".origin.bone", origin.bone);
    boneExists(file, place + ".insertion.bone", insertion.bone);
    if (!insertion.into.empty() && !d_.findTendon(insertion.into))
      fail(file, place + ".insertion.into", "unknown tendon \"" + insertion.into + "\"", "use an id from tendons.json");
  }

  // A muscle or tendon is swept along its path: it needs two points apart.
  void pathHasLength(const std::string& file, const std::string& place, const std::vector<glm::vec3>& path) const {
    for (const glm::vec3& p : path) {
      if (glm::distance(p, path.front()) > kShortestPath) return;
    }
    fail(file, place + ".insertion.point", "lies where the origin is, with no via point between them",
         "give the insertion its own point, or via points along the course");
  }

  void run() {
    for (size_t i = 0; i < d_.bones.size(); ++i) uniqueId("bones.json", "bones[" + std::to_string(i) + "]", d_.bones[i].id);
    for (size_t i = 0; i < d_.muscles.size(); ++i) {
      const std::string place = "muscles[" + std::to_string(i) + "]";
      const Muscle& m = d_.muscles[i];
      uniqueId("muscles.json", place, m.id);
      attachments("muscles.json", place, m.origin, m.insertion, false);
      pathHasLength("muscles.json", place, m.path());
      if (!m.partOf.empty() && !d_.findMuscle(m.partOf)) {
        fail("muscles.json", place + ".part_of", "unknown muscle \"" + m.partOf + "\"", "use a muscle id");
      }
    }
    for (size_t i = 0; i < d_.tendons.size(); ++i) {
      const std::string place = "tendons[" + std::to_string(i) + "]";
      uniqueId("tendons.json", place, d_.tendons[i].id);
      attachments("tendons.json", place, d_.tendons[i].origin, d_.tendons[i].insertion, true);
      pathHasLength("tendons.json", place, d_.tendons[i].path());
      for (const std::string& muscle : d_.tendons[i].muscles) {
        if (!d_.findMuscle(muscle)) fail("tendons.json", place + ".origin.muscles", "unknown muscle \"" + muscle + "\"", "use a muscle id");
      }
    }
    checkLymphatics();
    for (size_t i = 0; i < d_.veins.size(); ++i) uniqueId("veins.json", "veins[" + std::to_string(i) + "]", d_.veins[i].id);
    for (size_t i = 0; i < d_.regions.size(); ++i) uniqueId("regions.json", "regions[" + std::to_string(i) + "]", d_.regions[i].id);
  }

 private:
  void checkLymphatics() {
    for (size_t i = 0; i < d_.nodes.size(); ++i) {
      const std::string place = "nodes[" + std::to_string(i) + "]";
      const LymphNode& n = d_.nodes[i];
      uniqueId("lymphatics.json", place, n.id);
      if (!kNodeGroups.count(n.group)) {
        fail("lymphatics.json", place + ".group", "unknown node group \"" + n.group + "\"",
             "use popliteal, superficial_inguinal_horizontal, superficial_inguinal_vertical or deep_inguinal");
      }
      if (!kNodeGroups.count(n.drainsTo) && !d_.findNode(n.drainsTo) && n.drainsTo != "external_iliac") {
        fail("lymphatics.json", place + ".drains_to", "unknown node or group \"" + n.drainsTo + "\"",
             "use a node id, a node group, or external_iliac");
      }
    }
    for (size_t i = 0; i < d_.vessels.size(); ++i) {
      const std::string place = "vessels[" + std::to_string(i) + "]";
      uniqueId("lymphatics.json", place, d_.vessels[i].id);
      if (!d_.findNode(d_.vessels[i].endsAt)) {
        fail("lymphatics.json", place + ".ends_at", "unknown node \"" + d_.vessels[i].endsAt + "\"", "use a node id");
      }
    }
  }

  const Description& d_;
  std::set<std::string> ids_;
};

template <typename T>
const T* findById(const std::vector<T>& items, const std::string& id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

std::vector<glm::vec3> joinPath(const Attachment& origin, const std::vector<Point>& via, const Attachment& insertion) {
  std::vector<glm::vec3> path{origin.point.position};
  for (const Point& p : via) path.push_back(p.position);
  path.push_back(insertion.point.position);
  return path;
}

}  // namespace

void checkReferences(const Description& d) { Checker(d).run(); }

std::vector<glm::vec3> Muscle::path() const { return joinPath(origin, via, insertion); }
std::vector<glm::vec3> Tendon::path() const { return joinPath(origin, via, insertion); }

const Landmark* Description::findLandmark(const std::string& id) const { return findById(landmarks, id); }
const Muscle* Description::findMuscle(const std::string& id) const { return findById(muscles, id); }
const Tendon* Description::findTendon(const std::string& id) const { return findById(tendons, id); }
const LymphNode* Description::findNode(const std::string& id) const { return findById(nodes, id); }

std::string_view depthName(Depth depth) {
  switch (depth) {
    case Depth::Superficial: return "superficial";
    case Depth::Intermediate: return "intermediate";
    case Depth::Deep: return "deep";
  }
  return "superficial";
}

}  // namespace legatlas::anatomy
