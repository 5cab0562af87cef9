#include "app/viewer.h"

#include <imgui.h>

#include <algorithm>
#include <glm/matrix.hpp>
#include <filesystem>
#include <iostream>

#include "app/lesson_commands.h"
#include "core/error.h"
#include "core/text.h"
#include "teaching/leg_source.h"
#include "teaching/lesson_library.h"
#include "technique/animator.h"
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
constexpr double kLabelRefreshSeconds = 0.4;
constexpr size_t kMostLabels = 14;
constexpr int kQuizQuestions = 6;
constexpr const char* kFirstLesson = "circulation";
constexpr float kQuizMargin = 0.12f;

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
  for (const std::string& file : teaching::builtInLessonFiles()) {
    try {
      const technique::Lesson lesson = technique::loadLesson(file);
      lessonPanel_.builtIn.push_back({lesson.id, lesson.title, lesson.condition});
    } catch (const std::exception& e) {
      lessonPanel_.error = e.what();  // a broken lesson file stays out of the list
    }
  }
  std::sort(lessonPanel_.builtIn.begin(), lessonPanel_.builtIn.end(),
            [](const auto& a, const auto& b) { return a.condition < b.condition; });
  scores_ = scoreBook_.load(practicePanel_.notice);
  savedSettings_ = UserSettings::load(settingsPath_, modelPanel_.error);
  uiScale_ = savedSettings_.uiScale;
  lessonPanel_.speed = savedSettings_.playbackSpeed;
  lessonPanel_.cameraFollows = savedSettings_.cameraFollowsSteps;
  labelsShown_ = savedSettings_.labels;
  try {
    guidesOn_ = teaching::GuideToggles::parse(savedSettings_.guides, settingsPath_);
  } catch (const std::exception&) {
    guidesOn_ = {};  // an unknown guide in an older file: start without guides
  }
  input_ = std::move(input);
  loadRequested(options.model);
  // Planned once the first frame is on screen.
  lessonPanel_.onTable = !options.upright;
  pendingLesson_ = !options.lesson.empty() ? options.lesson : !savedSettings_.lesson.empty() ? savedSettings_.lesson : kFirstLesson;
}

UserSettings Viewer::currentSettings() const {
  UserSettings s;
  s.uiScale = uiScale_;
  s.playbackSpeed = lessonPanel_.speed;
  s.cameraFollowsSteps = lessonPanel_.cameraFollows;
  s.labels = labelsShown_;
  s.lesson = playback_ ? playback_->lesson.file : savedSettings_.lesson;
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
    practicePanel_.notice = std::string("The settings could not be saved: ") + e.what();
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

void Viewer::loadRequested(const teaching::LegSource& model) {
  try {
    auto loaded = std::make_shared<const scene::Scene>(teaching::loadScene(model));
    renderer_.setScene(*loaded);  // may throw; the previous scene then stays
    description_ = descriptionOf(model);
    guides_.reset();  // they and the leg refer to the scene they were built on
    leg_.reset();
    scene_ = std::move(loaded);
    prepareLessons();
    frame_.selectedTissue = -1;
    camera_.frame(scene_->bounds(), aspect());
    modelPanel_.error.clear();
    modelPanel_.warnings = scene_->warnings;
  } catch (const std::exception& e) {
    modelPanel_.error = e.what();
    std::cerr << "error: " << e.what() << '\n';
  }
}

// A measured leg's regions and landmarks are its own, carried onto the subject. A
// description that cannot be read leaves the leg shown without lessons, and says why.
std::optional<anatomy::Description> Viewer::descriptionOf(const teaching::LegSource& model) {
  try {
    return teaching::loadLegDescription(model);
  } catch (const std::exception& e) {
    lessonPanel_.error = e.what();
    return std::nullopt;
  }
}

void Viewer::prepareLessons() {
  const std::optional<std::string> playing = playback_ ? std::optional(playback_->lesson.file) : std::nullopt;
  playback_.reset();
  overlays_ = {};
  if (!description_) return;
  practice_ = {};
  practiceTargets_.clear();
  for (const scene::Tissue& t : scene_->tissues)
    if (t.layer == anatomy::Layer::SuperficialMuscle || t.layer == anatomy::Layer::DeepMuscle || t.layer == anatomy::Layer::Tendon)
      practiceTargets_.push_back({t.id, t.name, true});
  for (const anatomy::Region& r : description_->regions)
    if (r.kind == "region") practiceTargets_.push_back({r.id, r.name, false});
  guides_.reset();
  room_.reset();
  roomPosition_.reset();
  frame_.surroundings = nullptr;
  try {
    leg_ = std::make_unique<teaching::Leg>(scene_, *description_);
  } catch (const std::exception& e) {
    lessonPanel_.error = std::string("Lessons need a leg with skin: ") + e.what();
    return;
  }
  room_ = std::make_unique<teaching::TreatmentRoom>(*scene_, teaching::builtInBodyPath());
  if (!room_->problem().empty()) std::cerr << "warning: the table is shown without the body: " << room_->problem() << '\n';
  if (playing) openLesson(*playing);  // strokes are planned again on the new leg
}

void Viewer::openLesson(const std::string& nameOrFile) {
  if (!leg_) {
    if (lessonPanel_.error.empty()) lessonPanel_.error = "Load a leg with skin to play lessons on it.";
    return;
  }
  try {
    playback_ = teaching::planPlayback(nameOrFile, leg_->model());
    lessonTime_ = 0;
    aimedStep_ = -1;
    if (!practice_.result()) applyPracticeRequest({.fromLessonStep = true});  // practise what the lesson shows
    lessonPanel_.error.clear();
  } catch (const std::exception& e) {
    lessonPanel_.error = e.what();  // the lesson that was playing goes on
    std::cerr << "error: " << e.what() << '\n';
  }
}

void Viewer::applyLessonRequest(const ui::LessonRequest& request) {
  if (request.open) openLesson(*request.open);
  if (!playback_) return;
  if (request.restart || request.stepDelta != 0) lessonPanel_.cameraFollows = true, aimedStep_ = -1;
  if (request.restart) lessonTime_ = 0;
  if (request.seek) lessonTime_ = std::clamp(*request.seek, 0.0f, playback_->duration());
  if (request.stepDelta != 0) {
    const int steps = static_cast<int>(playback_->lesson.steps.size());
    const int step = std::clamp(playback_->stepAt(lessonTime_) + request.stepDelta, 0, steps - 1);
    lessonTime_ = playback_->stepStart(step);
  }
}

void Viewer::advanceLesson(double seconds) {
  if (!playback_ || !lessonPanel_.playing) return;
  if (practising()) practice_ = {};  // playing the lesson again leaves practice
  lessonTime_ += static_cast<float>(seconds) * lessonPanel_.speed;
  if (lessonTime_ >= playback_->duration()) {
    lessonTime_ = playback_->duration();
    lessonPanel_.playing = false;
  }
}

void Viewer::followLesson() {
  if (!playback_) return;
  const int step = playback_->stepAt(lessonTime_);
  updateRoom(step);
  if (!lessonPanel_.cameraFollows || step == aimedStep_) return;
  frame_.surroundings = teaching::showStep(camera_, *playback_, step, aspect(), std::nullopt,
                                          roomPosition_ ? room_.get() : nullptr, scene_->bounds());
  aimedStep_ = step;
}

void Viewer::updateRoom(int step) {
  std::optional<technique::ClientPosition> position;
  if (lessonPanel_.onTable && room_)
    position = teaching::stepPosition(*playback_, step).value_or(technique::ClientPosition::Supine);
  if (position == roomPosition_) return;
  // The client turns over (or gets up): the camera goes with them.
  roomPosition_ = position;
  frame_.surroundings = position ? &room_->surroundings(*position) : nullptr;
  camera_.setVertical(position ? room_->up(*position) : glm::vec3(0, 1, 0));
  lessonPanel_.cameraFollows = true;
  aimedStep_ = -1;
}

void Viewer::drawRoomLabel(int width, int height) {
  if (!frame_.surroundings || frame_.surroundings->arrows.empty()) return;
  const scene::DirectionArrow& arrow = frame_.surroundings->arrows.front();
  const glm::vec3 middle = arrow.tip - arrow.direction * (arrow.length * 0.5f);
  const glm::vec4 clip = camera_.projection(aspect()) * camera_.view() * glm::vec4(middle, 1.0f);
  if (clip.w <= 0) return;
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  if (std::abs(ndc.x) > 1 || std::abs(ndc.y) > 1) return;
  const float toScreen = 1.0f / ImGui::GetIO().DisplayFramebufferScale.x;
  const ImVec2 at((ndc.x * 0.5f + 0.5f) * width * toScreen, (0.5f - ndc.y * 0.5f) * height * toScreen);
  const char* text = "toward the heart";
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  // Below the arrow, but never under the step's caption: just above it then.
  const ImVec2 from(at.x - size.x * 0.5f, std::min(at.y + size.y * 0.6f, captionTop_ - size.y - 6.0f));
  draw->AddRectFilled(ImVec2(from.x - 4, from.y - 2), ImVec2(from.x + size.x + 4, from.y + size.y + 2), IM_COL32(20, 20, 24, 170), 4.0f);
  draw->AddText(from, IM_COL32(240, 120, 125, 255), text);
}

ui::LessonShown Viewer::lessonShown() const {
  ui::LessonShown shown;
  if (!playback_) return shown;
  shown.lesson = &playback_->lesson;
  shown.time = lessonTime_;
  shown.duration = playback_->duration();
  shown.step = playback_->stepAt(lessonTime_);
  const technique::ContactPoint contact = technique::contactAt(playback_->strokes, lessonTime_);
  if (contact.stroke >= 0 && scene_) {
    const technique::Stroke& s = playback_->strokes[contact.stroke];
    if (!s.region.empty() && leg_->model().findRegion(s.region)) shown.workedOn = lowerFirst(leg_->model().findRegion(s.region)->name);
    else if (s.tissue >= 0) shown.workedOn = scene_->tissues[s.tissue].name;
  }
  return shown;
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
  if (ui::pressed(ui::Key::Digit1)) {
    request.preset = opposite ? scene::ViewPreset::Posterior : scene::ViewPreset::Anterior;
  }
  if (ui::pressed(ui::Key::Digit3)) {
    request.preset = opposite ? scene::ViewPreset::Medial : scene::ViewPreset::Lateral;
  }
  if (ui::pressed(ui::Key::Digit7)) {
    request.preset = opposite ? scene::ViewPreset::Inferior : scene::ViewPreset::Superior;
  }
  request.frame = ui::pressed(ui::Key::F);
  applyViewRequest(request);
  ui::LessonRequest lesson;
  if (ui::pressed(ui::Key::Space)) lessonPanel_.playing = !lessonPanel_.playing;
  if (ui::pressed(ui::Key::Escape)) {
    if (practice_.armed()) practice_.disarm();
    else if (presenting_) setPresenting(false);
  }
  if (ui::pressed(ui::Key::F5)) setPresenting(!presenting_);
  if (io.KeyCtrl && ui::pressed(ui::Key::Q)) context_.requestClose();
  if (ui::pressed(ui::Key::L)) labelsShown_ = !labelsShown_;
  if (ui::pressed(ui::Key::T)) lessonPanel_.onTable = !lessonPanel_.onTable;
  if (ui::pressed(ui::Key::Right)) lesson.stepDelta = 1;
  if (ui::pressed(ui::Key::Left)) lesson.stepDelta = -1;
  lesson.restart = ui::pressed(ui::Key::Home);
  applyLessonRequest(lesson);
}

std::optional<technique::SkinPoint> Viewer::skinUnderCursor(const glm::vec2& cursor, int width, int height) const {
  if (!leg_ || width <= 0 || height <= 0) return std::nullopt;
  const glm::mat4 inverse = glm::inverse(camera_.projection(static_cast<float>(width) / height) * camera_.view());
  const glm::vec2 ndc(2.0f * cursor.x / width - 1.0f, 1.0f - 2.0f * cursor.y / height);
  const glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f), farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
  const glm::vec3 from = glm::vec3(nearPoint) / nearPoint.w, to = glm::vec3(farPoint) / farPoint.w;
  return leg_->model().skinAlongRay(from, to - from);
}

bool Viewer::practising() const { return practice_.armed() || practice_.drawing() || practice_.result().has_value(); }

// Returns true when the mouse drew on the leg (so it must not also orbit).
bool Viewer::handlePracticeMouse(const glm::vec2& cursor, int width, int height) {
  if (!practice_.armed() && !practice_.drawing()) return false;
  const double now = render::GlContext::seconds();
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) practice_.press(now, skinUnderCursor(cursor, width, height));
  else if (practice_.drawing() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) practice_.move(now, skinUnderCursor(cursor, width, height));
  const bool finishing = practice_.drawing() && ImGui::IsMouseReleased(ImGuiMouseButton_Left);
  if (finishing && leg_) {
    try {
      practice_.release(leg_->model());
    } catch (const std::exception& e) {
      practicePanel_.notice = e.what();
      practice_.disarm();
    }
    if (const auto& result = practice_.result()) {
      const technique::ScoreEntry entry{technique::nowIso8601(), std::string(practice_.technique()->id), practice_.target(), result->score};
      try {
        scoreBook_.add(entry, practicePanel_.notice);
        scores_ = scoreBook_.load(practicePanel_.notice);
      } catch (const std::exception& e) {
        practicePanel_.notice = std::string("The score could not be saved: ") + e.what();
      }
    }
  }
  return finishing || practice_.drawing() || practice_.armed();
}

void Viewer::applyPracticeRequest(const ui::PracticeRequest& request) {
  if (request.cancel) practice_.disarm();
  if (request.fromLessonStep && playback_) {
    const technique::LessonStep& step = playback_->lesson.steps[playback_->stepAt(lessonTime_)];
    const auto techniques = technique::catalogue();
    for (int i = 0; i < static_cast<int>(techniques.size()); ++i)
      if (&techniques[i] == step.technique) practicePanel_.technique = i;
    for (int i = 0; i < static_cast<int>(practiceTargets_.size()); ++i)
      if (practiceTargets_[i].id == step.target.ids.front()) practicePanel_.target = i;
  }
  if (request.draw && !practiceTargets_.empty()) {
    lessonPanel_.playing = false;  // the lesson waits while the student draws
    practice_.clear();
    practice_.arm(&technique::catalogue()[practicePanel_.technique], practiceTargets_[practicePanel_.target].id);
  }
  if (request.replay) practice_.replayCorrect(render::GlContext::seconds());
  if (request.quiz) startQuiz();
}

void Viewer::startQuiz() {
  if (!leg_) return;
  quiz_ = technique::makeQuiz(leg_->model(), quizSeed_++, kQuizQuestions);
  quizState_ = {true, 0, -1, 0, 0};
  lessonPanel_.playing = false;
  practice_ = {};
  showQuestion();
}

// Turns the camera to the highlighted muscle, from the side where it lies.
void Viewer::showQuestion() {
  if (quizState_.index >= static_cast<int>(quiz_.size())) return;
  const technique::QuizQuestion& q = quiz_[quizState_.index];
  if (q.tissue < 0) return;
  geometry::Bounds box;
  for (const scene::SceneMesh& m : scene_->meshes)
    if (m.tissueIndex == q.tissue && m.detail == 0) box.add(m.mesh.bounds());
  const glm::vec3 outward = box.center() - leg_->model().limbCentre(box.center().y);
  scene::ViewPreset best = scene::ViewPreset::Anterior;
  float bestScore = -2;
  for (auto preset : {scene::ViewPreset::Anterior, scene::ViewPreset::Posterior, scene::ViewPreset::Lateral,
                      scene::ViewPreset::Medial}) {
    const float score = glm::dot(-scene::viewDirection(preset), outward);
    if (score > bestScore) bestScore = score, best = preset;
  }
  camera_.setPreset(best);
  box.add(box.min - glm::vec3(kQuizMargin));
  box.add(box.max + glm::vec3(kQuizMargin));
  camera_.frame(box, aspect());
  lessonPanel_.cameraFollows = false;
}

ui::PracticeShown Viewer::practiceShown() const {
  ui::PracticeShown shown;
  shown.targets = practiceTargets_;
  shown.armed = practice_.armed();
  shown.drawing = practice_.drawing();
  shown.result = practice_.result() ? &*practice_.result() : nullptr;
  shown.practised = static_cast<int>(scores_.size());
  for (const auto& e : scores_) shown.best = std::max(shown.best, e.score);
  shown.lessonStepAvailable = playback_.has_value();
  return shown;
}

void Viewer::handleMouse(int framebufferWidth, int framebufferHeight) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return;
  const ImVec2 delta = io.MouseDelta;
  const glm::vec2 pointer(io.MousePos.x * io.DisplayFramebufferScale.x, io.MousePos.y * io.DisplayFramebufferScale.y);
  if (handlePracticeMouse(pointer, framebufferWidth, framebufferHeight)) return;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragMoved_ = false;
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kClickSlopPixels)) {
    dragMoved_ = true;
    lessonPanel_.cameraFollows = false;  // the view stays where the user puts it
    camera_.orbit(-delta.x * kOrbitRadiansPerPixel, -delta.y * kOrbitRadiansPerPixel);
  }
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 1.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 1.0f)) {
    lessonPanel_.cameraFollows = false;
    camera_.pan(delta.x * io.DisplayFramebufferScale.x, delta.y * io.DisplayFramebufferScale.y,
                static_cast<float>(framebufferHeight));
  }
  const glm::vec2 cursor(io.MousePos.x * io.DisplayFramebufferScale.x, io.MousePos.y * io.DisplayFramebufferScale.y);
  if (io.MouseWheel != 0.0f) {
    lessonPanel_.cameraFollows = false;
    const glm::vec2 ndc(2.0f * cursor.x / framebufferWidth - 1.0f, 1.0f - 2.0f * cursor.y / framebufferHeight);
    camera_.zoomToward(ndc, std::pow(kZoomPerWheelStep, io.MouseWheel), aspect());
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !dragMoved_ && scene_) {
    frame_.selectedTissue = renderer_.pickTissue(frame_, framebufferWidth, framebufferHeight,
                                                 static_cast<int>(cursor.x), static_cast<int>(cursor.y));
  }
}

void Viewer::setPresenting(bool on) {
  if (on == presenting_) return;
  context_.setFullscreen(on);
  presenting_ = on;
  labelsUpdatedAt_ = -1;
}

void Viewer::updateLabelAnchors(int width, int height) {
  // The id buffer says which tissue shows where; each label points at the pixel of its
  // tissue nearest that tissue's middle on screen.
  const render::TissueIdBuffer ids = renderer_.renderTissueIds(frame_, width, height);
  struct Spread {
    double x = 0, y = 0;
    long count = 0;
  };
  std::vector<Spread> spread(scene_->tissues.size());
  int left = width, right = 0;
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      if (const uint32_t id = ids.at(x, y)) {
        Spread& s = spread[id - 1];
        s.x += x, s.y += y, ++s.count;
        left = std::min(left, x), right = std::max(right, x);
      }
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(spread.size()); ++i)
    if (spread[i].count * 4 > width * height / 400) order.push_back(i);  // at least a quarter of a percent of the view
  std::sort(order.begin(), order.end(), [&](int a, int b) { return spread[a].count > spread[b].count; });
  order.resize(std::min<size_t>(order.size(), kMostLabels));
  const float toScreen = 1.0f / ImGui::GetIO().DisplayFramebufferScale.x;
  labelAnchors_.clear();
  for (int tissue : order) {
    const glm::vec2 middle(spread[tissue].x / spread[tissue].count, spread[tissue].y / spread[tissue].count);
    glm::vec2 best = middle;
    float bestDistance = 1e30f;
    for (int y = 0; y < height; y += 2)
      for (int x = 0; x < width; x += 2)
        if (ids.at(x, y) == static_cast<uint32_t>(tissue + 1)) {
          const float d = glm::length(glm::vec2(x, y) - middle);
          if (d < bestDistance) bestDistance = d, best = glm::vec2(x, y);
        }
    labelAnchors_.push_back({scene_->tissues[tissue].name, best * toScreen});
  }
  labelLeft_ = left * toScreen;
  labelRight_ = right * toScreen;
}

void Viewer::drawPresentation(int width, int height) {
  const ImGuiIO& io = ImGui::GetIO();
  const float scale = io.DisplaySize.y / 1080.0f * uiScale_;
  float captionTop = io.DisplaySize.y;
  if (presenting_ && !practising()) captionTop = captionTop_ = ui::drawLargeCaption(lessonShown(), imgui_->largeFont(), scale);
  if (labelsShown_ && scene_) {
    const double now = render::GlContext::seconds();
    if (labelsUpdatedAt_ < 0 || now - labelsUpdatedAt_ > kLabelRefreshSeconds) {
      updateLabelAnchors(width, height);
      labelsUpdatedAt_ = now;
    }
    ui::drawTissueLabels(labelAnchors_, imgui_->largeFont(), scale, labelLeft_, labelRight_, captionTop);
  }
  if (presenting_ && !io.WantCaptureMouse) ui::drawLaserPointer({io.MousePos.x, io.MousePos.y}, scale * 1.5f);
}

void Viewer::drawPanels() {
  ImGui::GetIO().FontGlobalScale = uiScale_;
  captionTop_ = ImGui::GetIO().DisplaySize.y;
  if (presenting_) return;
  if (ui::beginSidebar()) {
    if (ui::drawModelPanel(modelPanel_, scene_.get())) {
      loadRequested({modelPanel_.modelPath, modelPanel_.tissueMapPath, ui::kBuiltInLegs[modelPanel_.builtInLeg]});
    }
    applyLessonRequest(ui::drawLessonPanel(lessonPanel_, lessonShown()));
    ui::drawLayersPanel(frame_.layers);
    applyViewRequest(ui::drawViewPanel());
    ui::drawAboutPanel();
    if (leg_ && ImGui::CollapsingHeader("Why this direction")) {
      ImGui::Checkbox("Lymph flow on the skin", &guidesOn_.lymphFlow);
      ImGui::Checkbox("Lymph territories (teal: groin, violet: knee)", &guidesOn_.territories);
      ImGui::Checkbox("Fibres of the selected muscle", &guidesOn_.fibres);
      ImGui::Checkbox("Lymph vessels pulsing", &guidesOn_.lymphPulses);
      ImGui::Checkbox("Venous return on the veins", &guidesOn_.venousReturn);
    }
    ImGui::Checkbox("Labels (L)", &labelsShown_);
    ImGui::SameLine();
    if (ImGui::Button("Present (F5)")) setPresenting(true);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::SliderFloat("UI scale", &uiScale_, 0.75f, 2.5f, "%.2f");
  }
  ui::endSidebar();
  ui::drawInfoPanel(scene_.get(), frame_.selectedTissue);
  if (leg_) applyPracticeRequest(ui::drawPracticePanel(practicePanel_, practiceShown()));
  captionTop_ = !practising() && !quizState_.open ? ui::drawStepCaption(lessonShown()) : ImGui::GetIO().DisplaySize.y;
  const ui::QuizRequest quiz = ui::drawQuizPanel(quizState_, quiz_);
  if (quiz.start) startQuiz();
  if (quiz.next) {
    ++quizState_.index;
    quizState_.chosen = -1;
    showQuestion();
  }
}

int Viewer::run() {
  frame_.camera = &camera_;
  int quietFrames = 0;
  double lastFrame = render::GlContext::seconds();
  while (!context_.closeRequested()) {
    // A playing lesson animates every frame; otherwise an idle viewer sleeps until the user
    // acts, with a few frames after each input to let ImGui settle hover and focus.
    const bool animating = (playback_ && lessonPanel_.playing) || practising() || guidesOn_.any() ||
                           input_.mode() == ui::InputScript::Mode::Replay;
    if (quietFrames > kSettleFrames && !animating) context_.waitEvents(kIdleWakeSeconds);
    else context_.pollEvents();
    const double now = render::GlContext::seconds();
    advanceLesson(std::min(now - lastFrame, kLongestFrameStep));
    lastFrame = now;
    quietFrames = userActed() ? 0 : quietFrames + 1;
    int width = 0, height = 0;
    context_.framebufferSize(width, height);
    if (width <= 0 || height <= 0) {  // minimised: nothing to draw until restored
      context_.waitEvents();
      continue;
    }
    for (const std::string& path : std::exchange(droppedPaths_, {})) {
      if (fileExtension(path) == ".json") {
        modelPanel_.tissueMapPath = path;
      } else {
        modelPanel_.modelPath = path;
      }
      loadRequested({modelPanel_.modelPath, modelPanel_.tissueMapPath, {}});
    }
    imgui_->setContentScale(context_.contentScale());  // the window may have moved to another monitor
    imgui_->beginFrame([this] { input_.apply(frameNumber_); });
    for (std::string& path : input_.takeDropped()) droppedPaths_.push_back(std::move(path));  // loaded next frame
    if (input_.finished(frameNumber_)) context_.requestClose();
    ++frameNumber_;
    handleKeys();
    handleMouse(width, height);
    drawPanels();
    drawPresentation(width, height);
    drawRoomLabel(width, height);
    if (practising()) {
      overlays_ = practice_.overlays(render::GlContext::seconds());
    } else if (playback_) {
      overlays_ = teaching::overlaysAt(*playback_, lessonTime_);
      followLesson();
    }
    if (!practising() && !playback_) overlays_ = {};
    if (quizState_.open) {
      overlays_ = {};  // the quiz shows only the muscle it asks about
      if (quizState_.index < static_cast<int>(quiz_.size())) overlays_.workedTissue = quiz_[quizState_.index].tissue;
    }
    if (leg_ && guidesOn_.any() && !guides_)  // about a second, once
      guides_ = std::make_unique<teaching::DirectionGuides>(leg_->model());
    if (guides_ && guidesOn_.any()) guides_->addTo(overlays_, guidesOn_, render::GlContext::seconds(), frame_.selectedTissue);
    frame_.overlays = practising() || playback_ || guidesOn_.any() || quizState_.open ? &overlays_ : nullptr;
    renderer_.render(frame_, 0, width, height);
    imgui_->endFrame();
    context_.swapBuffers();
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
