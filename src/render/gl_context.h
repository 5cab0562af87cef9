#pragma once
// An OpenGL 4.1 core context: in a GLFW window for the viewer and the benchmark, or
// headless for rendering to files and tests — through EGL without any display server
// where the driver offers it (Mesa's surfaceless platform), else in a hidden window.
#include <functional>
#include <string>
#include <vector>

#include "render/image.h"

struct GLFWwindow;

namespace legatlas::render {

struct ContextOptions {
  int width = 1280;
  int height = 720;
  bool visible = true;
  bool debug = false;  // GL debug output; errors are counted and kept
  bool vsync = true;
  std::string title = "LegAtlas";
  bool headless = false;  // no window: render into framebuffer objects only
};

class GlContext {
 public:
  // Throws GraphicsError when no display or no OpenGL 4.1 core context can be had.
  explicit GlContext(const ContextOptions& options);
  ~GlContext();
  GlContext(const GlContext&) = delete;
  GlContext& operator=(const GlContext&) = delete;

  // For Dear ImGui's GLFW backend only; null when headless through EGL.
  GLFWwindow* window() const { return window_; }
  void framebufferSize(int& width, int& height) const;
  float contentScale() const;
  // GL errors reported by debug output (or glGetError when debug output is absent).
  int errorCount() const { return errorCount_; }
  const std::vector<std::string>& errorMessages() const { return errorMessages_; }
  void checkErrors(const char* where);
  std::string rendererName() const;
  // Waits until GL has carried out every command given (to time a frame's work, not
  // only its submission).
  void finish();

  // The window (each does nothing, or answers "no", when headless).
  bool closeRequested() const;
  void requestClose();
  void swapBuffers();
  void pollEvents();
  // Sleeps until an event comes, or `timeoutSeconds` pass (< 0: no limit).
  void waitEvents(double timeoutSeconds = -1);
  // Fills the primary monitor, or returns to the window's previous place and size.
  void setFullscreen(bool on);
  // Called with the paths of files dropped on the window.
  void onFilesDropped(std::function<void(const std::vector<std::string>&)> handler);
  // What the window shows in its back buffer (call before swapBuffers); empty headless.
  Image readWindow() const;
  // Seconds since the windowing library started: the clock input and animation use.
  static double seconds();

 private:
  static void onDebugMessage(unsigned source, unsigned type, unsigned id, unsigned severity,
                             int length, const char* message, const void* user);
  std::string createSurfaceless(const ContextOptions& options);
  void createWindowContext(const ContextOptions& options);
  void checkVersionAndEnableDebug(const ContextOptions& options);
  void release();
  GLFWwindow* window_ = nullptr;
  std::function<void(const std::vector<std::string>&)> onDrop_;
  int windowedX_ = 0, windowedY_ = 0, windowedWidth_ = 0, windowedHeight_ = 0;
  void* eglDisplay_ = nullptr;
  void* eglContext_ = nullptr;
  int headlessWidth_ = 0, headlessHeight_ = 0;
  int errorCount_ = 0;
  std::vector<std::string> errorMessages_;
};

}  // namespace legatlas::render
