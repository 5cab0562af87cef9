// The window half of GlContext: events, frames, fullscreen and dropped files, so that no
// caller outside render/ needs GLFW.
#include <GLFW/glfw3.h>
#include <algorithm>
#include <epoxy/gl.h>

#include "render/gl_context.h"

namespace legatlas::render {

void GlContext::finish() { glFinish(); }

bool GlContext::closeRequested() const { return window_ && glfwWindowShouldClose(window_); }

void GlContext::requestClose() {
  if (window_) glfwSetWindowShouldClose(window_, GLFW_TRUE);
}

void GlContext::swapBuffers() {
  if (window_) glfwSwapBuffers(window_);
}

void GlContext::pollEvents() {
  if (window_) glfwPollEvents();
}

void GlContext::waitEvents(double timeoutSeconds) {
  if (!window_) return;
  if (timeoutSeconds < 0) glfwWaitEvents();
  else glfwWaitEventsTimeout(timeoutSeconds);
}

void GlContext::setFullscreen(bool on) {
  if (!window_) return;
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (on && monitor) {
    glfwGetWindowPos(window_, &windowedX_, &windowedY_);
    glfwGetWindowSize(window_, &windowedWidth_, &windowedHeight_);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else if (!on && windowedWidth_ > 0) {
    glfwSetWindowMonitor(window_, nullptr, windowedX_, windowedY_, windowedWidth_, windowedHeight_, 0);
  }
}

void GlContext::onFilesDropped(std::function<void(const std::vector<std::string>&)> handler) {
  if (!window_) return;
  onDrop_ = std::move(handler);
  glfwSetWindowUserPointer(window_, this);
  glfwSetDropCallback(window_, [](GLFWwindow* window, int count, const char** paths) {
    auto* self = static_cast<GlContext*>(glfwGetWindowUserPointer(window));
    if (!self || !self->onDrop_) return;
    self->onDrop_(std::vector<std::string>(paths, paths + count));
  });
}

double GlContext::seconds() { return glfwGetTime(); }

Image GlContext::readWindow() const {
  if (!window_) return {};
  int width = 0, height = 0;
  framebufferSize(width, height);
  Image image{width, height, std::vector<uint8_t>(static_cast<size_t>(width) * height * 4)};
  std::vector<uint8_t> bottomUp(image.rgba.size());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
  const size_t row = static_cast<size_t>(width) * 4;
  for (int y = 0; y < height; ++y)  // GL counts rows from the bottom; images from the top
    std::copy_n(bottomUp.begin() + static_cast<long>(row * (height - 1 - y)), row, image.rgba.begin() + static_cast<long>(row * y));
  return image;
}

}  // namespace legatlas::render
