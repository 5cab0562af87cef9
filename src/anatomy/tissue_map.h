#pragma once
// A tissue map says which tissue each mesh of a model is: an ordered list of name
// patterns, each giving a tissue id, display name, layer, colour, facts and, optionally,
// anatomy (attachments, vessel paths, where lymph flows). The first entry whose pattern
// matches a mesh's node or mesh name wins.
#include <glm/vec3.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "anatomy/layer.h"

namespace legatlas::anatomy {

struct Fact {
  std::string label;
  std::string text;
};

// Where a muscle or tendon attaches.
struct AttachmentSite {
  glm::vec3 point{0.0f};
  std::string area;  // the attachment area in words; may be empty
};

// Anatomy a map entry may carry besides its facts. Points are in the model frame
// (metres, +X lateral, +Y superior, +Z anterior) whatever the model file's own units.
struct TissueAnatomy {
  std::optional<AttachmentSite> origin, insertion;  // muscles and tendons
  std::vector<glm::vec3> path;  // vessels and veins: at least two points, in the direction of flow
  std::string flowsTo;          // lymph vessels and nodes: the id of the node (or node group) lymph goes to

  bool empty() const { return !origin && !insertion && path.empty() && flowsTo.empty(); }
};

struct TissueEntry {
  std::vector<std::string> patterns;
  std::string id;
  std::string name;
  Layer layer = Layer::Unassigned;
  std::optional<glm::vec3> color;
  std::vector<Fact> facts;
  TissueAnatomy anatomy = {};
  // Every mesh of the tissue is a closed surface facing outward (`"closed": true`): its
  // back faces never show, so they are not drawn.
  bool closed = false;
};

// How the model file's axes and units relate to the model frame (metres, +Y superior,
// +Z anterior). Unset fields fall back to what the file itself declares.
struct ModelFrameHint {
  std::optional<float> metresPerUnit;
  std::optional<std::string> up;     // e.g. "+Z"
  std::optional<std::string> front;  // e.g. "-Y"
};

class TissueMap {
 public:
  static TissueMap parse(std::string_view json, const std::string& fileName);
  static TissueMap load(const std::string& path);

  // First entry matching the node name or the mesh name, or nullptr.
  const TissueEntry* match(std::string_view nodeName, std::string_view meshName) const;

  const std::vector<TissueEntry>& entries() const { return entries_; }
  const ModelFrameHint& frameHint() const { return frameHint_; }
  const std::string& source() const { return source_; }

 private:
  std::vector<TissueEntry> entries_;
  ModelFrameHint frameHint_;
  std::string source_;
};

// Default colour of a layer, used when the tissue map gives none.
glm::vec3 defaultLayerColor(Layer layer);

}  // namespace legatlas::anatomy
