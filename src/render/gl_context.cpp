#include "render/gl_context.h"

#include <GLFW/glfw3.h>
#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/error.h"

namespace legatlas::render {

namespace {

std::string gLastGlfwError;

void onGlfwError(int, const char* description) { gLastGlfwError = description ? description : ""; }

constexpr const char* kDriverFix =
    "LegAtlas needs OpenGL 4.1 core. Update the graphics driver; on a machine without a GPU "
    "install Mesa's software renderer (Debian: libgl1-mesa-dri)";

}  // namespace

namespace {

// LEGATLAS_GL_DEBUG=1 turns GL debug output on for every command and the viewer (the
// test suite sets it), so that any GL error is counted and fails the run.
ContextOptions withDebugFromEnvironment(ContextOptions options) {
  const char* value = std::getenv("LEGATLAS_GL_DEBUG");
  if (value && *value && std::string_view(value) != "0") options.debug = true;
  return options;
}

}  // namespace

GlContext::GlContext(const ContextOptions& requested) {
  const ContextOptions options = withDebugFromEnvironment(requested);
  if (!options.headless) {
    createWindowContext(options);
    return;
  }
  const std::string surfacelessProblem = createSurfaceless(options);
  if (surfacelessProblem.empty()) return;
  try {
    createWindowContext(options);
  } catch (const GraphicsError& e) {
    throw GraphicsError(std::string(e.what()) + " (without a display: " + surfacelessProblem + ")");
  }
}

// Mesa's surfaceless EGL platform gives a context with no window and no display server.
// Returns what went wrong (and leaves nothing behind), or "" on success.
std::string GlContext::createSurfaceless(const ContextOptions& options) {
  if (!epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless")) {
    return "EGL offers no surfaceless platform";
  }
  EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  EGLint major = 0, minor = 0;
  if (display == EGL_NO_DISPLAY || !eglInitialize(display, &major, &minor)) {
    return "EGL surfaceless display unavailable";
  }
  const EGLint attributes[] = {EGL_CONTEXT_MAJOR_VERSION, 4,
                               EGL_CONTEXT_MINOR_VERSION, 1,
                               EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                               EGL_CONTEXT_OPENGL_DEBUG, options.debug ? EGL_TRUE : EGL_FALSE,
                               EGL_NONE};
  EGLContext context = EGL_NO_CONTEXT;
  if (eglBindAPI(EGL_OPENGL_API)) {
    context = eglCreateContext(display, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attributes);
  }
  if (context == EGL_NO_CONTEXT || !eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
    const EGLint error = eglGetError();
    if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
    eglTerminate(display);
    char text[96];
    std::snprintf(text, sizeof text, "EGL gives no OpenGL 4.1 core context, error 0x%04x", error);
    return text;
  }
  eglDisplay_ = display;
  eglContext_ = context;
  headlessWidth_ = options.width;
  headlessHeight_ = options.height;
  checkVersionAndEnableDebug(options);
  return "";
}

void GlContext::createWindowContext(const ContextOptions& options) {
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
  glfwWindowHint(GLFW_VISIBLE, options.visible && !options.headless ? GLFW_TRUE : GLFW_FALSE);
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
  glfwSwapInterval(options.vsync ? 1 : 0);
  checkVersionAndEnableDebug(options);
}

void GlContext::checkVersionAndEnableDebug(const ContextOptions& options) {
  if (epoxy_gl_version() < 41) {
    const int version = epoxy_gl_version();
    release();  // the constructor throws, so the destructor will not run
    throw GraphicsError("the driver offers OpenGL " + std::to_string(version / 10) + "." +
                        std::to_string(version % 10) + ". " + kDriverFix);
  }
  if (options.debug && epoxy_has_gl_extension("GL_KHR_debug")) {
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(reinterpret_cast<GLDEBUGPROC>(&GlContext::onDebugMessage), this);
  }
}

GlContext::~GlContext() { release(); }

void GlContext::release() {
  if (eglContext_) {
    eglMakeCurrent(eglDisplay_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(eglDisplay_, eglContext_);
    eglTerminate(eglDisplay_);
  } else if (window_) {
    glfwDestroyWindow(window_);
    glfwTerminate();
  }
  window_ = nullptr;
  eglContext_ = eglDisplay_ = nullptr;
}

void GlContext::framebufferSize(int& width, int& height) const {
  if (!window_) {
    width = headlessWidth_;
    height = headlessHeight_;
    return;
  }
  glfwGetFramebufferSize(window_, &width, &height);
}

float GlContext::contentScale() const {
  if (!window_) return 1.0f;
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
