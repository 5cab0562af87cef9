#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace legatlas {

std::string toLower(std::string_view text);
// "Front of the thigh" -> "front of the thigh", for a name inside a sentence.
std::string lowerFirst(std::string text);
// Case-insensitive glob: '*' matches any run of characters, '?' one character.
bool globMatch(std::string_view pattern, std::string_view text);
// Reads a whole file; throws InputError naming the file when it cannot.
std::string readFile(const std::string& path);
// The candidate nearest to `word` by edit distance, if it is near enough to be a typing
// slip ("did you mean ..."); empty otherwise.
std::string nearestName(std::string_view word, const std::vector<std::string>& candidates);
// "a, b or c"
std::string joinAsChoices(const std::vector<std::string>& names);

}  // namespace legatlas
