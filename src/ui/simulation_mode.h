#pragma once
// The edema simulation in the viewer: a swelling on the leg that the playing lesson's
// strokes, and the student's own practice strokes, act on; the skin swollen by it
// (optionally coloured by the fluid); a panel with the condition, a reset, the excess
// over time and the tape's readings; and in presentation mode the plot drawn large.
#include <memory>
#include <string>
#include <vector>

#include "scene/overlays.h"
#include "teaching/edema_session.h"
#include "teaching/lesson_playback.h"
#include "teaching/practice_session.h"
#include "teaching/swelling_view.h"
#include "ui/stage.h"

struct ImFont;

namespace legatlas::ui {

class SimulationMode {
 public:
  SimulationMode();  // reads the built-in conditions

  bool on() const { return on_ && session_ != nullptr; }
  // A new leg (or none): the swelling starts over on it.
  void setLeg(const Stage& stage);
  // Turns the simulation on for a lesson about swelling (and leaves it as the user set
  // it for any other); called when a lesson opens.
  void lessonOpened(const technique::Lesson& lesson);
  // The lesson's strokes act from where they last did up to `time`; playing it back from
  // an earlier time, or another lesson, starts the swelling over.
  void followLesson(const teaching::LessonPlayback* playback, float time);
  // The strokes the student draws act as they are drawn.
  void followPractice(const teaching::PracticeSession& practice);
  void reset();

  // The swelling and what has happened to it, or none before it starts.
  const teaching::EdemaSession* session() const { return session_.get(); }
  // The skin's swelling to draw, or none when the simulation is off.
  const scene::Swelling* swelling() const { return on() ? &swelling_ : nullptr; }
  void drawPanel(double now);
  // In presentation mode: the excess over time, large, at the top right.
  void drawLargePlot(ImFont* font, float uiScale);

 private:
  void start();
  void changed();
  void drawPlot(float width, float height) const;
  void measure(double now);

  const teaching::Leg* leg_ = nullptr;
  std::vector<simulation::Condition> conditions_;
  std::string conditionsError_;
  int condition_ = 0;
  bool on_ = false;
  std::unique_ptr<teaching::EdemaSession> session_;
  std::unique_ptr<teaching::SwellingView> view_;
  scene::Swelling swelling_;
  // The lesson being followed, and how far its strokes have acted.
  std::unique_ptr<simulation::StrokesOnTissue> strokes_;
  std::string followed_;
  float playedTo_ = 0;
  double lessonMinutes_ = 0;  // the session time the followed lesson stands for
  size_t practiceSamples_ = 0;
  // The tape, read at most twice a second.
  std::vector<simulation::TapeMark> tape_;
  double tapeExcessMl_ = 0, measuredAt_ = -1;
  bool measureDue_ = true;
};

}  // namespace legatlas::ui
