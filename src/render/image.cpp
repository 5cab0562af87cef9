#include "render/image.h"

#include <png.h>

#include <stdexcept>

#include "core/atomic_file.h"
#include "core/error.h"

namespace legatlas::render {

namespace {

void appendBytes(png_structp png, png_bytep data, png_size_t size) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), size);
}

void flushNothing(png_structp) {}

[[noreturn]] void onPngError(png_structp, png_const_charp message) { throw std::runtime_error(message); }

std::string encodePng(const Image& image) {
  std::string bytes;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, onPngError, nullptr);
  png_infop info = png_create_info_struct(png);
  try {
    png_set_write_fn(png, &bytes, appendBytes, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // One cheap filter and a low zlib level: renders are written often (tests, slides,
    // video frames) and a few percent of file size matters less than the wait.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png, 3);
    png_write_info(png, info);
    for (int y = 0; y < image.height; ++y) {
      png_write_row(png, image.rgba.data() + static_cast<size_t>(y) * image.width * 4);
    }
    png_write_end(png, nullptr);
  } catch (...) {
    png_destroy_write_struct(&png, &info);
    throw;
  }
  png_destroy_write_struct(&png, &info);
  return bytes;
}

}  // namespace

void writePng(const std::string& path, const Image& image) {
  std::string bytes;
  try {
    bytes = encodePng(image);
  } catch (const std::runtime_error& e) {
    throw InputError(path, "", std::string("cannot encode the image: ") + e.what(), "try a smaller --size");
  }
  writeFileAtomically(path, bytes);
}

}  // namespace legatlas::render
