#pragma once
// The built-in lessons (assets/lessons/), and finding a lesson by name or file.
#include <string>
#include <vector>

namespace legatlas::teaching {

// The built-in lessons' files, sorted by name.
std::vector<std::string> builtInLessonFiles();
// A lesson's file from a name ("edema") or a path. Throws InputError listing the lessons.
std::string lessonFile(const std::string& nameOrPath);

}  // namespace legatlas::teaching
