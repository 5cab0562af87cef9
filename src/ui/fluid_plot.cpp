#include "ui/fluid_plot.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace legatlas::ui {
namespace {

const ImU32 kCurve = IM_COL32(150, 120, 255, 255);  // the fluid's violet
const ImU32 kGrid = IM_COL32(255, 255, 255, 40);
const ImU32 kText = IM_COL32(225, 225, 230, 255);
const ImU32 kBack = IM_COL32(20, 22, 28, 200);

// A round step for an axis running to `most`, giving four to eight ticks.
double tickStep(double most) {
  for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0})
    if (most / step <= 6.0) return step;
  return std::pow(10.0, std::ceil(std::log10(most / 6.0)));
}

}  // namespace

void drawFluidPlot(const std::vector<teaching::FluidMoment>& history, double startMl, double minutes, float width,
                   float height) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  ImGui::Dummy(ImVec2(width, height));
  if (history.empty() || startMl <= 0) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float left = ImGui::CalcTextSize("0000 ml").x + 6.0f, bottom = line + 4.0f;
  const ImVec2 low(origin.x + left, origin.y + height - bottom), high(origin.x + width - 6.0f, origin.y + line * 0.5f);
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), kBack, 4.0f);
  const double mostMl = startMl, mostMinutes = std::max({minutes, history.back().sessionMinutes, 1.0});
  const auto at = [&](double t, double ml) {
    return ImVec2(low.x + float(t / mostMinutes) * (high.x - low.x), low.y - float(ml / mostMl) * (low.y - high.y));
  };
  char text[32];
  const double mlStep = tickStep(mostMl);
  for (double ml = 0; ml <= mostMl + 1e-6; ml += mlStep) {
    const ImVec2 p = at(0, ml);
    draw->AddLine(p, ImVec2(high.x, p.y), kGrid);
    std::snprintf(text, sizeof text, "%.0f ml", ml);
    draw->AddText(ImVec2(origin.x + left - 4.0f - ImGui::CalcTextSize(text).x, p.y - line * 0.5f), kText, text);
  }
  const double minuteStep = tickStep(mostMinutes);
  for (double t = 0; t <= mostMinutes + 1e-6; t += minuteStep) {
    const ImVec2 p = at(t, 0);
    draw->AddLine(ImVec2(p.x, high.y), p, kGrid);
    std::snprintf(text, sizeof text, "%.0f", t);
    draw->AddText(ImVec2(p.x - ImGui::CalcTextSize(text).x * 0.5f, low.y + 2.0f), kText, text);
  }
  std::vector<ImVec2> curve;
  for (const teaching::FluidMoment& m : history) curve.push_back(at(m.sessionMinutes, m.tissueMl));
  const float thickness = std::max(2.0f, line * 0.15f);
  draw->AddPolyline(curve.data(), int(curve.size()), kCurve, ImDrawFlags_None, thickness);
  draw->AddCircleFilled(curve.back(), thickness * 2.0f, kCurve);
}

}  // namespace legatlas::ui
