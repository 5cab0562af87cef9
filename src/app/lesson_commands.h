#pragma once
// The commands about techniques and lessons: `techniques`, `lessons`, `strokes`, `check`.
#include <string>
#include <vector>

#include "app/options.h"

namespace legatlas::app {

struct LessonOptions {
  ModelOptions model;
  std::string anatomyDir;  // empty: the built-in description
  std::string lesson;      // a built-in lesson's name, or a file
  bool json = false;
};

// The built-in lessons' files, sorted by name.
std::vector<std::string> builtInLessonFiles();
// A lesson's file from a name ("edema") or a path. Throws InputError listing the lessons.
std::string lessonFile(const std::string& nameOrPath);

int runTechniques(bool json);
int runLessons(bool json);
int runStrokes(const LessonOptions& options);
// Exits 1 when the lesson breaks any rule, after printing every violation.
int runCheck(const LessonOptions& options);

struct ScoreOptions {
  ModelOptions model;
  std::string anatomyDir;
  std::string technique, target, pathFile;
  bool json = false;
};
// Scores a drawn stroke; a low score is a result, not an error (exit 0).
int runScore(const ScoreOptions& options);

}  // namespace legatlas::app
