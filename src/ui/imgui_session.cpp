#include "ui/imgui_session.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <filesystem>

namespace legatlas::ui {

namespace {
constexpr const char* kUiFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr float kLargeFontPixels = 48.0f;  // readable from the back of a classroom at 1080p

// Some drivers report 0 (or nonsense) before the window is on a monitor.
float validScale(float scale) { return std::isfinite(scale) && scale >= 0.5f && scale <= 4.0f ? scale : 1.0f; }
}  // namespace

ImGuiSession::ImGuiSession(GLFWwindow* window, float contentScale) : contentScale_(validScale(contentScale)) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // panel layout is not persisted yet
  ImGui::StyleColorsDark();
  ImGui::GetStyle().ScaleAllSizes(contentScale_);
  buildFonts();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 410 core");
}

void ImGuiSession::buildFonts() {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  large_ = nullptr;
  // A real TTF stays crisp at projector scale; ImGui's built-in bitmap font is the fallback.
  if (std::filesystem::exists(kUiFont)) {
    // Latin plus punctuation and arrows: messages use dashes and anatomy text uses arrows.
    static const ImWchar kRanges[] = {0x0020, 0x024F, 0x2010, 0x205E, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};
    io.Fonts->AddFontFromFileTTF(kUiFont, 16.0f * contentScale_, nullptr, kRanges);
    large_ = io.Fonts->AddFontFromFileTTF(kUiFont, kLargeFontPixels * contentScale_, nullptr, kRanges);
  }
  if (!large_) large_ = io.Fonts->AddFontDefault();
}

void ImGuiSession::setContentScale(float contentScale) {
  contentScale = validScale(contentScale);
  if (std::abs(contentScale - contentScale_) < 0.01f) return;
  contentScale_ = contentScale;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark();
  style.ScaleAllSizes(contentScale_);
  buildFonts();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

ImGuiSession::~ImGuiSession() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiSession::beginFrame(const std::function<void()>& betweenBackendAndImGui) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (betweenBackendAndImGui) betweenBackendAndImGui();
  ImGui::NewFrame();
}

void ImGuiSession::endFrame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace legatlas::ui
