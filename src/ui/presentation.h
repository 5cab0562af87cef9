#pragma once
// Presentation mode for the classroom: the step's caption large at the bottom, a laser
// pointer under the mouse, and tissue labels with leader lines.
#include <glm/vec2.hpp>
#include <string>
#include <vector>

#include "ui/label_layout.h"
#include "ui/lesson_panel.h"

struct ImFont;

namespace legatlas::ui {

// `font`: a large font; `scale` multiplies it (the screen's height over 1080 and the
// user's setting). Returns the top of the caption box (the screen height when none).
float drawLargeCaption(const LessonShown& shown, ImFont* font, float scale);
void drawLaserPointer(glm::vec2 position, float scale);

struct TissueAnchor {
  std::string name;
  glm::vec2 anchor{0.0f};  // pixels from the top left
};
// Lays out and draws labels for the tissues above `bottom`; `subjectLeft/Right`: the
// leg's extent on screen.
void drawTissueLabels(const std::vector<TissueAnchor>& tissues, ImFont* font, float scale, float subjectLeft,
                      float subjectRight, float bottom);

}  // namespace legatlas::ui
