#include "ui/practice_mode.h"

#include <imgui.h>

#include <algorithm>
#include <glm/matrix.hpp>

#include "technique/catalogue.h"

namespace legatlas::ui {

PracticeMode::PracticeMode() { scores_ = book_.load(panel_.notice); }

bool PracticeMode::practising() const {
  return session_.armed() || session_.drawing() || session_.result().has_value();
}

void PracticeMode::setLeg(const Stage& stage) {
  session_ = {};
  targets_.clear();
  leg_ = stage.leg;
  if (!leg_) return;
  for (const scene::Tissue& t : leg_->scene().tissues) {
    const bool muscular = t.layer == anatomy::Layer::SuperficialMuscle || t.layer == anatomy::Layer::DeepMuscle ||
                          t.layer == anatomy::Layer::Tendon;
    if (muscular) targets_.push_back({t.id, t.name, true});
  }
  for (const anatomy::Region& r : leg_->description().regions)
    if (r.kind == "region") targets_.push_back({r.id, r.name, false});
}

void PracticeMode::chooseFrom(const technique::LessonStep& step) {
  const auto techniques = technique::catalogue();
  for (int i = 0; i < static_cast<int>(techniques.size()); ++i)
    if (&techniques[i] == step.technique) panel_.technique = i;
  for (int i = 0; i < static_cast<int>(targets_.size()); ++i)
    if (targets_[i].id == step.target.ids.front()) panel_.target = i;
}

std::optional<technique::SkinPoint> PracticeMode::skinUnderCursor(const Stage& stage, const glm::vec2& cursor) const {
  if (!leg_ || stage.width <= 0 || stage.height <= 0) return std::nullopt;
  const scene::Camera& camera = *stage.camera;
  const glm::mat4 inverse = glm::inverse(camera.projection(stage.aspect()) * camera.view());
  const glm::vec2 ndc(2.0f * cursor.x / stage.width - 1.0f, 1.0f - 2.0f * cursor.y / stage.height);
  const glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f), farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
  const glm::vec3 from = glm::vec3(nearPoint) / nearPoint.w, to = glm::vec3(farPoint) / farPoint.w;
  return leg_->model().skinAlongRay(from, to - from);
}

bool PracticeMode::handleMouse(const Stage& stage, const glm::vec2& cursor) {
  if (!session_.armed() && !session_.drawing()) return false;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) session_.press(stage.now, skinUnderCursor(stage, cursor));
  else if (session_.drawing() && ImGui::IsMouseDown(ImGuiMouseButton_Left))
    session_.move(stage.now, skinUnderCursor(stage, cursor));
  const bool finishing = session_.drawing() && ImGui::IsMouseReleased(ImGuiMouseButton_Left);
  if (finishing && leg_) {
    try {
      session_.release(leg_->model());
    } catch (const std::exception& e) {
      panel_.notice = e.what();
      session_.disarm();
    }
    if (session_.result()) keepScore();
  }
  return finishing || session_.drawing() || session_.armed();
}

void PracticeMode::keepScore() {
  const technique::ScoreEntry entry{technique::nowIso8601(), std::string(session_.technique()->id), session_.target(),
                                    session_.result()->score};
  try {
    book_.add(entry, panel_.notice);
    scores_ = book_.load(panel_.notice);
  } catch (const std::exception& e) {
    panel_.notice = std::string("The score could not be saved: ") + e.what();
  }
}

PracticeRequest PracticeMode::drawPanel(bool lessonStepAvailable) {
  PracticeShown shown;
  shown.targets = targets_;
  shown.armed = session_.armed();
  shown.drawing = session_.drawing();
  shown.result = session_.result() ? &*session_.result() : nullptr;
  shown.practised = static_cast<int>(scores_.size());
  for (const auto& e : scores_) shown.best = std::max(shown.best, e.score);
  shown.lessonStepAvailable = lessonStepAvailable;
  return drawPracticePanel(panel_, shown);
}

void PracticeMode::apply(const PracticeRequest& request, double now) {
  if (request.cancel) session_.disarm();
  if (request.draw && !targets_.empty()) {
    session_.clear();
    session_.arm(&technique::catalogue()[panel_.technique], targets_[panel_.target].id);
  }
  if (request.replay) session_.replayCorrect(now);
}

}  // namespace legatlas::ui
