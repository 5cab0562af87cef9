#include "render/frame_targets.h"

#include <epoxy/gl.h>
#include <algorithm>
#include <string>

#include "core/error.h"

namespace legatlas::render {

namespace {

GLenum sceneTextureTarget(int samples) { return samples > 1 ? GL_TEXTURE_2D_MULTISAMPLE : GL_TEXTURE_2D; }

// Single-sample targets are plain 2D textures: software rasterisers run a multisample
// texture several times slower even at one sample.
void allocateSceneTexture(const Texture& texture, GLenum format, int width, int height, int samples) {
  if (samples > 1) {
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, texture.id());
    glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples, format, width, height, GL_TRUE);
    return;
  }
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glTexStorage2D(GL_TEXTURE_2D, 1, format, width, height);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

void allocate2d(const Texture& texture, GLint internal, GLenum format, GLenum type, int width,
                int height) {
  glBindTexture(GL_TEXTURE_2D, texture.id());
  glTexImage2D(GL_TEXTURE_2D, 0, internal, width, height, 0, format, type, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

void requireComplete(const char* what) {
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  if (status != GL_FRAMEBUFFER_COMPLETE) {
    throw GraphicsError(std::string("the driver cannot create the ") + what +
                        " framebuffer (status " + std::to_string(status) + ")");
  }
}

std::vector<uint8_t> flipRows(const std::vector<uint8_t>& bottomUp, int rowBytes, int height) {
  std::vector<uint8_t> topDown(bottomUp.size());
  for (int y = 0; y < height; ++y) {
    std::copy_n(bottomUp.begin() + static_cast<long>(y) * rowBytes, rowBytes,
                topDown.begin() + static_cast<long>(height - 1 - y) * rowBytes);
  }
  return topDown;
}

}  // namespace

GLenum SceneTargets::textureTarget() const { return sceneTextureTarget(samples_); }

int supportedSamples(int wanted) {
  GLint maxColor = 1, maxDepth = 1;
  glGetIntegerv(GL_MAX_COLOR_TEXTURE_SAMPLES, &maxColor);
  glGetIntegerv(GL_MAX_DEPTH_TEXTURE_SAMPLES, &maxDepth);
  return std::clamp(wanted, 1, std::max(1, std::min(maxColor, maxDepth)));
}

bool isSoftwareRenderer() {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const std::string renderer = name ? name : "";
  for (const char* software : {"llvmpipe", "softpipe", "SwiftShader", "Software Rasterizer"}) {
    if (renderer.find(software) != std::string::npos) return true;
  }
  return false;
}

int chooseSamples(int requested) {
  if (requested <= 0) requested = isSoftwareRenderer() ? 1 : 4;
  return supportedSamples(requested);
}

void SceneTargets::resize(int width, int height, int samples) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  if (width == width_ && height == height_ && samples == samples_) return;
  width_ = width;
  height_ = height;
  samples_ = samples;
  // Storage of a texture name cannot change shape, so a resize starts from new names.
  opaqueColor_ = Texture();
  depth_ = Texture();
  accumulation_ = Texture();
  revealage_ = Texture();
  allocateSceneTexture(opaqueColor_, GL_RGBA8, width, height, samples);
  allocateSceneTexture(depth_, GL_DEPTH_COMPONENT24, width, height, samples);
  allocateSceneTexture(accumulation_, GL_RGBA16F, width, height, samples);
  allocateSceneTexture(revealage_, GL_R8, width, height, samples);
  const GLenum target = sceneTextureTarget(samples);

  glBindFramebuffer(GL_FRAMEBUFFER, opaqueFbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, target, opaqueColor_.id(), 0);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, target, depth_.id(), 0);
  requireComplete("opaque");

  glBindFramebuffer(GL_FRAMEBUFFER, transparentFbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, target, accumulation_.id(), 0);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, target, revealage_.id(), 0);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, target, depth_.id(), 0);
  const GLenum buffers[2] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
  glDrawBuffers(2, buffers);
  requireComplete("transparency");
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void ColorTarget::resize(int width, int height, Format format, bool withDepth) {
  width = std::max(width, 1);
  height = std::max(height, 1);
  if (width == width_ && height == height_ && format == format_ && withDepth == withDepth_) return;
  width_ = width;
  height_ = height;
  format_ = format;
  withDepth_ = withDepth;
  switch (format) {
    case Format::Rgba8: allocate2d(color_, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, width, height); break;
    case Format::R8: allocate2d(color_, GL_R8, GL_RED, GL_UNSIGNED_BYTE, width, height); break;
    case Format::R32ui: allocate2d(color_, GL_R32UI, GL_RED_INTEGER, GL_UNSIGNED_INT, width, height); break;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_.id(), 0);
  if (withDepth) {
    allocate2d(depth_, GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, width, height);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, depth_.id(), 0);
  }
  requireComplete("offscreen");
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

Image readRgba(GLuint framebuffer, int width, int height) {
  Image image{width, height, std::vector<uint8_t>(static_cast<size_t>(width) * height * 4)};
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
  glReadBuffer(GL_COLOR_ATTACHMENT0);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  image.rgba = flipRows(image.rgba, width * 4, height);
  return image;
}

Image ColorTarget::readRgba() const { return render::readRgba(fbo_.id(), width_, height_); }

std::vector<uint32_t> ColorTarget::readUint() const {
  std::vector<uint32_t> bottomUp(static_cast<size_t>(width_) * height_);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.id());
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glReadPixels(0, 0, width_, height_, GL_RED_INTEGER, GL_UNSIGNED_INT, bottomUp.data());
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  std::vector<uint32_t> topDown(bottomUp.size());
  for (int y = 0; y < height_; ++y) {
    std::copy_n(bottomUp.begin() + static_cast<long>(y) * width_, width_,
                topDown.begin() + static_cast<long>(height_ - 1 - y) * width_);
  }
  return topDown;
}

}  // namespace legatlas::render
