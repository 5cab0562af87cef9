#pragma once
// The commands about techniques and lessons: `techniques`, `lessons`, `strokes`, `check`.
#include <string>
#include <vector>

#include "app/options.h"

namespace legatlas::app {

struct LessonOptions {
  teaching::LegSource model;
  std::string anatomyDir;  // empty: the built-in description
  std::string lesson;      // a built-in lesson's name, or a file
  bool json = false;
};

int runTechniques(bool json);
int runLessons(bool json);
int runStrokes(const LessonOptions& options);
// Exits 1 when the lesson breaks any rule, after printing every violation.
int runCheck(const LessonOptions& options);

struct ScoreOptions {
  teaching::LegSource model;
  std::string anatomyDir;
  std::string technique, target, pathFile;
  bool json = false;
};
// Scores a drawn stroke; a low score is a result, not an error (exit 0).
int runScore(const ScoreOptions& options);

}  // namespace legatlas::app
