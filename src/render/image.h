#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace legatlas::render {

// 8-bit RGBA pixels, top row first.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;
};

// Writes a PNG; throws InputError naming the file when it cannot.
void writePng(const std::string& path, const Image& image);

}  // namespace legatlas::render
