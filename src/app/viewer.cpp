#include "app/viewer.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "core/error.h"
#include "core/text.h"
#include "teaching/leg_source.h"
#include "ui/imgui_session.h"
#include "ui/keys.h"

namespace legatlas::app {

namespace {
constexpr float kOrbitRadiansPerPixel = 0.008f;
constexpr float kZoomPerWheelStep = 0.85f;
constexpr float kClickSlopPixels = 4.0f;
constexpr int kSettleFrames = 3;
constexpr double kIdleWakeSeconds = 0.5;
constexpr double kLongestFrameStep = 0.1;  // a stalled frame does not jump the lesson ahead
constexpr const char* kFirstLesson = "circulation";

// Whether the last events changed anything a frame would show.
bool userActed() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f) return true;
  for (bool down : io.MouseDown) {
    if (down) return true;
  }
  for (bool down : io.KeysDown) {
    if (down) return true;
  }
  return io.InputQueueCharacters.Size > 0;
}
}  // namespace

Viewer::Viewer(const ViewerOptions& options, ui::InputScript input)
    : context_({1440, 900, true, false, true, "LegAtlas"}),
      imgui_(std::make_unique<ui::ImGuiSession>(context_.window(), context_.contentScale())),
      renderer_(options.samples) {
  if (options.samples == 0 && renderer_.samples() == 1) {
    std::cerr << "note: " << context_.rendererName()
              << " renders in software; anti-aliasing is off to keep the view fluid (--msaa 4 turns it on)\n";
  } else if (renderer_.samples() < options.samples) {
    std::cerr << "note: this driver offers " << renderer_.samples() << "x anti-aliasing, not "
              << options.samples << "x\n";
  }
  context_.onFilesDropped([this](const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
      droppedPaths_.push_back(path);
      input_.noteDropped(path);
    }
  });
  modelPanel_.modelPath = options.model.modelPath;
  modelPanel_.tissueMapPath = options.model.tissueMapPath;
  for (int leg = 0; leg < int(std::size(ui::kBuiltInLegs)); ++leg) {
    if (teaching::resolvedLeg(options.model.leg) == ui::kBuiltInLegs[leg]) modelPanel_.builtInLeg = leg;
  }
  std::string settingsProblem;
  savedSettings_ = UserSettings::load(settingsPath_, settingsProblem);
  modelPanel_.error = settingsProblem;
  uiScale_ = savedSettings_.uiScale;
  lesson_.panel().speed = savedSettings_.playbackSpeed;
  lesson_.panel().cameraFollows = savedSettings_.cameraFollowsSteps;
  lesson_.panel().onTable = !options.upright;
  lesson_.panel().translucentHands = options.hands == "translucent";
  presentation_.labelsShown() = savedSettings_.labels;
  try {
    guidesOn_ = teaching::GuideToggles::parse(savedSettings_.guides, settingsPath_);
  } catch (const std::exception&) {
    guidesOn_ = {};  // an unknown guide in an older file: start without guides
  }
  input_ = std::move(input);
  screenshotPath_ = options.screenshotPath;
  loadRequested(options.model);
  // Planned once the first frame is on screen.
  pendingLesson_ = !options.lesson.empty()          ? options.lesson
                   : !savedSettings_.lesson.empty() ? savedSettings_.lesson
                                                    : kFirstLesson;
}

UserSettings Viewer::currentSettings() const {
  UserSettings s;
  s.uiScale = uiScale_;
  s.playbackSpeed = lesson_.panel().speed;
  s.cameraFollowsSteps = lesson_.panel().cameraFollows;
  s.labels = presentation_.labelsShown();
  s.lesson = lesson_.playback() ? lesson_.playback()->lesson.file : savedSettings_.lesson;
  s.guides = guidesOn_.list();
  return s;
}

// Settings are written when they change, at most once a second while a slider moves,
// and on the way out.
void Viewer::saveSettingsIfChanged(bool now) {
  const UserSettings current = currentSettings();
  if (current == savedSettings_ || (!now && render::GlContext::seconds() - settingsSavedAt_ < 1.0)) return;
  try {
    current.save(settingsPath_);
    savedSettings_ = current;
  } catch (const std::exception& e) {
    practice_.notify(std::string("The settings could not be saved: ") + e.what());
  }
  settingsSavedAt_ = render::GlContext::seconds();
}

Viewer::~Viewer() {
  saveSettingsIfChanged(true);
  try {
    input_.save();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << '\n';
  }
  // GPU objects go before ImGui's and the context's teardown.
  scene_.reset();
}

float Viewer::aspect() const {
  int width = 0, height = 0;
  context_.framebufferSize(width, height);
  return height > 0 ? static_cast<float>(width) / static_cast<float>(height) : 1.0f;
}

double Viewer::clock() const {
  if (input_.mode() == ui::InputScript::Mode::Replay) return frameNumber_ / ui::InputScript::kFramesPerSecond;
  return render::GlContext::seconds();
}

ui::Stage Viewer::stage() {
  ui::Stage stage{scene_.get(), leg_.get(), &camera_, &frame_, 0, 0, clock()};
  context_.framebufferSize(stage.width, stage.height);
  return stage;
}

void Viewer::loadRequested(const teaching::LegSource& model) {
  try {
    auto loaded = std::make_shared<const scene::Scene>(teaching::loadScene(model));
    renderer_.setScene(*loaded);  // may throw; the previous scene then stays
    guides_.reset();  // they and the leg refer to the scene they were built on
    leg_.reset();
    scene_ = std::move(loaded);
    setLeg(model);
    frame_.selectedTissue = -1;
    camera_.frame(scene_->bounds(), aspect());
    modelPanel_.error.clear();
    modelPanel_.warnings = scene_->warnings;
    modelPanel_.builtInShown = model.modelPath.empty();
  } catch (const std::exception& e) {
    modelPanel_.error = e.what();
    std::cerr << "error: " << e.what() << '\n';
  }
}

// A measured leg's regions and landmarks are its own, carried onto the subject. A
// description that cannot be read, or a model without skin, leaves the leg shown without
// lessons, and the lesson panel says why.
void Viewer::setLeg(const teaching::LegSource& model) {
  overlays_ = {};
  std::optional<anatomy::Description> description;
  try {
    description = teaching::loadLegDescription(model);
    leg_ = std::make_unique<teaching::Leg>(scene_, *description);
  } catch (const std::exception& e) {
    lesson_.panel().error = description ? std::string("Lessons need a leg with skin: ") + e.what() : e.what();
  }
  const ui::Stage now = stage();
  practice_.setLeg(now);
  simulation_.setLeg(now);
  lesson_.setLeg(now);  // plans the open lesson again on the new leg
  if (lesson_.step() && !practice_.scored()) practice_.chooseFrom(*lesson_.step());
}

void Viewer::openLesson(const std::string& nameOrFile) {
  if (lesson_.open(nameOrFile)) lessonOpened();
}

void Viewer::lessonOpened() {
  if (!practice_.scored()) practice_.chooseFrom(*lesson_.step());
  simulation_.lessonOpened(lesson_.playback()->lesson);
}

void Viewer::applyPracticeRequest(const ui::PracticeRequest& request) {
  if (request.fromLessonStep && lesson_.step()) practice_.chooseFrom(*lesson_.step());
  if (request.draw) lesson_.pause();  // the lesson waits while the student draws
  practice_.apply(request, clock());
  if (request.quiz) startQuiz();
}

void Viewer::startQuiz() {
  if (!leg_) return;
  lesson_.pause();
  practice_.leave();
  ui::Stage now = stage();
  quiz_.start(now);
  lesson_.releaseCamera();  // the camera shows the muscle asked about
}

void Viewer::applyViewRequest(const ui::ViewRequest& request) {
  if (request.preset) camera_.setPreset(*request.preset);
  if ((request.preset || request.frame) && scene_) camera_.frame(scene_->bounds(), aspect());
}

void Viewer::handleKeys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureKeyboard) return;
  ui::ViewRequest request;
  const bool opposite = io.KeyCtrl;
  // Blender's convention: 1 front, 3 side, 7 top; Ctrl for the opposite side.
  if (ui::pressed(ui::Key::Digit1)) request.preset = opposite ? scene::ViewPreset::Posterior : scene::ViewPreset::Anterior;
  if (ui::pressed(ui::Key::Digit3)) request.preset = opposite ? scene::ViewPreset::Medial : scene::ViewPreset::Lateral;
  if (ui::pressed(ui::Key::Digit7)) request.preset = opposite ? scene::ViewPreset::Inferior : scene::ViewPreset::Superior;
  request.frame = ui::pressed(ui::Key::F);
  applyViewRequest(request);
  if (ui::pressed(ui::Key::Escape)) {
    if (practice_.armed()) practice_.disarm();
    else if (presentation_.presenting()) presentation_.set(false, context_);
  }
  if (ui::pressed(ui::Key::F5)) presentation_.set(!presentation_.presenting(), context_);
  if (io.KeyCtrl && ui::pressed(ui::Key::Q)) context_.requestClose();
  if (ui::pressed(ui::Key::L)) presentation_.labelsShown() = !presentation_.labelsShown();
  lesson_.handleKeys();
}

void Viewer::handleMouse(ui::Stage& stage) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return;
  const ImVec2 delta = io.MouseDelta;
  const glm::vec2 cursor(io.MousePos.x * io.DisplayFramebufferScale.x, io.MousePos.y * io.DisplayFramebufferScale.y);
  if (practice_.handleMouse(stage, cursor)) return;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragMoved_ = false;
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kClickSlopPixels)) {
    dragMoved_ = true;
    lesson_.releaseCamera();  // the view stays where the user puts it
    camera_.orbit(-delta.x * kOrbitRadiansPerPixel, -delta.y * kOrbitRadiansPerPixel);
  }
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 1.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 1.0f)) {
    lesson_.releaseCamera();
    camera_.pan(delta.x * io.DisplayFramebufferScale.x, delta.y * io.DisplayFramebufferScale.y,
                static_cast<float>(stage.height));
  }
  if (io.MouseWheel != 0.0f) {
    lesson_.releaseCamera();
    const glm::vec2 ndc(2.0f * cursor.x / stage.width - 1.0f, 1.0f - 2.0f * cursor.y / stage.height);
    camera_.zoomToward(ndc, std::pow(kZoomPerWheelStep, io.MouseWheel), stage.aspect());
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !dragMoved_ && scene_) {
    frame_.selectedTissue = renderer_.pickTissue(frame_, stage.width, stage.height, static_cast<int>(cursor.x),
                                                 static_cast<int>(cursor.y));
  }
}

float Viewer::drawPanels(ui::Stage& stage) {
  ImGui::GetIO().FontGlobalScale = uiScale_;
  const float bottom = ImGui::GetIO().DisplaySize.y;
  if (presentation_.presenting()) return bottom;
  if (ui::beginSidebar()) {
    if (ui::drawModelPanel(modelPanel_, scene_.get())) {
      loadRequested({modelPanel_.modelPath, modelPanel_.tissueMapPath, ui::kBuiltInLegs[modelPanel_.builtInLeg]});
      stage = this->stage();  // the leg may have changed
    }
    if (lesson_.drawPanel()) lessonOpened();
    simulation_.drawPanel(stage.now);
    ui::drawLayersPanel(frame_.layers);
    applyViewRequest(ui::drawViewPanel());
    ui::drawAboutPanel();
    if (ui::drawShowPanel(guidesOn_, leg_ != nullptr, presentation_.labelsShown(), uiScale_))
      presentation_.set(true, context_);
  }
  ui::endSidebar();
  ui::drawInfoPanel(scene_.get(), frame_.selectedTissue);
  if (leg_) applyPracticeRequest(practice_.drawPanel(lesson_.playback() != nullptr));
  const bool captioned = !practice_.practising() && !quiz_.open();
  const float captionTop = captioned ? ui::drawStepCaption(lesson_.shown()) : bottom;
  if (quiz_.drawPanel(stage)) startQuiz();
  return captionTop;
}

const scene::Overlays* Viewer::composeOverlays(ui::Stage& stage) {
  const bool practising = practice_.practising();
  if (quiz_.open()) overlays_ = quiz_.overlays();  // only the muscle it asks about
  else if (practising) overlays_ = practice_.overlays(stage.now);
  else overlays_ = lesson_.overlays();
  if (!practising) lesson_.follow(stage);
  if (leg_ && guidesOn_.any() && !guides_)  // about a second, once
    guides_ = std::make_unique<teaching::DirectionGuides>(leg_->model());
  if (guides_ && guidesOn_.any()) guides_->addTo(overlays_, guidesOn_, stage.now, frame_.selectedTissue);
  const bool any = practising || lesson_.playback() || guidesOn_.any() || quiz_.open();
  return any ? &overlays_ : nullptr;
}

void Viewer::loadDropped() {
  for (const std::string& path : std::exchange(droppedPaths_, {})) {
    if (fileExtension(path) == ".json") modelPanel_.tissueMapPath = path;
    else modelPanel_.modelPath = path;
    loadRequested({modelPanel_.modelPath, modelPanel_.tissueMapPath, {}});
  }
}

bool Viewer::animating() const {
  return lesson_.playing() || practice_.practising() || guidesOn_.any() ||
         input_.mode() == ui::InputScript::Mode::Replay;
}

void Viewer::drawFrame(int width, int height) {
  imgui_->setContentScale(context_.contentScale());  // the window may have moved to another monitor
  imgui_->beginFrame([this] { input_.apply(frameNumber_); });
  for (std::string& path : input_.takeDropped()) droppedPaths_.push_back(std::move(path));  // loaded next frame
  if (input_.finished(frameNumber_)) context_.requestClose();
  ++frameNumber_;
  ui::Stage stage = this->stage();
  handleKeys();
  handleMouse(stage);
  const float panelsTop = drawPanels(stage);
  const ui::LessonShown shown = lesson_.shown();
  const float presentedTop =
      presentation_.draw(stage, renderer_, practice_.practising() ? nullptr : &shown, imgui_->largeFont(), uiScale_);
  lesson_.drawRoomLabel(stage, presentation_.presenting() ? presentedTop : panelsTop);
  if (presentation_.presenting()) simulation_.drawLargePlot(imgui_->largeFont(), uiScale_);
  frame_.overlays = composeOverlays(stage);
  frame_.swelling = simulation_.swelling();
  renderer_.render(frame_, 0, width, height);
  imgui_->endFrame();
  if (!screenshotPath_.empty() && context_.closeRequested())  // the replay's last frame
    render::writePng(std::exchange(screenshotPath_, {}), context_.readWindow());
  context_.swapBuffers();
}

int Viewer::run() {
  frame_.camera = &camera_;
  int quietFrames = 0;
  double lastFrame = clock();
  while (!context_.closeRequested()) {
    // A playing lesson animates every frame; otherwise an idle viewer sleeps until the user
    // acts, with a few frames after each input to let ImGui settle hover and focus.
    if (quietFrames > kSettleFrames && !animating()) context_.waitEvents(kIdleWakeSeconds);
    else context_.pollEvents();
    const double now = clock();
    // Playing the lesson again leaves practice.
    if (lesson_.advance(std::min(now - lastFrame, kLongestFrameStep)) && practice_.practising()) practice_.leave();
    simulation_.followLesson(lesson_.playback(), lesson_.time());
    simulation_.followPractice(practice_.session());
    lastFrame = now;
    quietFrames = userActed() ? 0 : quietFrames + 1;
    int width = 0, height = 0;
    context_.framebufferSize(width, height);
    if (width <= 0 || height <= 0) {  // minimised: nothing to draw until restored
      context_.waitEvents();
      continue;
    }
    loadDropped();
    drawFrame(width, height);
    if (!pendingLesson_.empty()) openLesson(std::exchange(pendingLesson_, {}));
    saveSettingsIfChanged(false);
  }
  if (context_.errorCount() > 0) {  // counted only with GL debug output on (LEGATLAS_GL_DEBUG)
    for (const std::string& message : context_.errorMessages()) std::cerr << message << '\n';
    return kExitGraphicsError;
  }
  return kExitOk;
}

}  // namespace legatlas::app
