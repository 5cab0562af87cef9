#pragma once
// Presentation mode (F5), for the classroom: full screen, panels hidden, the step's
// caption large at the bottom, a laser pointer under the mouse; and the tissue labels
// (L), which show in either mode.
#include <string>
#include <vector>

#include "render/gl_context.h"
#include "render/renderer.h"
#include "ui/lesson_panel.h"
#include "ui/presentation.h"
#include "ui/stage.h"

struct ImFont;

namespace legatlas::ui {

class PresentationMode {
 public:
  bool presenting() const { return presenting_; }
  void set(bool on, render::GlContext& window);
  bool& labelsShown() { return labelsShown_; }
  bool labelsShown() const { return labelsShown_; }

  // Draws over the view: the large caption (when `caption` is given and presenting),
  // the labels, the laser pointer. Returns the caption's top (the display's height when
  // none), for what must keep clear of it.
  float draw(const Stage& stage, render::Renderer& renderer, const LessonShown* caption, ImFont* font,
             float uiScale);

 private:
  // Which tissue shows where, from the id buffer: each label points at the pixel of its
  // tissue nearest that tissue's middle on screen.
  void placeLabels(const Stage& stage, render::Renderer& renderer);

  bool presenting_ = false, labelsShown_ = false;
  std::vector<TissueAnchor> anchors_;
  float left_ = 0, right_ = 0;  // the leg's extent on screen
  double placedAt_ = -1;
};

}  // namespace legatlas::ui
