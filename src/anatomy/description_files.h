#pragma once
// The source of a description's files, for reading a description from somewhere other
// than a folder on disk (a test's strings, or a fuzzer's input beside fixed files).
#include <functional>
#include <string>

#include "anatomy/description.h"
#include "core/json_input.h"

namespace legatlas::anatomy {

// `document` gives one file parsed, by name ("muscles.json") and by the path to name in
// errors (`directory` joined with the name). The reference must stay valid until the next
// call: the files are read one after another, each checked before the next is asked for.
struct DescriptionFiles {
  std::string directory;
  std::function<const OrderedJson&(const std::string& name, const std::string& path)> document;
};

// Parses and checks every file, as loadDescription does, from any source.
Description parseDescription(const DescriptionFiles& files);

}  // namespace legatlas::anatomy
