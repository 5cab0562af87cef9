#pragma once
// Which layers are drawn, and how opaque each one is.
#include <array>
#include <string>
#include <string_view>

#include "anatomy/layer.h"

namespace legatlas::scene {

struct LayerState {
  bool visible = true;
  float opacity = 1.0f;  // 1 opaque; below 1 drawn as order-independent transparency
};

class LayerVisibility {
 public:
  // Every layer visible; skin at 30 % so the muscles read through it.
  static LayerVisibility defaults();
  // Parses "skin=0.3,muscles,bones": the listed layers are shown (at the given opacity
  // or fully opaque), all others hidden. "muscles" names both muscle layers, "all" every
  // layer. Throws InputError naming `source` (e.g. "--layers") and the bad item.
  static LayerVisibility parse(std::string_view spec, const std::string& source);

  LayerState& operator[](anatomy::Layer layer) { return states_[static_cast<int>(layer)]; }
  const LayerState& operator[](anatomy::Layer layer) const { return states_[static_cast<int>(layer)]; }
  // Drawn at all, and drawn opaque.
  bool drawn(anatomy::Layer layer) const;
  bool opaque(anatomy::Layer layer) const;
  // Solid enough to be picked: translucent layers below half opacity are clicked through.
  bool pickable(anatomy::Layer layer) const;

 private:
  std::array<LayerState, anatomy::kLayerCount> states_{};
};

}  // namespace legatlas::scene
