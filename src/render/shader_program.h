#pragma once
// A linked GLSL program built from files of shaders/, with cached uniform locations.
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/gl_objects.h"

namespace legatlas::render {

class ShaderProgram {
 public:
  // Throws GraphicsError with the compiler log and numbered source lines on failure.
  // `defines` (e.g. "#define MULTISAMPLE\n") go right after each file's #version line.
  ShaderProgram(const std::string& vertexFile, const std::string& fragmentFile, const std::string& defines = "");

  void use() const;
  void set(const char* name, int value);
  void set(const char* name, unsigned value);
  void set(const char* name, float value);
  void set(const char* name, const glm::vec2& value);
  void set(const char* name, const glm::vec3& value);
  void set(const char* name, const glm::vec4& value);
  void set(const char* name, const glm::mat4& value);
  // An array of matrices from its first element ("uBones[0]" or "uBones").
  void set(const char* name, const std::vector<glm::mat4>& values);

 private:
  int location(const char* name);
  ProgramObject program_;
  std::string label_;
  std::unordered_map<std::string, int> locations_;
};

}  // namespace legatlas::render
