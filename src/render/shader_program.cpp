#include "render/shader_program.h"

#include <epoxy/gl.h>
#include <glm/gtc/type_ptr.hpp>
#include <sstream>

#include "core/error.h"
#include "render/shader_sources.h"

namespace legatlas::render {

namespace {

std::string_view sourceOf(const std::string& file) {
  const auto& sources = shaderSources();
  const auto it = sources.find(file);
  if (it == sources.end()) throw GraphicsError("shader file not built in: shaders/" + file);
  return it->second;
}

std::string numbered(std::string_view source) {
  std::ostringstream out;
  std::istringstream in{std::string(source)};
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) out << n << ": " << line << '\n';
  return out.str();
}

Shader compile(GLenum type, const std::string& file, const std::string& defines) {
  Shader shader(type);
  std::string source(sourceOf(file));
  if (!defines.empty()) {
    const size_t afterVersion = source.find('\n') + 1;
    source.insert(afterVersion, defines);
  }
  const char* text = source.data();
  const auto length = static_cast<GLint>(source.size());
  glShaderSource(shader.id(), 1, &text, &length);
  glCompileShader(shader.id());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[4096] = {};
    glGetShaderInfoLog(shader.id(), sizeof log, nullptr, log);
    throw GraphicsError("shaders/" + file + " does not compile:\n" + log + "\n" + numbered(source));
  }
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(const std::string& vertexFile, const std::string& fragmentFile,
                             const std::string& defines)
    : label_(vertexFile + " + " + fragmentFile) {
  const Shader vertex = compile(GL_VERTEX_SHADER, vertexFile, defines);
  const Shader fragment = compile(GL_FRAGMENT_SHADER, fragmentFile, defines);
  glAttachShader(program_.id(), vertex.id());
  glAttachShader(program_.id(), fragment.id());
  glLinkProgram(program_.id());
  glDetachShader(program_.id(), vertex.id());
  glDetachShader(program_.id(), fragment.id());
  GLint ok = GL_FALSE;
  glGetProgramiv(program_.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[4096] = {};
    glGetProgramInfoLog(program_.id(), sizeof log, nullptr, log);
    throw GraphicsError("shader program " + label_ + " does not link:\n" + log);
  }
}

GLint ShaderProgram::location(const char* name) {
  const auto it = locations_.find(name);
  if (it != locations_.end()) return it->second;
  const GLint loc = glGetUniformLocation(program_.id(), name);
  locations_.emplace(name, loc);
  return loc;
}

void ShaderProgram::use() const { glUseProgram(program_.id()); }

void ShaderProgram::set(const char* name, int value) { glUniform1i(location(name), value); }
void ShaderProgram::set(const char* name, unsigned value) { glUniform1ui(location(name), value); }
void ShaderProgram::set(const char* name, float value) { glUniform1f(location(name), value); }
void ShaderProgram::set(const char* name, const glm::vec2& v) {
  glUniform2fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec3& v) {
  glUniform3fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::vec4& v) {
  glUniform4fv(location(name), 1, glm::value_ptr(v));
}
void ShaderProgram::set(const char* name, const glm::mat4& m) {
  glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(m));
}
void ShaderProgram::set(const char* name, const std::vector<glm::mat4>& matrices) {
  if (!matrices.empty())
    glUniformMatrix4fv(location(name), static_cast<GLsizei>(matrices.size()), GL_FALSE, glm::value_ptr(matrices.front()));
}

}  // namespace legatlas::render
