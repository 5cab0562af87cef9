#include "core/text.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace legatlas {

std::string toLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string fileExtension(const std::string& path) {
  return toLower(std::filesystem::path(path).extension().string());
}

std::string lowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

bool globMatch(std::string_view pattern, std::string_view text) {
  const std::string p = toLower(pattern);
  const std::string t = toLower(text);
  // Iterative matcher with one backtrack point for the last '*': linear in practice.
  size_t pi = 0, ti = 0, starP = std::string::npos, starT = 0;
  while (ti < t.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) {
      ++pi;
      ++ti;
    } else if (pi < p.size() && p[pi] == '*') {
      starP = pi++;
      starT = ti;
    } else if (starP != std::string::npos) {
      pi = starP + 1;
      ti = ++starT;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::string readFile(const std::string& path, size_t mostBytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) throw InputError(path, "", "file not found", "check the path and spelling");
  if (fs::is_directory(status)) throw InputError(path, "", "is a folder, not a file", "give the path of a file inside it");
  // A device such as /dev/zero or /dev/urandom never ends; a pipe (as from <(...)) does.
  if (!fs::is_regular_file(status) && !fs::is_fifo(status))
    throw InputError(path, "", "is a device or socket, not a file", "give the path of a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(path, "", std::string("cannot be opened: ") + std::strerror(errno),
                     "check the file's permissions");
  }
  const auto tooLarge = [&] {
    const std::string most = mostBytes >= (1u << 20) ? std::to_string(mostBytes >> 20) + " MiB" : std::to_string(mostBytes) + " bytes";
    return InputError(path, "", "is larger than " + most + ", more than any file LegAtlas reads",
                      "check that this is the file you meant");
  };
  std::string text;
  if (fs::is_regular_file(status)) {
    const uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > mostBytes) throw tooLarge();
    if (!ec) text.reserve(size);
  }
  std::array<char, 1 << 16> chunk;
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    const auto got = static_cast<size_t>(in.gcount());
    if (text.size() + got > mostBytes) throw tooLarge();  // a pipe, or a file that grew
    text.append(chunk.data(), got);
  }
  if (in.bad()) throw InputError(path, "", "could not be read to the end", "check the disk, then try again");
  return text;
}

}  // namespace legatlas

namespace legatlas {
namespace {

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearestName(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string lowered = toLower(word);
  std::string best;
  size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& candidate : candidates) {
    const size_t d = editDistance(lowered, toLower(candidate));
    if (d < bestDistance) bestDistance = d, best = candidate;
  }
  return best;
}

std::string joinAsChoices(const std::vector<std::string>& names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
    text += names[i];
  }
  return text;
}

std::vector<std::string> commaSeparated(std::string_view list) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) items.emplace_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

}  // namespace legatlas
