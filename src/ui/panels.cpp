#include "ui/panels.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace legatlas::ui {

using anatomy::Layer;

namespace {
// A fixed-width window that grows to fit its content; `right` puts it on the right edge.
void placeNext(bool right) {
  const float em = ImGui::GetFontSize();
  const float margin = 0.6f * em, width = 22.0f * em;
  const float x = right ? ImGui::GetIO().DisplaySize.x - width - margin : margin;
  ImGui::SetNextWindowPos(ImVec2(x, margin), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, ImGui::GetIO().DisplaySize.y - 2 * margin));
}
}  // namespace

bool beginSidebar() {
  placeNext(false);
  return ImGui::Begin("LegAtlas", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

void endSidebar() { ImGui::End(); }

bool drawModelPanel(ModelPanelState& state, const scene::Scene* scene) {
  bool load = false;
  if (!ImGui::CollapsingHeader("Model", ImGuiTreeNodeFlags_DefaultOpen)) return false;
  // Choosing a built-in leg opens it at once, in place of any model file named below.
  static const char* const kLegNames[] = {"Described (drawn from the anatomy)", "Measured: Visible Human Female",
                                          "Measured: Visible Human Male"};
  if (!scene) ImGui::TextWrapped("No model loaded");
  else if (state.builtInShown) ImGui::TextWrapped("The built-in leg: %s", kLegNames[state.builtInLeg]);
  else ImGui::TextWrapped("%s", scene->sourcePath.c_str());
  if (scene) {
    ImGui::Text("%zu meshes, %zu tissues, %zu triangles", scene->meshes.size(), scene->tissues.size(),
                scene->triangleCount());
  }
  ImGui::Separator();
  if (ImGui::Combo("Built-in leg", &state.builtInLeg, kLegNames, IM_ARRAYSIZE(kLegNames))) {
    state.modelPath.clear();
    state.tissueMapPath.clear();
    load = true;
  }
  ImGui::InputText("Model file", &state.modelPath);
  ImGui::InputText("Tissue map", &state.tissueMapPath);
  if (ImGui::Button("Load")) load = true;
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("or drop a model or tissue map on the window");
  ImGui::PopTextWrapPos();
  if (!state.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
    ImGui::TextWrapped("%s", state.error.c_str());
    ImGui::PopStyleColor();
  }
  for (const std::string& warning : state.warnings) ImGui::TextWrapped("Note: %s", warning.c_str());
  return load;
}

void drawLayersPanel(scene::LayerVisibility& layers) {
  if (!ImGui::CollapsingHeader("Layers", ImGuiTreeNodeFlags_DefaultOpen)) return;
  for (Layer layer : anatomy::kAllLayers) {
    scene::LayerState& state = layers[layer];
    ImGui::PushID(static_cast<int>(layer));
    ImGui::Checkbox("##visible", &state.visible);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
    ImGui::SliderFloat("##opacity", &state.opacity, 0.0f, 1.0f, "%.2f");
    ImGui::SameLine();
    ImGui::TextUnformatted(anatomy::layerDisplayName(layer).data());
    ImGui::PopID();
  }
}

ViewRequest drawViewPanel() {
  ViewRequest request;
  if (!ImGui::CollapsingHeader("View", ImGuiTreeNodeFlags_DefaultOpen)) return request;
  struct Button {
    const char* label;
    scene::ViewPreset preset;
    const char* key;
  };
  const Button buttons[] = {
      {"Anterior", scene::ViewPreset::Anterior, "1"},   {"Posterior", scene::ViewPreset::Posterior, "Ctrl+1"},
      {"Lateral", scene::ViewPreset::Lateral, "3"},     {"Medial", scene::ViewPreset::Medial, "Ctrl+3"},
      {"Superior", scene::ViewPreset::Superior, "7"},   {"Inferior", scene::ViewPreset::Inferior, "Ctrl+7"},
  };
  for (size_t i = 0; i < std::size(buttons); ++i) {
    if (ImGui::Button(buttons[i].label, ImVec2(ImGui::GetFontSize() * 6.0f, 0))) {
      request.preset = buttons[i].preset;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("key %s", buttons[i].key);
    if (i % 2 == 0) ImGui::SameLine();  // two columns: a view and its opposite
  }
  if (ImGui::Button("Frame model (F)")) request.frame = true;
  ImGui::TextDisabled("Left drag: orbit  Right/middle drag: pan\nWheel: zoom to cursor  Click: select");
  return request;
}

void drawAboutPanel() {
  if (!ImGui::CollapsingHeader("About")) return;
  ImGui::TextWrapped("LegAtlas %s: which way each massage stroke goes over the leg, and why.", LEGATLAS_VERSION);
  ImGui::Separator();
  ImGui::TextWrapped("Attachments cross-checked against OpenSim's gait2392 model (Delp et al. 1990; "
                     "opensim-org/opensim-models, CC BY 3.0).");
  ImGui::TextWrapped("Measured legs: the Visible Human Female's and Male's lower-limb surfaces, Center for "
                     "Orthopaedic Biomechanics, University of Denver (Andreassen et al., Scientific Data 2022, "
                     "doi:10.1038/s41597-022-01905-2; dataset doi:10.56902/COB.vh.2022.0), CC BY 4.0; mirrored "
                     "and simplified (assets/legs/README.md).");
  ImGui::TextWrapped("The body on the table: MakeHuman's hm08 base mesh, skeleton and weights "
                     "(makehumancommunity/makehuman, CC0 1.0).");
  ImGui::TextWrapped("Lymph territories after Kubik and Földi; endangerment sites after Werner and Salvo "
                     "(assets/anatomy/README.md).");
}

void drawInfoPanel(const scene::Scene* scene, int selectedTissue) {
  placeNext(true);
  // Ends above the Practice window below it (practice_panel.cpp places it at 14 em): a
  // long description scrolls inside rather than running under that window.
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSizeConstraints(ImVec2(22.0f * em, 0.0f), ImVec2(22.0f * em, 12.8f * em));
  ImGui::Begin("Info", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  if (!scene || selectedTissue < 0 || selectedTissue >= static_cast<int>(scene->tissues.size())) {
    ImGui::TextWrapped("Click a tissue to see what it is.");
    ImGui::End();
    return;
  }
  const scene::Tissue& tissue = scene->tissues[selectedTissue];
  ImGui::TextUnformatted(tissue.name.c_str());
  ImGui::TextDisabled("%s  |  %s", tissue.id.c_str(), anatomy::layerDisplayName(tissue.layer).data());
  ImGui::Separator();
  for (const anatomy::Fact& fact : tissue.facts) {
    ImGui::TextColored(ImVec4(0.7f, 0.8f, 1.0f, 1.0f), "%s", fact.label.c_str());
    ImGui::TextWrapped("%s", fact.text.c_str());
  }
  ImGui::End();
}

bool drawShowPanel(teaching::GuideToggles& guides, bool guidesOffered, bool& labels, float& uiScale) {
  if (guidesOffered && ImGui::CollapsingHeader("Why this direction")) {
    ImGui::Checkbox("Lymph flow on the skin", &guides.lymphFlow);
    ImGui::Checkbox("Lymph territories (teal: groin, violet: knee)", &guides.territories);
    ImGui::Checkbox("Fibres of the selected muscle", &guides.fibres);
    ImGui::Checkbox("Lymph vessels pulsing", &guides.lymphPulses);
    ImGui::Checkbox("Venous return on the veins", &guides.venousReturn);
  }
  ImGui::Checkbox("Labels (L)", &labels);
  ImGui::SameLine();
  const bool present = ImGui::Button("Present (F5)");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  ImGui::SliderFloat("UI scale", &uiScale, 0.75f, 2.5f, "%.2f");
  return present;
}

}  // namespace legatlas::ui
