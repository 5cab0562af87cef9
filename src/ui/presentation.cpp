#include "ui/presentation.h"

#include <imgui.h>

namespace legatlas::ui {
namespace {

constexpr ImU32 kCaptionBox = IM_COL32(10, 12, 16, 200);
constexpr ImU32 kCaptionTitle = IM_COL32(255, 205, 90, 255);
constexpr ImU32 kText = IM_COL32(245, 245, 245, 255);
constexpr ImU32 kLabelBox = IM_COL32(12, 14, 18, 215);
constexpr ImU32 kLeader = IM_COL32(255, 230, 150, 230);

}  // namespace

float drawLargeCaption(const LessonShown& shown, ImFont* font, float scale) {
  const ImVec2 screen = ImGui::GetIO().DisplaySize;
  if (!shown.lesson || shown.step < 0 || shown.step >= static_cast<int>(shown.lesson->steps.size())) return screen.y;
  const technique::LessonStep& step = shown.lesson->steps[shown.step];
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const float size = font->FontSize * scale, margin = size * 0.6f;
  const float wrap = screen.x - 4 * margin;
  const std::string title = "Step " + std::to_string(shown.step + 1) + " of " + std::to_string(shown.lesson->steps.size()) +
                            ": " + std::string(step.technique->name);
  const ImVec2 titleSize = font->CalcTextSizeA(size, FLT_MAX, wrap, title.c_str());
  const ImVec2 textSize = font->CalcTextSizeA(size * 0.8f, FLT_MAX, wrap, step.caption.c_str());
  const float height = titleSize.y + textSize.y + 3 * margin;
  const ImVec2 top(margin, screen.y - height - margin);
  draw->AddRectFilled(top, ImVec2(screen.x - margin, screen.y - margin), kCaptionBox, margin * 0.5f);
  draw->AddText(font, size, ImVec2(top.x + margin, top.y + margin), kCaptionTitle, title.c_str(), nullptr, wrap);
  draw->AddText(font, size * 0.8f, ImVec2(top.x + margin, top.y + 2 * margin + titleSize.y), kText, step.caption.c_str(),
                nullptr, wrap);
  return top.y;
}

void drawLaserPointer(glm::vec2 position, float scale) {
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const ImVec2 at(position.x, position.y);
  const float radius = 9.0f * scale;
  draw->AddCircleFilled(at, radius * 2.2f, IM_COL32(255, 40, 40, 50), 32);
  draw->AddCircleFilled(at, radius * 1.4f, IM_COL32(255, 40, 40, 110), 32);
  draw->AddCircleFilled(at, radius * 0.7f, IM_COL32(255, 90, 80, 255), 24);
}

void drawTissueLabels(const std::vector<TissueAnchor>& tissues, ImFont* font, float scale, float subjectLeft,
                      float subjectRight, float bottom) {
  const float size = font->FontSize * scale * 0.7f, pad = size * 0.3f;
  std::vector<LabelRequest> requests;
  for (const TissueAnchor& t : tissues) {
    if (t.anchor.y >= bottom - pad) continue;  // hidden under the caption
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0.0f, t.name.c_str());
    requests.push_back({t.name, t.anchor, {text.x + 2 * pad, text.y + 2 * pad}});
  }
  const ImVec2 screen = ImGui::GetIO().DisplaySize;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  for (const PlacedLabel& label : layoutLabels(requests, {screen.x, bottom}, subjectLeft, subjectRight, pad * 2)) {
    const glm::vec2 end = label.leaderEnd();
    draw->AddLine(ImVec2(label.anchor.x, label.anchor.y), ImVec2(end.x, end.y), kLeader, std::max(1.5f, scale * 1.5f));
    draw->AddCircleFilled(ImVec2(label.anchor.x, label.anchor.y), 3.5f * scale, kLeader);
    const ImVec2 min(label.topLeft.x, label.topLeft.y), max(min.x + label.size.x, min.y + label.size.y);
    draw->AddRectFilled(min, max, kLabelBox, pad);
    draw->AddText(font, size, ImVec2(min.x + pad, min.y + pad), kText, label.text.c_str());
  }
}

}  // namespace legatlas::ui
