#include "ui/presentation_mode.h"

#include <imgui.h>

#include <algorithm>
#include <glm/geometric.hpp>

namespace legatlas::ui {
namespace {

constexpr double kLabelRefreshSeconds = 0.4;
constexpr size_t kMostLabels = 14;

}  // namespace

void PresentationMode::set(bool on, render::GlContext& window) {
  if (on == presenting_) return;
  window.setFullscreen(on);
  presenting_ = on;
  placedAt_ = -1;
}

float PresentationMode::draw(const Stage& stage, render::Renderer& renderer, const LessonShown* caption, ImFont* font,
                             float uiScale) {
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = io.DisplaySize.y / 1080.0f * uiScale;
  float captionTop = io.DisplaySize.y;
  if (presenting_ && caption) captionTop = drawLargeCaption(*caption, font, scale);
  if (labelsShown_ && stage.scene) {
    if (placedAt_ < 0 || stage.now - placedAt_ > kLabelRefreshSeconds) {
      placeLabels(stage, renderer);
      placedAt_ = stage.now;
    }
    drawTissueLabels(anchors_, font, scale, left_, right_, captionTop);
  }
  if (presenting_ && !io.WantCaptureMouse) drawLaserPointer({io.MousePos.x, io.MousePos.y}, scale * 1.5f);
  return captionTop;
}

void PresentationMode::placeLabels(const Stage& stage, render::Renderer& renderer) {
  const int width = stage.width, height = stage.height;
  const render::TissueIdBuffer ids = renderer.renderTissueIds(*stage.frame, width, height);
  struct Spread {
    double x = 0, y = 0;
    long count = 0;
  };
  std::vector<Spread> spread(stage.scene->tissues.size());
  int left = width, right = 0;
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      if (const uint32_t id = ids.at(x, y)) {
        Spread& s = spread[id - 1];
        s.x += x, s.y += y, ++s.count;
        left = std::min(left, x), right = std::max(right, x);
      }
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(spread.size()); ++i)
    if (spread[i].count * 4 > width * height / 400) order.push_back(i);  // at least a quarter of a percent of the view
  std::sort(order.begin(), order.end(), [&](int a, int b) { return spread[a].count > spread[b].count; });
  order.resize(std::min<size_t>(order.size(), kMostLabels));
  const float toScreen = 1.0f / ImGui::GetIO().DisplayFramebufferScale.x;
  anchors_.clear();
  for (int tissue : order) {
    const glm::vec2 middle(spread[tissue].x / spread[tissue].count, spread[tissue].y / spread[tissue].count);
    glm::vec2 best = middle;
    float bestDistance = 1e30f;
    for (int y = 0; y < height; y += 2)
      for (int x = 0; x < width; x += 2)
        if (ids.at(x, y) == static_cast<uint32_t>(tissue + 1)) {
          const float d = glm::length(glm::vec2(x, y) - middle);
          if (d < bestDistance) bestDistance = d, best = glm::vec2(x, y);
        }
    anchors_.push_back({stage.scene->tissues[tissue].name, best * toScreen});
  }
  left_ = left * toScreen;
  right_ = right * toScreen;
}

}  // namespace legatlas::ui
