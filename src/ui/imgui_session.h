#pragma once
#include <functional>

struct GLFWwindow;
struct ImFont;

namespace legatlas::ui {

// Dear ImGui with its GLFW and OpenGL 3 backends, scaled to the monitor's content scale.
class ImGuiSession {
 public:
  ImGuiSession(GLFWwindow* window, float contentScale);
  ~ImGuiSession();
  ImGuiSession(const ImGuiSession&) = delete;
  ImGuiSession& operator=(const ImGuiSession&) = delete;
  // `betweenBackendAndImGui` runs after the window backend has read the input and before
  // ImGui starts the frame: where recorded input can be captured or put back.
  void beginFrame(const std::function<void()>& betweenBackendAndImGui = {});
  void endFrame();
  // A large font for presentation captions and labels (the default font when no TTF).
  ImFont* largeFont() const { return large_; }
  // Fonts and spacing for the monitor the window is on; rebuilt only when the scale
  // changes (the window moved to a monitor with another one). Call between frames.
  void setContentScale(float contentScale);
  float contentScale() const { return contentScale_; }

 private:
  void buildFonts();

  float contentScale_ = 1.0f;
  ImFont* large_ = nullptr;
};

}  // namespace legatlas::ui
