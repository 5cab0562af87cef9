#include "core/json_input.h"

#include <cmath>

#include "core/error.h"

namespace legatlas {

namespace {
std::string lineAndColumn(std::string_view text, size_t byteOffset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < byteOffset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string typeName(const OrderedJson& value) { return value.type_name(); }
}  // namespace

OrderedJson parseJsonDocument(std::string_view text, const std::string& fileName) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(fileName, "", "file is empty", "write a JSON document into it");
  }
  try {
    // Depth is bounded by nlohmann's recursive parser; refuse absurd nesting first so a
    // hostile file cannot exhaust the stack.
    int depth = 0, maxDepth = 0;
    for (char c : text) {
      if (c == '[' || c == '{') maxDepth = std::max(maxDepth, ++depth);
      if (c == ']' || c == '}') --depth;
    }
    if (maxDepth > 64) {
      throw InputError(fileName, "", "nested more than 64 levels deep",
                       "this is not a LegAtlas file; check you opened the right one");
    }
    return OrderedJson::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    const size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string reason = e.what();
    const auto cut = reason.find("syntax error");
    if (cut != std::string::npos) reason = reason.substr(cut);
    throw InputError(fileName, lineAndColumn(text, at), "not valid JSON (" + reason + ")",
                     "fix the JSON syntax at that place");
  } catch (const nlohmann::json::out_of_range& e) {
    // A number too large for a double ("1e999"). The message quotes the number, which
    // is then found in the text for its line; nlohmann gives no position here.
    const std::string reason = e.what();
    const auto open = reason.find('\''), close = reason.rfind('\'');
    const size_t at = open < close ? text.find(reason.substr(open + 1, close - open - 1)) : std::string_view::npos;
    throw InputError(fileName, at != std::string_view::npos ? lineAndColumn(text, at) : "",
                     "holds a number too large to read", "write the number in a sensible range");
  }
}

bool JsonField::has(const std::string& key) const {
  return value_.is_object() && value_.contains(key);
}

JsonField JsonField::at(const std::string& key) const {
  if (!value_.is_object()) fail("expected an object, found " + typeName(value_), "");
  const auto it = value_.find(key);
  const std::string childPath = path_.empty() ? key : path_ + "." + key;
  if (it == value_.end()) {
    throw InputError(fileName_, childPath, "missing", "add the field \"" + key + "\"");
  }
  return JsonField(*it, childPath, fileName_);
}

JsonField JsonField::at(size_t index) const {
  return JsonField(value_.at(index), path_ + "[" + std::to_string(index) + "]", fileName_);
}

size_t JsonField::arraySize() const {
  if (!value_.is_array()) fail("expected a list, found " + typeName(value_), "write [ ... ]");
  return value_.size();
}

std::string JsonField::asString() const {
  if (!value_.is_string()) fail("expected text, found " + typeName(value_), "write it in quotes");
  return value_.get<std::string>();
}

double JsonField::asNumber() const {
  if (!value_.is_number()) fail("expected a number, found " + typeName(value_), "");
  const double number = value_.get<double>();
  if (!std::isfinite(number)) fail("number is not finite", "write an ordinary number");
  return number;
}

bool JsonField::asBool() const {
  if (!value_.is_boolean()) fail("expected true or false, found " + typeName(value_), "write true or false");
  return value_.get<bool>();
}

void JsonField::fail(const std::string& reason, const std::string& fix) const {
  throw InputError(fileName_, path_.empty() ? "top level" : path_, reason, fix);
}

}  // namespace legatlas
