#pragma once
// The display layers every tissue belongs to. Visibility and opacity are set per layer.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace legatlas::anatomy {

enum class Layer : int {
  Skin = 0,
  Lymph,  // subcutaneous tissue: lymph vessels and nodes
  SuperficialMuscle,
  DeepMuscle,
  Tendon,
  Bone,
  Vessel,  // veins
  Unassigned,
};

inline constexpr int kLayerCount = 8;
inline constexpr std::array<Layer, kLayerCount> kAllLayers = {
    Layer::Skin, Layer::Lymph,  Layer::SuperficialMuscle, Layer::DeepMuscle,
    Layer::Tendon, Layer::Bone, Layer::Vessel,            Layer::Unassigned};

// Stable key used in files and on the command line, e.g. "superficial_muscles".
std::string_view layerKey(Layer layer);
// Name shown to people, e.g. "Superficial muscles".
std::string_view layerDisplayName(Layer layer);
std::optional<Layer> layerFromKey(std::string_view key);

}  // namespace legatlas::anatomy
