#pragma once
// Lesson mode: a lesson playing on the leg. It owns the playback, the lesson panel's
// state and the treatment room; answers Space, the arrows, Home and T; moves the camera
// to each step (until the user moves it) and turns the client on the table with the
// steps; and yields the hands, dents, trail and arrow of the moment as overlays.
#include <memory>
#include <optional>
#include <string>

#include "scene/overlays.h"
#include "teaching/lesson_playback.h"
#include "teaching/treatment_room.h"
#include "technique/client_position.h"
#include "ui/lesson_panel.h"
#include "ui/stage.h"

namespace legatlas::ui {

class LessonMode {
 public:
  LessonMode();  // lists the built-in lessons

  LessonPanelState& panel() { return panel_; }
  const LessonPanelState& panel() const { return panel_; }
  const teaching::LessonPlayback* playback() const { return playback_ ? &*playback_ : nullptr; }
  bool playing() const { return playback_ && panel_.playing; }
  // Seconds into the open lesson.
  float time() const { return time_; }
  // The step playing now, if a lesson is open.
  const technique::LessonStep* step() const;

  // A new leg (or none): the room is built for it, and the open lesson planned on it again.
  void setLeg(const Stage& stage);
  // Plans a lesson on the leg; on failure the open lesson stays and the panel says why.
  // Returns whether it opened.
  bool open(const std::string& nameOrFile);
  // Returns whether it opened a lesson.
  bool apply(const LessonRequest& request);
  // Moves the lesson on by `seconds` of real time when it plays; returns whether it did.
  bool advance(double seconds);
  void pause() { panel_.playing = false; }
  void releaseCamera() { panel_.cameraFollows = false; }  // the user has moved the view
  void handleKeys();
  // The camera to the playing step, and the client on the table in its position.
  void follow(Stage& stage);

  scene::Overlays overlays() const;
  LessonShown shown() const;
  // Draws the lesson panel and carries out what it asks; returns whether a lesson opened.
  bool drawPanel();
  // "toward the heart" beside the arrow on the table, kept above `captionTop`.
  void drawRoomLabel(const Stage& stage, float captionTop) const;

 private:
  void updateRoom(Stage& stage, int step);

  const teaching::Leg* leg_ = nullptr;
  const scene::Scene* scene_ = nullptr;
  LessonPanelState panel_;
  std::optional<teaching::LessonPlayback> playback_;
  float time_ = 0;
  int aimedStep_ = -1;  // the step the camera was last moved to
  std::unique_ptr<teaching::TreatmentRoom> room_;  // the table and the body, built with the leg
  std::optional<technique::ClientPosition> roomPosition_;  // as shown; none when upright
};

}  // namespace legatlas::ui
