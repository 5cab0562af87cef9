#include "teaching/lesson_library.h"

#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "core/text.h"
#include "teaching/leg_source.h"

namespace legatlas::teaching {

namespace fs = std::filesystem;

std::vector<std::string> builtInLessonFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(assetPath("lessons"), ec))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string lessonFile(const std::string& nameOrPath) {
  std::error_code ec;
  if (fs::exists(nameOrPath, ec) || nameOrPath.find('/') != std::string::npos || nameOrPath.ends_with(".yaml")) {
    // A folder or device is reported by the reader, which says what it is instead.
    if (!fs::exists(nameOrPath, ec))
      throw InputError(nameOrPath, "", "no such lesson file", "check the path, or name a built-in lesson");
    return nameOrPath;
  }
  std::vector<std::string> names;
  for (const std::string& file : builtInLessonFiles()) {
    names.push_back(fs::path(file).stem().string());
    if (names.back() == nameOrPath) return file;
  }
  const std::string near = nearestName(nameOrPath, names);
  throw InputError(nameOrPath, "", "no built-in lesson has this name",
                   near.empty() ? "use one of " + joinAsChoices(names) + ", or give a lesson file"
                                : "did you mean '" + near + "'?");
}

}  // namespace legatlas::teaching
