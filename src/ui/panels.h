#pragma once
// ImGui panels. Each draws from the state it is given and reports what the user asked
// for; none of them loads files or touches GL.
#include <optional>
#include <string>
#include <vector>

#include "scene/camera.h"
#include "scene/layer_visibility.h"
#include "scene/scene.h"
#include "teaching/direction_guides.h"

namespace legatlas::ui {

// The built-in legs, in the order the Model panel offers them: the --leg names.
inline constexpr const char* kBuiltInLegs[] = {"described", "female", "male"};

struct ModelPanelState {
  int builtInLeg = 0;  // index into kBuiltInLegs; used when no model file is named
  bool builtInShown = false;  // the loaded model is that built-in leg, not a file the user named
  std::string modelPath;
  std::string tissueMapPath;
  std::string error;  // last load error, shown until the next successful load
  std::vector<std::string> warnings;
};

// The left sidebar holding the Model, Layers and View sections.
bool beginSidebar();
void endSidebar();

// Returns true when the user asks to load the paths in `state`.
bool drawModelPanel(ModelPanelState& state, const scene::Scene* scene);
void drawLayersPanel(scene::LayerVisibility& layers);

struct ViewRequest {
  std::optional<scene::ViewPreset> preset;
  bool frame = false;
};
ViewRequest drawViewPanel();
// Credits for the data the leg and the room are made from.
void drawAboutPanel();

void drawInfoPanel(const scene::Scene* scene, int selectedTissue);

// What is shown beside the leg: the direction guides ("Why this direction", offered when
// `guidesOffered`), the labels, presentation and the interface's scale. Returns true
// when the user asks to present.
bool drawShowPanel(teaching::GuideToggles& guides, bool guidesOffered, bool& labels, float& uiScale);

}  // namespace legatlas::ui
