#pragma once
// Reading user-written JSON with errors that name the file, the line or the field
// path (e.g. "tissues[2].layer"), the reason and the fix.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace legatlas {

using OrderedJson = nlohmann::ordered_json;

// Parses text; a syntax error becomes an InputError with line and column.
OrderedJson parseJsonDocument(std::string_view text, const std::string& fileName);

// Field access that reports the field path on a missing or wrong-typed value.
class JsonField {
 public:
  JsonField(const OrderedJson& value, std::string path, const std::string& fileName)
      : value_(value), path_(std::move(path)), fileName_(fileName) {}

  const OrderedJson& value() const { return value_; }
  const std::string& path() const { return path_; }
  bool has(const std::string& key) const;
  JsonField at(const std::string& key) const;  // required member
  JsonField at(size_t index) const;
  size_t arraySize() const;  // requires an array
  std::string asString() const;
  double asNumber() const;
  bool asBool() const;
  [[noreturn]] void fail(const std::string& reason, const std::string& fix) const;

 private:
  const OrderedJson& value_;
  std::string path_;
  const std::string& fileName_;
};

}  // namespace legatlas
