#pragma once
struct GLFWwindow;

namespace legatlas::app {

// Dear ImGui with its GLFW and OpenGL 3 backends, scaled to the monitor's content scale.
class ImGuiSession {
 public:
  ImGuiSession(GLFWwindow* window, float contentScale);
  ~ImGuiSession();
  ImGuiSession(const ImGuiSession&) = delete;
  ImGuiSession& operator=(const ImGuiSession&) = delete;
  void beginFrame();
  void endFrame();
};

}  // namespace legatlas::app
