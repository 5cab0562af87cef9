#include "ui/quiz_panel.h"

#include <imgui.h>

namespace legatlas::ui {
namespace {
const ImVec4 kGood(0.45f, 0.95f, 0.5f, 1.0f), kBad(1.0f, 0.5f, 0.4f, 1.0f);
}

QuizRequest drawQuizPanel(QuizState& state, const std::vector<technique::QuizQuestion>& quiz) {
  QuizRequest request;
  if (!state.open) return request;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.08f), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 24, 0), ImVec2(ImGui::GetFontSize() * 30, io.DisplaySize.y));
  if (!ImGui::Begin("Quiz", &state.open, ImGuiWindowFlags_AlwaysAutoResize) || quiz.empty()) {
    ImGui::End();
    return request;
  }
  if (state.index >= static_cast<int>(quiz.size())) {
    ImGui::Text("Done: %d of %d right.", state.right, state.answered);
    if (ImGui::Button("Another quiz")) request.start = true;
    ImGui::End();
    return request;
  }
  const technique::QuizQuestion& q = quiz[state.index];
  ImGui::TextDisabled("Question %d of %zu", state.index + 1, quiz.size());
  ImGui::TextWrapped("%s", q.prompt.c_str());
  for (int i = 0; i < static_cast<int>(q.choices.size()); ++i) {
    const bool answered = state.chosen >= 0;
    if (answered && i == q.answer) ImGui::PushStyleColor(ImGuiCol_Text, kGood);
    else if (answered && i == state.chosen) ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    else ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (ImGui::Button(q.choices[i].c_str(), ImVec2(-1, 0)) && !answered) {
      state.chosen = i;
      ++state.answered;
      if (i == q.answer) ++state.right;
    }
    ImGui::PopStyleColor();
  }
  if (state.chosen >= 0) {
    ImGui::TextColored(state.chosen == q.answer ? kGood : kBad, "%s", state.chosen == q.answer ? "Right." : "Not quite.");
    if (!q.why.empty()) ImGui::TextWrapped("%s", q.why.c_str());
    if (ImGui::Button("Next question")) request.next = true;
  }
  ImGui::End();
  return request;
}

}  // namespace legatlas::ui
