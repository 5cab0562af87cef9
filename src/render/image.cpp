#include "render/image.h"

#include <stb_image_write.h>

#include "core/atomic_file.h"

namespace legatlas::render {

namespace {
void appendBytes(void* context, void* data, int size) {
  auto* out = static_cast<std::string*>(context);
  out->append(static_cast<const char*>(data), static_cast<size_t>(size));
}
}  // namespace

void writePng(const std::string& path, const Image& image) {
  std::string bytes;
  stbi_write_png_to_func(appendBytes, &bytes, image.width, image.height, 4, image.rgba.data(),
                         image.width * 4);
  writeFileAtomically(path, bytes);
}

}  // namespace legatlas::render
