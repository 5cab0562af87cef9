#pragma once
// The lesson player's panel and the caption of the playing step. They draw what they are
// given and report what the user asked for.
#include <optional>
#include <string>
#include <vector>

#include "technique/lesson.h"

namespace legatlas::ui {

struct LessonPanelState {
  struct Listed {
    std::string name, title, condition;
  };
  std::vector<Listed> builtIn;  // the built-in lessons
  std::string file;                  // a lesson file to open
  std::string error;                 // the last lesson that failed to open, and why
  bool playing = true;
  float speed = 1.0f;
  bool cameraFollows = true;  // the camera moves to each step until the user moves it
  bool onTable = true;        // the client lies on the table in each step's position; else the leg stands
  bool translucentHands = false;  // the hands let the worked muscle show through
};

// What is playing, for the panel to show.
struct LessonShown {
  const technique::Lesson* lesson = nullptr;
  float time = 0, duration = 0;
  int step = 0;
  std::string workedOn;  // the tissue or region the current stroke works on, in words
};

struct LessonRequest {
  std::optional<std::string> open;  // a built-in name or a file
  std::optional<float> seek;        // seconds
  int stepDelta = 0;
  bool restart = false;
};

LessonRequest drawLessonPanel(LessonPanelState& state, const LessonShown& shown);
// The current step's caption, large, at the bottom of the window. Returns its top (the
// display's height when there is none), so what is drawn near it can keep clear.
float drawStepCaption(const LessonShown& shown);

}  // namespace legatlas::ui
