#include "ui/lesson_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace legatlas::ui {
namespace {

const ImVec4 kErrorColor(1.0f, 0.45f, 0.4f, 1.0f);
const ImVec4 kCurrentStepColor(1.0f, 0.8f, 0.35f, 1.0f);

void lessonChooser(LessonPanelState& state, const LessonShown& shown, LessonRequest& request) {
  const char* current = shown.lesson ? shown.lesson->title.c_str() : "Choose a lesson";
  if (ImGui::BeginCombo("Lesson##list", current)) {
    // Listed by the condition each is for, as a student looks for them.
    for (const auto& listed : state.builtIn) {
      ImGui::TextDisabled("%s", listed.condition.c_str());
      ImGui::Indent();
      if (ImGui::Selectable(listed.title.c_str(), shown.lesson && shown.lesson->id == listed.name)) request.open = listed.name;
      ImGui::Unindent();
    }
    ImGui::EndCombo();
  }
  ImGui::InputText("Lesson file", &state.file);
  ImGui::SameLine();
  if (ImGui::Button("Open") && !state.file.empty()) request.open = state.file;
  if (!state.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", state.error.c_str());
    ImGui::PopStyleColor();
  }
}

void transport(LessonPanelState& state, const LessonShown& shown, LessonRequest& request) {
  if (ImGui::Button("|<")) request.restart = true;
  ImGui::SameLine();
  if (ImGui::Button("<")) request.stepDelta = -1;
  ImGui::SameLine();
  if (ImGui::Button(state.playing ? "Pause" : "Play")) state.playing = !state.playing;
  ImGui::SameLine();
  if (ImGui::Button(">")) request.stepDelta = 1;
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  ImGui::SliderFloat("Speed", &state.speed, 0.25f, 2.0f, "%.2fx");
  ImGui::Checkbox("Camera follows the steps", &state.cameraFollows);
  ImGui::SameLine();
  ImGui::Checkbox("On the table (T)", &state.onTable);
  ImGui::Checkbox("Translucent hands", &state.translucentHands);
  float time = shown.time;
  if (ImGui::SliderFloat("##time", &time, 0.0f, std::max(shown.duration, 0.01f), "%.1f s")) request.seek = time;
}

// What a school grades beside the stroke: the client's position, draping and consent,
// what to feel or watch for, and the time it takes in a real session.
void teachingNotes(const technique::LessonStep& step) {
  const ImVec4 label(0.7f, 0.8f, 1.0f, 1.0f);
  if (step.position) ImGui::TextColored(label, "Client: %s", std::string(technique::clientPositionId(*step.position)).c_str());
  if (!step.draping.empty()) {
    ImGui::TextColored(label, "Draping and consent");
    ImGui::TextUnformatted(step.draping.c_str());
  }
  if (!step.watchFor.empty()) {
    ImGui::TextColored(label, "Feel and watch for");
    ImGui::TextUnformatted(step.watchFor.c_str());
  }
  if (step.sessionMinutes) ImGui::TextDisabled("About %.0f min in a real session", *step.sessionMinutes);
}

void steps(const LessonShown& shown, LessonRequest& request) {
  const technique::Lesson& lesson = *shown.lesson;
  for (size_t i = 0; i < lesson.steps.size(); ++i) {
    const technique::LessonStep& step = lesson.steps[i];
    const bool current = static_cast<int>(i) == shown.step;
    if (current) ImGui::PushStyleColor(ImGuiCol_Text, kCurrentStepColor);
    const std::string label = std::to_string(i + 1) + ". " + std::string(step.technique->name);
    if (ImGui::Selectable(label.c_str(), current)) request.stepDelta = static_cast<int>(i) - shown.step;
    if (current) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
      ImGui::TextUnformatted(step.caption.c_str());
      teachingNotes(step);
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
}

}  // namespace

LessonRequest drawLessonPanel(LessonPanelState& state, const LessonShown& shown) {
  LessonRequest request;
  if (!ImGui::CollapsingHeader("Lesson", ImGuiTreeNodeFlags_DefaultOpen)) return request;
  lessonChooser(state, shown, request);
  if (!shown.lesson) return request;
  const technique::Lesson& lesson = *shown.lesson;
  ImGui::TextWrapped("%s", lesson.goal.c_str());
  transport(state, shown, request);
  if (lesson.sessionMinutes) ImGui::TextDisabled("A real session: about %.0f min", *lesson.sessionMinutes);
  if (ImGui::TreeNode("Safety")) {
    ImGui::PushTextWrapPos(0.0f);
    for (const std::string& note : lesson.safety) ImGui::BulletText("%s", note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TreePop();
  }
  steps(shown, request);
  return request;
}

float drawStepCaption(const LessonShown& shown) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!shown.lesson || shown.step < 0 || shown.step >= static_cast<int>(shown.lesson->steps.size())) return io.DisplaySize.y;
  const technique::LessonStep& step = shown.lesson->steps[shown.step];
  const float em = ImGui::GetFontSize();
  const float width = std::min(io.DisplaySize.x - 4 * em, 48 * em);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - em), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.78f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
  float top = io.DisplaySize.y;
  if (ImGui::Begin("##caption", nullptr, flags)) {
    top = ImGui::GetWindowPos().y;
    ImGui::PushStyleColor(ImGuiCol_Text, kCurrentStepColor);
    ImGui::Text("Step %d of %zu: %s, %s pressure%s%s", shown.step + 1, shown.lesson->steps.size(),
                std::string(step.technique->name).c_str(), technique::pressureName(step.pressure).c_str(),
                shown.workedOn.empty() ? "" : ", on ", shown.workedOn.c_str());
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(step.caption.c_str());
    if (!step.watchFor.empty()) ImGui::TextDisabled("Watch for: %s", step.watchFor.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  return top;
}

}  // namespace legatlas::ui
