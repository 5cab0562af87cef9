#include "app/imgui_session.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <filesystem>

namespace legatlas::app {

namespace {
constexpr const char* kUiFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr float kLargeFontPixels = 48.0f;  // readable from the back of a classroom at 1080p
}

ImGuiSession::ImGuiSession(GLFWwindow* window, float contentScale) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // panel layout is not persisted yet
  ImGui::StyleColorsDark();
  ImGui::GetStyle().ScaleAllSizes(contentScale);
  // A real TTF stays crisp at projector scale; ImGui's built-in bitmap font is the fallback.
  if (std::filesystem::exists(kUiFont)) {
    // Latin plus punctuation and arrows: messages use dashes and anatomy text uses arrows.
    static const ImWchar kRanges[] = {0x0020, 0x024F, 0x2010, 0x205E, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};
    io.Fonts->AddFontFromFileTTF(kUiFont, 16.0f * contentScale, nullptr, kRanges);
    large_ = io.Fonts->AddFontFromFileTTF(kUiFont, kLargeFontPixels * contentScale, nullptr, kRanges);
  }
  if (!large_) large_ = io.Fonts->AddFontDefault();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 410 core");
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

}  // namespace legatlas::app
