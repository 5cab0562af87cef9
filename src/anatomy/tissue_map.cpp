#include "anatomy/tissue_map.h"

#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"

namespace legatlas::anatomy {

namespace {

std::vector<std::string> readPatterns(const JsonField& field) {
  std::vector<std::string> patterns;
  if (field.value().is_string()) {
    patterns.push_back(field.asString());
  } else {
    for (size_t i = 0; i < field.arraySize(); ++i) patterns.push_back(field.at(i).asString());
  }
  if (patterns.empty()) field.fail("no patterns", "give at least one name pattern, e.g. \"Skin*\"");
  return patterns;
}

glm::vec3 readColor(const JsonField& field) {
  if (field.arraySize() != 3) field.fail("expected three numbers", "write [r, g, b] from 0 to 1");
  glm::vec3 color;
  for (int i = 0; i < 3; ++i) {
    const double c = field.at(i).asNumber();
    if (c < 0.0 || c > 1.0) field.at(i).fail("outside 0..1", "write colour components from 0 to 1");
    color[i] = static_cast<float>(c);
  }
  return color;
}

std::vector<Fact> readFacts(const JsonField& field) {
  if (!field.value().is_object()) {
    field.fail("expected an object of label: text", "write {\"Action\": \"...\"}");
  }
  std::vector<Fact> facts;
  for (const auto& [label, text] : field.value().items()) {
    facts.push_back({label, field.at(label).asString()});
  }
  return facts;
}

glm::vec3 readPoint(const JsonField& field) {
  if (field.arraySize() != 3) {
    field.fail("expected three numbers, found " + std::to_string(field.arraySize()),
               "write [x, y, z] in metres in the model frame");
  }
  glm::vec3 point;
  for (int i = 0; i < 3; ++i) point[i] = static_cast<float>(field.at(i).asNumber());
  return point;
}

AttachmentSite readAttachment(const JsonField& field) {
  if (!field.value().is_object()) {
    field.fail("expected an object", "write {\"point\": [x, y, z], \"area\": \"...\"}");
  }
  AttachmentSite site;
  site.point = readPoint(field.at("point"));
  if (field.has("area")) site.area = field.at("area").asString();
  return site;
}

std::vector<glm::vec3> readPath(const JsonField& field) {
  if (field.arraySize() < 2) {
    field.fail("expected at least two points", "write [[x, y, z], [x, y, z], ...] in the direction of flow");
  }
  std::vector<glm::vec3> path;
  for (size_t i = 0; i < field.arraySize(); ++i) path.push_back(readPoint(field.at(i)));
  return path;
}

TissueAnatomy readAnatomy(const JsonField& entry) {
  TissueAnatomy anatomy;
  if (entry.has("origin")) anatomy.origin = readAttachment(entry.at("origin"));
  if (entry.has("insertion")) anatomy.insertion = readAttachment(entry.at("insertion"));
  if (entry.has("path")) anatomy.path = readPath(entry.at("path"));
  if (entry.has("flows_to")) {
    anatomy.flowsTo = entry.at("flows_to").asString();
    if (anatomy.flowsTo.empty()) entry.at("flows_to").fail("empty id", "name the node the lymph flows to");
  }
  return anatomy;
}

Layer readLayer(const JsonField& field) {
  const std::string key = field.asString();
  if (auto layer = layerFromKey(key)) return *layer;
  std::string known;
  for (Layer l : kAllLayers) known += (known.empty() ? "" : ", ") + std::string(layerKey(l));
  field.fail("unknown layer \"" + key + "\"", "use one of: " + known);
}

TissueEntry readEntry(const JsonField& field) {
  TissueEntry entry;
  entry.patterns = readPatterns(field.at("match"));
  entry.id = field.at("id").asString();
  if (entry.id.empty()) field.at("id").fail("empty id", "give the tissue a short id");
  entry.name = field.has("name") ? field.at("name").asString() : entry.id;
  entry.layer = readLayer(field.at("layer"));
  if (field.has("color")) entry.color = readColor(field.at("color"));
  if (field.has("facts")) entry.facts = readFacts(field.at("facts"));
  entry.anatomy = readAnatomy(field);
  if (field.has("closed")) entry.closed = field.at("closed").asBool();
  return entry;
}

std::string readAxis(const JsonField& field) {
  const std::string axis = toLower(field.asString());
  static const char* kAxes[] = {"+x", "-x", "+y", "-y", "+z", "-z"};
  for (const char* a : kAxes) {
    if (axis == a) return axis;
  }
  field.fail("unknown axis \"" + axis + "\"", "write one of +X, -X, +Y, -Y, +Z, -Z");
}

ModelFrameHint readFrameHint(const JsonField& field) {
  ModelFrameHint hint;
  if (field.has("units")) {
    const std::string units = toLower(field.at("units").asString());
    if (units == "m") hint.metresPerUnit = 1.0f;
    else if (units == "cm") hint.metresPerUnit = 0.01f;
    else if (units == "mm") hint.metresPerUnit = 0.001f;
    else if (units == "in") hint.metresPerUnit = 0.0254f;
    else field.at("units").fail("unknown units \"" + units + "\"", "write m, cm, mm or in");
  }
  if (field.has("up")) hint.up = readAxis(field.at("up"));
  if (field.has("front")) hint.front = readAxis(field.at("front"));
  return hint;
}

}  // namespace

TissueMap TissueMap::parse(std::string_view json, const std::string& fileName) {
  const OrderedJson document = parseJsonDocument(json, fileName);
  const JsonField root(document, "", fileName);
  if (!document.is_object()) root.fail("expected an object with a \"tissues\" list", "");
  TissueMap map;
  map.source_ = fileName;
  if (root.has("model")) map.frameHint_ = readFrameHint(root.at("model"));
  const JsonField tissues = root.at("tissues");
  for (size_t i = 0; i < tissues.arraySize(); ++i) map.entries_.push_back(readEntry(tissues.at(i)));
  return map;
}

TissueMap TissueMap::load(const std::string& path) { return parse(readFile(path), path); }

const TissueEntry* TissueMap::match(std::string_view nodeName, std::string_view meshName) const {
  for (const TissueEntry& entry : entries_) {
    for (const std::string& pattern : entry.patterns) {
      if (globMatch(pattern, nodeName) || globMatch(pattern, meshName)) return &entry;
    }
  }
  return nullptr;
}

glm::vec3 defaultLayerColor(Layer layer) {
  switch (layer) {
    case Layer::Skin: return {0.89f, 0.71f, 0.60f};
    case Layer::Lymph: return {0.49f, 0.78f, 0.32f};
    case Layer::SuperficialMuscle: return {0.74f, 0.25f, 0.22f};
    case Layer::DeepMuscle: return {0.58f, 0.19f, 0.21f};
    case Layer::Tendon: return {0.90f, 0.87f, 0.76f};
    case Layer::Bone: return {0.93f, 0.90f, 0.80f};
    case Layer::Vessel: return {0.27f, 0.38f, 0.82f};
    case Layer::Unassigned: break;
  }
  return {0.70f, 0.71f, 0.74f};
}

}  // namespace legatlas::anatomy
