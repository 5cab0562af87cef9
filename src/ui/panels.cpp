#include "ui/panels.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace legatlas::ui {

using anatomy::Layer;

bool drawModelPanel(ModelPanelState& state, const scene::Scene* scene) {
  bool load = false;
  ImGui::Begin("Model");
  ImGui::TextWrapped("%s", scene ? scene->sourcePath.c_str() : "No model loaded");
  if (scene) {
    ImGui::Text("%zu meshes, %zu tissues, %zu triangles", scene->meshes.size(), scene->tissues.size(),
                scene->triangleCount());
  }
  ImGui::Separator();
  ImGui::InputText("Model file", &state.modelPath);
  ImGui::InputText("Tissue map", &state.tissueMapPath);
  load = ImGui::Button("Load");
  ImGui::SameLine();
  ImGui::TextDisabled("or drop a model / tissue map on the window");
  if (!state.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1.0f));
    ImGui::TextWrapped("%s", state.error.c_str());
    ImGui::PopStyleColor();
  }
  for (const std::string& warning : state.warnings) ImGui::TextWrapped("Note: %s", warning.c_str());
  ImGui::End();
  return load;
}

void drawLayersPanel(scene::LayerVisibility& layers) {
  ImGui::Begin("Layers");
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
  ImGui::End();
}

ViewRequest drawViewPanel() {
  ViewRequest request;
  ImGui::Begin("View");
  struct Button {
    const char* label;
    render::ViewPreset preset;
    const char* key;
  };
  const Button buttons[] = {
      {"Anterior", render::ViewPreset::Anterior, "1"},   {"Posterior", render::ViewPreset::Posterior, "Ctrl+1"},
      {"Lateral", render::ViewPreset::Lateral, "3"},     {"Medial", render::ViewPreset::Medial, "Ctrl+3"},
      {"Superior", render::ViewPreset::Superior, "7"},   {"Inferior", render::ViewPreset::Inferior, "Ctrl+7"},
  };
  for (size_t i = 0; i < std::size(buttons); ++i) {
    if (ImGui::Button(buttons[i].label, ImVec2(ImGui::GetFontSize() * 6.0f, 0))) {
      request.preset = buttons[i].preset;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("key %s", buttons[i].key);
    if (i % 2 == 0) ImGui::SameLine();
  }
  if (ImGui::Button("Frame model (F)")) request.frame = true;
  ImGui::TextDisabled("Left drag: orbit  Right/middle drag: pan\nWheel: zoom to cursor  Click: select");
  ImGui::End();
  return request;
}

void drawInfoPanel(const scene::Scene* scene, int selectedTissue) {
  ImGui::Begin("Info");
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

}  // namespace legatlas::ui
