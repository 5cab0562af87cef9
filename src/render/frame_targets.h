#pragma once
// Offscreen framebuffers a frame is drawn through.
#include <cstdint>
#include <vector>

#include "render/gl_objects.h"
#include "render/image.h"

namespace legatlas::render {

// Opaque colour + depth (multisampled when samples > 1), and the two transparency targets that share the
// depth: accumulation (RGBA16F) and revealage (R16F).
class SceneTargets {
 public:
  void resize(int width, int height, int samples);
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }
  unsigned textureTarget() const;  // GL_TEXTURE_2D_MULTISAMPLE, or GL_TEXTURE_2D at one sample
  unsigned opaqueFramebuffer() const { return opaqueFbo_.id(); }
  unsigned transparentFramebuffer() const { return transparentFbo_.id(); }
  unsigned opaqueColor() const { return opaqueColor_.id(); }
  unsigned accumulation() const { return accumulation_.id(); }
  unsigned revealage() const { return revealage_.id(); }

 private:
  int width_ = 0, height_ = 0, samples_ = 0;
  Texture opaqueColor_, depth_, accumulation_, revealage_;
  Framebuffer opaqueFbo_, transparentFbo_;
};

// A single-sample colour target with optional depth, read back to the CPU.
class ColorTarget {
 public:
  enum class Format { Rgba8, R8, R32ui };
  void resize(int width, int height, Format format, bool withDepth);
  int width() const { return width_; }
  int height() const { return height_; }
  unsigned framebuffer() const { return fbo_.id(); }
  unsigned texture() const { return color_.id(); }
  Image readRgba() const;              // Rgba8 only; top row first
  std::vector<uint32_t> readUint() const;  // R32ui only; top row first

 private:
  int width_ = 0, height_ = 0;
  Format format_ = Format::Rgba8;
  bool withDepth_ = false;
  Texture color_, depth_;
  Framebuffer fbo_;
};

// Reads a single-sample framebuffer's colour attachment 0, top row first.
Image readRgba(unsigned framebuffer, int width, int height);

// Largest sample count the driver allows, capped at `wanted`.
int supportedSamples(int wanted);
// True for CPU rasterisers (Mesa llvmpipe/softpipe, SwiftShader), where multisampling
// costs several times the frame time.
bool isSoftwareRenderer();
// Samples for a request: 0 means automatic (4 on a GPU, 1 on a software rasteriser).
int chooseSamples(int requested);

}  // namespace legatlas::render
