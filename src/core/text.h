#pragma once
#include <string>
#include <string_view>

namespace legatlas {

std::string toLower(std::string_view text);
// Case-insensitive glob: '*' matches any run of characters, '?' one character.
bool globMatch(std::string_view pattern, std::string_view text);
// Reads a whole file; throws InputError naming the file when it cannot.
std::string readFile(const std::string& path);

}  // namespace legatlas
