#pragma once
// Practice mode: the student picks a technique and a target (or takes the playing
// step's), draws the stroke on the skin with the mouse, reads the score and feedback,
// and can watch the correct stroke replayed. It owns the practice session, the panel's
// state, the targets of the leg and the book of saved scores.
#include <optional>
#include <string>
#include <vector>

#include "scene/overlays.h"
#include "teaching/practice_session.h"
#include "technique/score_book.h"
#include "ui/practice_panel.h"
#include "ui/stage.h"

namespace legatlas::ui {

class PracticeMode {
 public:
  PracticeMode();  // reads the saved scores

  // Armed, drawing, or showing a score.
  bool practising() const;
  bool armed() const { return session_.armed(); }
  bool scored() const { return session_.result().has_value(); }
  void leave() { session_ = {}; }
  void disarm() { session_.disarm(); }
  // Says something in the panel (e.g. that the settings could not be saved).
  void notify(const std::string& notice) { panel_.notice = notice; }

  // A new leg (or none): practice starts over with the leg's muscles, tendons and regions.
  void setLeg(const Stage& stage);
  // Takes the technique and the target of a lesson's step.
  void chooseFrom(const technique::LessonStep& step);
  // Drawing with the mouse on the skin (cursor in framebuffer pixels). Returns true when
  // the mouse drew, so that it must not also turn the camera.
  bool handleMouse(const Stage& stage, const glm::vec2& cursor);
  // Draws the panel and carries out what it can; the rest (pausing the lesson while the
  // student draws, taking the lesson's step, opening the quiz) is the caller's.
  PracticeRequest drawPanel(bool lessonStepAvailable);
  void apply(const PracticeRequest& request, double now);

  // The drawn path, the correct stroke once scored, and the hand replaying it.
  scene::Overlays overlays(double now) const { return session_.overlays(now); }
  const teaching::PracticeSession& session() const { return session_; }

 private:
  std::optional<technique::SkinPoint> skinUnderCursor(const Stage& stage, const glm::vec2& cursor) const;
  void keepScore();

  const teaching::Leg* leg_ = nullptr;
  teaching::PracticeSession session_;
  PracticePanelState panel_;
  std::vector<PracticeTarget> targets_;
  technique::ScoreBook book_{technique::ScoreBook::defaultPath()};
  std::vector<technique::ScoreEntry> scores_;
};

}  // namespace legatlas::ui
