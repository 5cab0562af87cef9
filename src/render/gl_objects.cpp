#include "render/gl_objects.h"

#include <epoxy/gl.h>
#include <atomic>

namespace legatlas::render {

namespace {
std::atomic<long> gLiveObjects{0};
}

long liveGlObjectCount() { return gLiveObjects.load(); }

namespace detail {

GLuint createGlObject(GlKind kind, GLenum shaderType) {
  GLuint id = 0;
  switch (kind) {
    case GlKind::Buffer: glGenBuffers(1, &id); break;
    case GlKind::VertexArray: glGenVertexArrays(1, &id); break;
    case GlKind::Texture: glGenTextures(1, &id); break;
    case GlKind::Framebuffer: glGenFramebuffers(1, &id); break;
    case GlKind::Shader: id = glCreateShader(shaderType); break;
    case GlKind::Program: id = glCreateProgram(); break;
  }
  if (id != 0) ++gLiveObjects;
  return id;
}

void deleteGlObject(GlKind kind, GLuint id) {
  switch (kind) {
    case GlKind::Buffer: glDeleteBuffers(1, &id); break;
    case GlKind::VertexArray: glDeleteVertexArrays(1, &id); break;
    case GlKind::Texture: glDeleteTextures(1, &id); break;
    case GlKind::Framebuffer: glDeleteFramebuffers(1, &id); break;
    case GlKind::Shader: glDeleteShader(id); break;
    case GlKind::Program: glDeleteProgram(id); break;
  }
  --gLiveObjects;
}

}  // namespace detail
}  // namespace legatlas::render
