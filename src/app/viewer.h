#pragma once
// The interactive program: the window, GL context, ImGui, renderer and scene, owned in a
// fixed order so that every GPU object dies before the context does; and the frame loop,
// which composes the modes (ui/*_mode.h): lesson, practice, quiz and presentation, each
// owning its state, input and overlays.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/options.h"
#include "core/user_settings.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "teaching/direction_guides.h"
#include "teaching/leg.h"
#include "ui/input_script.h"
#include "ui/lesson_mode.h"
#include "ui/panels.h"
#include "ui/practice_mode.h"
#include "ui/presentation_mode.h"
#include "ui/quiz_mode.h"
#include "ui/simulation_mode.h"
#include "ui/stage.h"

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
  // Loads a model; on failure the previous one stays and the Model panel says why.
  void loadRequested(const teaching::LegSource& model);
  // The leg lessons are planned on, for the scene just loaded (none without description
  // or skin), given to every mode.
  void setLeg(const teaching::LegSource& model);
  // The leg, camera and frame as the modes see them now.
  ui::Stage stage();
  // Opens a lesson; practice then offers the lesson's step unless it shows a score.
  void openLesson(const std::string& nameOrFile);
  // What follows a lesson's opening: practice takes its step, the simulation its swelling.
  void lessonOpened();
  void applyPracticeRequest(const ui::PracticeRequest& request);
  void startQuiz();
  void handleKeys();
  void handleMouse(ui::Stage& stage);
  void applyViewRequest(const ui::ViewRequest& request);
  // The panels; returns the top of the step's caption (the display's height when none).
  float drawPanels(ui::Stage& stage);
  // What is drawn over the leg: the mode in charge's overlays, then the guides.
  const scene::Overlays* composeOverlays(ui::Stage& stage);
  bool animating() const;
  UserSettings currentSettings() const;
  void saveSettingsIfChanged(bool now);
  void loadDropped();
  void drawFrame(int width, int height);
  float aspect() const;
  // Seconds for animation and input: the window library's clock, or in a replay the frame
  // count at a fixed rate, so that a replay shows the same moments every time it runs.
  double clock() const;

  render::GlContext context_;
  std::unique_ptr<ui::ImGuiSession> imgui_;
  render::Renderer renderer_;
  std::shared_ptr<const scene::Scene> scene_;  // drawn; shared with the leg below
  std::unique_ptr<teaching::Leg> leg_;         // none while the description or the skin is missing
  scene::Camera camera_;
  render::FrameInputs frame_;
  ui::ModelPanelState modelPanel_;
  ui::LessonMode lesson_;
  ui::PracticeMode practice_;
  ui::SimulationMode simulation_;
  ui::QuizMode quiz_;
  ui::PresentationMode presentation_;
  std::unique_ptr<teaching::DirectionGuides> guides_;  // built for the leg on first use
  teaching::GuideToggles guidesOn_;
  scene::Overlays overlays_;
  std::string pendingLesson_;  // the lesson to open after the first frame
  std::string screenshotPath_;  // written when the replay ends
  std::string settingsPath_ = UserSettings::defaultPath();
  UserSettings savedSettings_;
  double settingsSavedAt_ = 0;
  float uiScale_ = 1.0f;  // the user's setting, on top of the monitor's content scale
  ui::InputScript input_;
  int frameNumber_ = 0;
  std::vector<std::string> droppedPaths_;
  bool dragMoved_ = false;
};

}  // namespace legatlas::app
