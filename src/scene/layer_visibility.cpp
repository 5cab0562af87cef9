#include "scene/layer_visibility.h"

#include <charconv>
#include <vector>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::scene {

using anatomy::Layer;

namespace {

std::vector<Layer> layersNamed(std::string_view name) {
  const std::string key = toLower(name);
  if (key == "all") return {anatomy::kAllLayers.begin(), anatomy::kAllLayers.end()};
  if (key == "muscles") return {Layer::SuperficialMuscle, Layer::DeepMuscle};
  if (auto layer = anatomy::layerFromKey(key)) return {*layer};
  return {};
}

std::string knownNames() {
  std::string names = "all, muscles";
  for (Layer l : anatomy::kAllLayers) names += ", " + std::string(anatomy::layerKey(l));
  return names;
}

float parseOpacity(std::string_view text, const std::string& source, const std::string& item) {
  float value = -1.0f;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !(value >= 0.0f && value <= 1.0f)) {
    throw InputError(source, "\"" + item + "\"", "opacity must be a number from 0 to 1",
                     "write e.g. skin=0.3");
  }
  return value;
}

}  // namespace

LayerVisibility LayerVisibility::defaults() {
  LayerVisibility v;
  v[Layer::Skin].opacity = 0.3f;
  return v;
}

LayerVisibility LayerVisibility::parse(std::string_view spec, const std::string& source) {
  LayerVisibility v;
  for (LayerState& s : v.states_) s.visible = false;
  for (const std::string& item : commaSeparated(spec)) {
    const size_t equals = item.find('=');
    const std::string name = item.substr(0, equals);
    const std::vector<Layer> layers = layersNamed(name);
    if (layers.empty()) {
      throw InputError(source, "\"" + item + "\"", "unknown layer \"" + name + "\"",
                       "use one of: " + knownNames());
    }
    const float opacity = equals == std::string::npos
                              ? 1.0f
                              : parseOpacity(std::string_view(item).substr(equals + 1), source, item);
    for (Layer layer : layers) v[layer] = LayerState{opacity > 0.0f, opacity};
  }
  return v;
}

bool LayerVisibility::drawn(Layer layer) const {
  const LayerState& s = (*this)[layer];
  return s.visible && s.opacity > 0.0f;
}

bool LayerVisibility::opaque(Layer layer) const { return drawn(layer) && (*this)[layer].opacity >= 0.999f; }

bool LayerVisibility::pickable(Layer layer) const { return drawn(layer) && (*this)[layer].opacity >= 0.5f; }

}  // namespace legatlas::scene
