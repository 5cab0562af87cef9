#pragma once
#include <map>
#include <string>
#include <string_view>

namespace legatlas::render {
// Every file of shaders/, by file name; generated at build time.
const std::map<std::string, std::string_view>& shaderSources();
}  // namespace legatlas::render
