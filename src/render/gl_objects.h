#pragma once
// Move-only owners of GL objects: copying is impossible, moving transfers the name,
// destruction deletes it. A live count per process lets soak tests see leaks. Names are
// GL's unsigned ints (GLuint) and shader kinds its enums (GLenum): GL's own header stays
// in the .cpp files, out of every header of render/.
#include <utility>

namespace legatlas::render {

enum class GlKind { Buffer, VertexArray, Texture, Framebuffer, Shader, Program };

// Number of GL objects created through these wrappers and not yet deleted.
long liveGlObjectCount();

namespace detail {
unsigned createGlObject(GlKind kind, unsigned shaderType);
void deleteGlObject(GlKind kind, unsigned id);
}  // namespace detail

template <GlKind Kind>
class GlObject {
 public:
  GlObject() : id_(detail::createGlObject(Kind, 0)) {}
  explicit GlObject(unsigned shaderType) requires(Kind == GlKind::Shader)
      : id_(detail::createGlObject(Kind, shaderType)) {}
  ~GlObject() { reset(); }
  GlObject(const GlObject&) = delete;
  GlObject& operator=(const GlObject&) = delete;
  GlObject(GlObject&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
  GlObject& operator=(GlObject&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, 0);
    }
    return *this;
  }
  unsigned id() const { return id_; }

 private:
  void reset() {
    if (id_ != 0) detail::deleteGlObject(Kind, id_);
    id_ = 0;
  }
  unsigned id_ = 0;
};

using Buffer = GlObject<GlKind::Buffer>;
using VertexArray = GlObject<GlKind::VertexArray>;
using Texture = GlObject<GlKind::Texture>;
using Framebuffer = GlObject<GlKind::Framebuffer>;
using Shader = GlObject<GlKind::Shader>;
using ProgramObject = GlObject<GlKind::Program>;

}  // namespace legatlas::render
