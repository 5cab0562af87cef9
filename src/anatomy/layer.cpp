#include "anatomy/layer.h"

#include "core/text.h"

namespace legatlas::anatomy {

namespace {
struct LayerInfo {
  std::string_view key;
  std::string_view displayName;
};
constexpr std::array<LayerInfo, kLayerCount> kLayerInfo = {{
    {"skin", "Skin"},
    {"lymph", "Subcutaneous / lymph"},
    {"superficial_muscles", "Superficial muscles"},
    {"deep_muscles", "Deep muscles"},
    {"tendons", "Tendons"},
    {"bones", "Bones"},
    {"vessels", "Vessels"},
    {"unassigned", "Unassigned"},
}};
}  // namespace

std::string_view layerKey(Layer layer) { return kLayerInfo[static_cast<int>(layer)].key; }

std::string_view layerDisplayName(Layer layer) {
  return kLayerInfo[static_cast<int>(layer)].displayName;
}

std::optional<Layer> layerFromKey(std::string_view key) {
  const std::string lower = toLower(key);
  for (Layer layer : kAllLayers) {
    if (layerKey(layer) == lower) return layer;
  }
  return std::nullopt;
}

}  // namespace legatlas::anatomy
