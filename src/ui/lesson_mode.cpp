#include "ui/lesson_mode.h"

#include <imgui.h>

#include <algorithm>
#include <iostream>

#include "core/text.h"
#include "teaching/lesson_library.h"
#include "technique/animator.h"
#include "ui/keys.h"

namespace legatlas::ui {

LessonMode::LessonMode() {
  for (const std::string& file : teaching::builtInLessonFiles()) {
    try {
      const technique::Lesson lesson = technique::loadLesson(file);
      panel_.builtIn.push_back({lesson.id, lesson.title, lesson.condition});
    } catch (const std::exception& e) {
      panel_.error = e.what();  // a broken lesson file stays out of the list
    }
  }
  std::sort(panel_.builtIn.begin(), panel_.builtIn.end(),
            [](const auto& a, const auto& b) { return a.condition < b.condition; });
}

const technique::LessonStep* LessonMode::step() const {
  return playback_ ? &playback_->lesson.steps[playback_->stepAt(time_)] : nullptr;
}

void LessonMode::setLeg(const Stage& stage) {
  const std::optional<std::string> playing = playback_ ? std::optional(playback_->lesson.file) : std::nullopt;
  playback_.reset();
  room_.reset();
  roomPosition_.reset();
  stage.frame->surroundings = nullptr;
  leg_ = stage.leg;
  scene_ = stage.scene;
  if (!leg_) return;
  room_ = teaching::openTreatmentRoom(leg_->scene());
  if (playing) open(*playing);  // strokes are planned again on the new leg
}

bool LessonMode::open(const std::string& nameOrFile) {
  if (!leg_) {
    if (panel_.error.empty()) panel_.error = "Load a leg with skin to play lessons on it.";
    return false;
  }
  try {
    playback_ = teaching::planPlayback(nameOrFile, leg_->model());
    time_ = 0;
    aimedStep_ = -1;
    panel_.error.clear();
    return true;
  } catch (const std::exception& e) {
    panel_.error = e.what();  // the lesson that was playing goes on
    std::cerr << "error: " << e.what() << '\n';
    return false;
  }
}

bool LessonMode::apply(const LessonRequest& request) {
  const bool opened = request.open && open(*request.open);
  if (!playback_) return opened;
  if (request.restart || request.stepDelta != 0) {
    panel_.cameraFollows = true;
    aimedStep_ = -1;
  }
  if (request.restart) time_ = 0;
  if (request.seek) time_ = std::clamp(*request.seek, 0.0f, playback_->duration());
  if (request.stepDelta != 0) {
    const int steps = static_cast<int>(playback_->lesson.steps.size());
    const int step = std::clamp(playback_->stepAt(time_) + request.stepDelta, 0, steps - 1);
    time_ = playback_->stepStart(step);
  }
  return opened;
}

bool LessonMode::advance(double seconds) {
  if (!playing()) return false;
  time_ += static_cast<float>(seconds) * panel_.speed;
  if (time_ >= playback_->duration()) {
    time_ = playback_->duration();
    panel_.playing = false;
  }
  return true;
}

void LessonMode::handleKeys() {
  LessonRequest request;
  if (pressed(Key::Space)) panel_.playing = !panel_.playing;
  if (pressed(Key::T)) panel_.onTable = !panel_.onTable;
  if (pressed(Key::Right)) request.stepDelta = 1;
  if (pressed(Key::Left)) request.stepDelta = -1;
  request.restart = pressed(Key::Home);
  apply(request);
}

void LessonMode::follow(Stage& stage) {
  if (!playback_) return;
  const int step = playback_->stepAt(time_);
  updateRoom(stage, step);
  if (!panel_.cameraFollows || step == aimedStep_) return;
  stage.frame->surroundings = teaching::showStep(*stage.camera, *playback_, step, stage.aspect(), std::nullopt,
                                                 roomPosition_ ? room_.get() : nullptr, stage.scene->bounds());
  aimedStep_ = step;
}

void LessonMode::updateRoom(Stage& stage, int step) {
  std::optional<technique::ClientPosition> position;
  if (panel_.onTable && room_)
    position = teaching::stepPosition(*playback_, step).value_or(technique::ClientPosition::Supine);
  if (position == roomPosition_) return;
  // The client turns over (or gets up): the camera goes with them.
  roomPosition_ = position;
  stage.frame->surroundings = position ? &room_->surroundings(*position) : nullptr;
  stage.camera->setVertical(position ? room_->up(*position) : glm::vec3(0, 1, 0));
  panel_.cameraFollows = true;
  aimedStep_ = -1;
}

scene::Overlays LessonMode::overlays() const {
  return playback_ ? teaching::overlaysAt(*playback_, time_, teaching::handOpacity(panel_.translucentHands))
                   : scene::Overlays{};
}

LessonShown LessonMode::shown() const {
  LessonShown shown;
  if (!playback_) return shown;
  shown.lesson = &playback_->lesson;
  shown.time = time_;
  shown.duration = playback_->duration();
  shown.step = playback_->stepAt(time_);
  const technique::ContactPoint contact = technique::contactAt(playback_->strokes, time_);
  if (contact.stroke >= 0 && leg_) {
    const technique::Stroke& s = playback_->strokes[contact.stroke];
    const anatomy::Region* region = s.region.empty() ? nullptr : leg_->model().findRegion(s.region);
    if (region) shown.workedOn = lowerFirst(region->name);
    else if (s.tissue >= 0) shown.workedOn = leg_->scene().tissues[s.tissue].name;
  }
  return shown;
}

bool LessonMode::drawPanel() { return apply(drawLessonPanel(panel_, shown())); }

void LessonMode::drawRoomLabel(const Stage& stage, float captionTop) const {
  const render::FrameInputs& frame = *stage.frame;
  if (!frame.surroundings || frame.surroundings->arrows.empty()) return;
  const scene::DirectionArrow& arrow = frame.surroundings->arrows.front();
  const glm::vec3 middle = arrow.tip - arrow.direction * (arrow.length * 0.5f);
  const glm::vec4 clip = stage.camera->projection(stage.aspect()) * stage.camera->view() * glm::vec4(middle, 1.0f);
  if (clip.w <= 0) return;
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  if (std::abs(ndc.x) > 1 || std::abs(ndc.y) > 1) return;
  const float toScreen = 1.0f / ImGui::GetIO().DisplayFramebufferScale.x;
  const ImVec2 at((ndc.x * 0.5f + 0.5f) * stage.width * toScreen, (0.5f - ndc.y * 0.5f) * stage.height * toScreen);
  const char* text = "toward the heart";
  const ImVec2 size = ImGui::CalcTextSize(text);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  // Below the arrow, but never under the step's caption: just above it then.
  const ImVec2 from(at.x - size.x * 0.5f, std::min(at.y + size.y * 0.6f, captionTop - size.y - 6.0f));
  draw->AddRectFilled(ImVec2(from.x - 4, from.y - 2), ImVec2(from.x + size.x + 4, from.y + size.y + 2),
                      IM_COL32(20, 20, 24, 170), 4.0f);
  draw->AddText(from, IM_COL32(240, 120, 125, 255), text);
}

}  // namespace legatlas::ui
