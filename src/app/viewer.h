#pragma once
// The interactive program: one object owning window, GL context, ImGui, renderer and
// scene in a fixed order, so every GPU object dies before the context does.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "app/options.h"
#include "core/user_settings.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "teaching/direction_guides.h"
#include "teaching/leg.h"
#include "teaching/lesson_playback.h"
#include "teaching/practice_session.h"
#include "teaching/treatment_room.h"
#include "technique/leg_model.h"
#include "technique/quiz.h"
#include "technique/score_book.h"
#include "ui/input_script.h"
#include "ui/lesson_panel.h"
#include "ui/panels.h"
#include "ui/practice_panel.h"
#include "ui/presentation.h"
#include "ui/quiz_panel.h"

namespace legatlas::ui {
class ImGuiSession;
}

namespace legatlas::app {

class Viewer {
 public:
  // `input`: recorded or replayed input, made before the window opens so that a bad file
  // is refused first.
  Viewer(const ViewerOptions& options, ui::InputScript input);
  ~Viewer();
  int run();

 private:
  void loadRequested(const teaching::LegSource& model);
  // Builds what lessons are planned on for the new scene, and plans the playing one again.
  std::optional<anatomy::Description> descriptionOf(const teaching::LegSource& model);
  void prepareLessons();
  // Plans a lesson on the loaded leg; on failure the playing lesson stays and the panel says why.
  void openLesson(const std::string& nameOrFile);
  void applyLessonRequest(const ui::LessonRequest& request);
  void advanceLesson(double seconds);
  ui::LessonShown lessonShown() const;
  // Moves the camera to the playing step when it changes, unless the user has moved it,
  // and turns the client on the table with the steps.
  void followLesson();
  // The client on the table in the playing step's position, or the standing leg.
  void updateRoom(int step);
  // "toward the heart" beside the arrow on the table.
  void drawRoomLabel(int framebufferWidth, int framebufferHeight);
  // Practice: drawing with the mouse on the skin, scoring, saving the score.
  bool handlePracticeMouse(const glm::vec2& cursor, int framebufferWidth, int framebufferHeight);
  void applyPracticeRequest(const ui::PracticeRequest& request);
  ui::PracticeShown practiceShown() const;
  std::optional<technique::SkinPoint> skinUnderCursor(const glm::vec2& cursor, int width, int height) const;
  bool practising() const;
  // Presentation mode (F5): full screen, panels hidden, large captions and labels.
  void setPresenting(bool on);
  void drawPresentation(int framebufferWidth, int framebufferHeight);
  void updateLabelAnchors(int framebufferWidth, int framebufferHeight);
  void startQuiz();
  UserSettings currentSettings() const;
  void saveSettingsIfChanged(bool now);
  void showQuestion();
  void handleKeys();
  void handleMouse(int framebufferWidth, int framebufferHeight);
  void applyViewRequest(const ui::ViewRequest& request);
  void drawPanels();
  float aspect() const;

  render::GlContext context_;
  std::unique_ptr<ui::ImGuiSession> imgui_;
  render::Renderer renderer_;
  std::shared_ptr<const scene::Scene> scene_;  // drawn; shared with the leg below
  scene::Camera camera_;
  render::FrameInputs frame_;
  ui::ModelPanelState modelPanel_;
  // The lesson: planned on the leg (the description gives landmarks and regions).
  std::optional<anatomy::Description> description_;
  std::unique_ptr<teaching::Leg> leg_;  // none while the description or the skin is missing
  std::optional<teaching::LessonPlayback> playback_;
  float lessonTime_ = 0;
  scene::Overlays overlays_;
  ui::LessonPanelState lessonPanel_;
  std::string pendingLesson_;  // the lesson to open after the first frame
  int aimedStep_ = -1;         // the step the camera was last moved to
  teaching::PracticeSession practice_;
  ui::PracticePanelState practicePanel_;
  std::vector<ui::PracticeTarget> practiceTargets_;
  technique::ScoreBook scoreBook_{technique::ScoreBook::defaultPath()};
  std::vector<technique::ScoreEntry> scores_;
  std::unique_ptr<teaching::DirectionGuides> guides_;  // built with the leg
  std::unique_ptr<teaching::TreatmentRoom> room_;      // the table and the body, built with the leg
  std::optional<technique::ClientPosition> roomPosition_;  // as shown; none when upright
  std::vector<technique::QuizQuestion> quiz_;
  ui::QuizState quizState_;
  unsigned quizSeed_ = 1;
  std::string settingsPath_ = UserSettings::defaultPath();
  UserSettings savedSettings_;
  double settingsSavedAt_ = 0;
  ui::InputScript input_;
  int frameNumber_ = 0;
  teaching::GuideToggles guidesOn_;
  bool presenting_ = false, labelsShown_ = false;
  float uiScale_ = 1.0f;  // the user's setting, on top of the monitor's content scale
  std::vector<ui::TissueAnchor> labelAnchors_;
  float labelLeft_ = 0, labelRight_ = 0;
  float captionTop_ = 0;  // screen y of the step's caption this frame; labels keep above it
  double labelsUpdatedAt_ = -1;
  std::vector<std::string> droppedPaths_;
  bool dragMoved_ = false;
};

}  // namespace legatlas::app
