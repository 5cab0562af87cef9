#include "ui/practice_panel.h"

#include <imgui.h>

namespace legatlas::ui {
namespace {

const ImVec4 kGood(0.45f, 0.95f, 0.5f, 1.0f), kBad(1.0f, 0.5f, 0.4f, 1.0f), kHint(1.0f, 0.8f, 0.35f, 1.0f);

void placeBelowInfo() {
  const ImGuiIO& io = ImGui::GetIO();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 22.6f * em, 14.0f * em), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSizeConstraints(ImVec2(22.0f * em, 0.0f), ImVec2(22.0f * em, io.DisplaySize.y - 15.0f * em));
}

void chooser(PracticePanelState& state, const PracticeShown& shown) {
  const auto techniques = technique::catalogue();
  state.technique = std::clamp(state.technique, 0, static_cast<int>(techniques.size()) - 1);
  if (ImGui::BeginCombo("Technique", std::string(techniques[state.technique].name).c_str())) {
    for (int i = 0; i < static_cast<int>(techniques.size()); ++i)
      if (ImGui::Selectable(std::string(techniques[i].name).c_str(), i == state.technique)) state.technique = i;
    ImGui::EndCombo();
  }
  if (shown.targets.empty()) return;
  state.target = std::clamp(state.target, 0, static_cast<int>(shown.targets.size()) - 1);
  if (ImGui::BeginCombo("Target", shown.targets[state.target].name.c_str())) {
    for (int i = 0; i < static_cast<int>(shown.targets.size()); ++i) {
      const std::string label = (shown.targets[i].muscle ? "" : "region: ") + shown.targets[i].name;
      if (ImGui::Selectable(label.c_str(), i == state.target)) state.target = i;
    }
    ImGui::EndCombo();
  }
}

void scoreCard(const technique::PracticeScore& result) {
  ImGui::PushStyleColor(ImGuiCol_Text, result.score >= technique::kPassingScore ? kGood : kBad);
  ImGui::SetWindowFontScale(1.6f);
  ImGui::Text("Score: %d / 100", result.score);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopStyleColor();
  for (const std::string& line : result.feedback) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", line.c_str());
  }
  if (ImGui::TreeNode("Rules")) {
    for (const technique::RuleResult& r : result.rules)
      ImGui::TextColored(r.passed ? kGood : kBad, "%s %s", r.passed ? "met:" : "not met:", std::string(technique::ruleId(r.rule)).c_str());
    ImGui::TreePop();
  }
  ImGui::TextDisabled("white: your stroke   green: the correct one");
}

}  // namespace

PracticeRequest drawPracticePanel(PracticePanelState& state, const PracticeShown& shown) {
  PracticeRequest request;
  placeBelowInfo();
  ImGui::Begin("Practice", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextWrapped("Try a stroke yourself: choose what to do, then draw it on the leg.");
  chooser(state, shown);
  if (shown.lessonStepAvailable && ImGui::Button("Use the lesson's step")) request.fromLessonStep = true;
  if (shown.armed || shown.drawing) {
    ImGui::TextColored(kHint, "Drag on the leg to draw the stroke.");
    if (ImGui::Button("Cancel")) request.cancel = true;
  } else if (ImGui::Button(shown.result ? "Try again" : "Draw a stroke")) {
    request.draw = true;
  }
  if (shown.result) {
    ImGui::SameLine();
    if (ImGui::Button("Show the correct stroke")) request.replay = true;
    ImGui::Separator();
    scoreCard(*shown.result);
  }
  ImGui::Separator();
  if (ImGui::Button("Quiz: name the muscle, pick the direction")) request.quiz = true;
  if (shown.practised > 0) ImGui::TextDisabled("%d strokes practised, best score %d", shown.practised, shown.best);
  if (!state.notice.empty()) ImGui::TextColored(kBad, "%s", state.notice.c_str());
  ImGui::End();
  return request;
}

}  // namespace legatlas::ui
