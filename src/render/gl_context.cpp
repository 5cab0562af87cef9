#include "render/gl_context.h"

#include <GLFW/glfw3.h>

#include <cstdio>

#include "core/error.h"
#include "render/gl.h"

namespace legatlas::render {

namespace {

std::string gLastGlfwError;

void onGlfwError(int, const char* description) { gLastGlfwError = description ? description : ""; }

constexpr const char* kDriverFix =
    "LegAtlas needs OpenGL 4.1 core. Update the graphics driver; on a machine without a GPU "
    "install Mesa's software renderer (Debian: libgl1-mesa-dri)";

}  // namespace

GlContext::GlContext(const ContextOptions& options) {
  glfwSetErrorCallback(onGlfwError);
  if (!glfwInit()) {
    throw GraphicsError("cannot open a display (" + gLastGlfwError +
                        "). Run LegAtlas in a desktop session, or under xvfb-run for headless use");
  }
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 4);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 1);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, options.debug ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // high-DPI: size in screen units
  glfwWindowHint(GLFW_COCOA_RETINA_FRAMEBUFFER, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);  // anti-aliasing happens in our own multisampled targets
  window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (!window_) {
    const std::string reason = gLastGlfwError;
    glfwTerminate();
    throw GraphicsError("cannot create an OpenGL 4.1 core context (" + reason + "). " + kDriverFix);
  }
  glfwMakeContextCurrent(window_);
  if (epoxy_gl_version() < 41) {
    glfwDestroyWindow(window_);
    glfwTerminate();
    throw GraphicsError("the driver offers OpenGL " + std::to_string(epoxy_gl_version() / 10) +
                        "." + std::to_string(epoxy_gl_version() % 10) + ". " + kDriverFix);
  }
  glfwSwapInterval(options.vsync ? 1 : 0);
  if (options.debug && epoxy_has_gl_extension("GL_KHR_debug")) {
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(reinterpret_cast<GLDEBUGPROC>(&GlContext::onDebugMessage), this);
  }
}

GlContext::~GlContext() {
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

void GlContext::framebufferSize(int& width, int& height) const {
  glfwGetFramebufferSize(window_, &width, &height);
}

float GlContext::contentScale() const {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0.0f ? x : 1.0f;
}

void GlContext::checkErrors(const char* where) {
  for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) {
    ++errorCount_;
    char text[128];
    std::snprintf(text, sizeof text, "GL error 0x%04x after %s", e, where);
    errorMessages_.emplace_back(text);
  }
}

std::string GlContext::rendererName() const {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return name ? name : "unknown";
}

void GlContext::onDebugMessage(unsigned, unsigned type, unsigned, unsigned severity, int,
                               const char* message, const void* user) {
  auto* self = const_cast<GlContext*>(static_cast<const GlContext*>(user));
  if (type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH) {
    ++self->errorCount_;
    self->errorMessages_.emplace_back(message);
  }
}

}  // namespace legatlas::render
