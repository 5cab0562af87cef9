#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace legatlas {

std::string toLower(std::string_view text);
// ".glb" for "Leg.GLB": a file name's extension, lower case, with its dot ("" if none).
std::string fileExtension(const std::string& path);
// "Front of the thigh" -> "front of the thigh", for a name inside a sentence.
std::string lowerFirst(std::string text);
// Case-insensitive glob: '*' matches any run of characters, '?' one character.
bool globMatch(std::string_view pattern, std::string_view text);
// The most a text input (lesson, map, description, stroke path, settings) may hold:
// far above any real one, and low enough that reading it cannot exhaust memory.
inline constexpr size_t kMostTextFileBytes = size_t(256) << 20;
// Reads a whole file or pipe; throws InputError naming the file when it cannot, when it
// is a device, or when it holds more than `mostBytes`.
std::string readFile(const std::string& path, size_t mostBytes = kMostTextFileBytes);
// The candidate nearest to `word` by edit distance, if it is near enough to be a typing
// slip ("did you mean ..."); empty otherwise.
std::string nearestName(std::string_view word, const std::vector<std::string>& candidates);
// "a, b or c"
std::string joinAsChoices(const std::vector<std::string>& names);
// The items of a comma-separated list ("skin=0.3,muscles"), empty items left out.
std::vector<std::string> commaSeparated(std::string_view list);

}  // namespace legatlas
