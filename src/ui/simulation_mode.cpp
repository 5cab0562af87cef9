#include "ui/simulation_mode.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/text.h"
#include "ui/fluid_plot.h"

namespace legatlas::ui {
namespace {

// A drawn practice stroke is a few seconds long; each second of it counts as a minute of
// work on the swelling, about what the lessons' steps compress their minutes by.
constexpr double kPracticeSessionSecondsPerSecond = 60.0;
constexpr double kMeasureEverySeconds = 0.5;

bool aboutSwelling(const technique::Lesson& lesson) {
  const std::string text = toLower(lesson.condition + " " + lesson.title);
  for (const char* word : {"edema", "oedema", "swelling", "lymph"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

SimulationMode::SimulationMode() {
  try {
    conditions_ = teaching::builtInConditions();
  } catch (const std::exception& e) {
    conditionsError_ = e.what();
  }
  for (size_t i = 0; i < conditions_.size(); ++i)
    if (conditions_[i].id == teaching::kDefaultCondition) condition_ = int(i);
}

void SimulationMode::setLeg(const Stage& stage) {
  leg_ = stage.leg;
  session_.reset();
  view_.reset();
  if (on_) start();
}

void SimulationMode::start() {
  session_.reset();
  view_.reset();
  strokes_.reset();
  followed_.clear();
  if (!leg_ || conditions_.empty()) return;
  try {
    session_ = std::make_unique<teaching::EdemaSession>(leg_->model(), conditions_[size_t(condition_)]);
    view_ = std::make_unique<teaching::SwellingView>(leg_->scene(), session_->model().fluid().skin());
    conditionsError_.clear();
  } catch (const std::exception& e) {
    session_.reset();
    conditionsError_ = e.what();
    return;
  }
  changed();
}

void SimulationMode::reset() {
  if (!session_) return;
  session_->reset();
  playedTo_ = 0;
  changed();
}

void SimulationMode::changed() {
  if (view_) view_->update(session_->model().fluid(), swelling_);
  measureDue_ = true;
}

void SimulationMode::lessonOpened(const technique::Lesson& lesson) {
  if (aboutSwelling(lesson) && !on_) {
    on_ = true;
    if (!session_) start();
  }
}

void SimulationMode::followLesson(const teaching::LessonPlayback* playback, float time) {
  if (!on() || !playback) return;
  const std::string id = playback->lesson.file + "#" + std::to_string(playback->strokes.size());
  if (id != followed_) {
    strokes_ = std::make_unique<simulation::StrokesOnTissue>(
        playback->strokes, simulation::sessionScale(playback->lesson, playback->strokes));
    lessonMinutes_ = strokes_->sessionSeconds(0.0f, strokes_->end()) / 60.0;
    followed_ = id;
    reset();
  }
  if (time < playedTo_ - 1e-4f) reset();  // played again from earlier: the swelling as it was then
  if (time <= playedTo_) return;
  session_->play(*strokes_, playedTo_, time);
  playedTo_ = time;
  changed();
}

void SimulationMode::followPractice(const teaching::PracticeSession& practice) {
  const std::vector<technique::StrokeSample>& drawn = practice.drawn();
  if (drawn.size() < practiceSamples_) practiceSamples_ = 0;  // a new stroke
  if (!on() || !practice.technique() || drawn.size() <= std::max<size_t>(practiceSamples_, 1)) {
    practiceSamples_ = drawn.size();
    return;
  }
  for (size_t i = std::max<size_t>(practiceSamples_, 1); i < drawn.size(); ++i) {
    simulation::HandContact hand;
    hand.position = drawn[i].position;
    hand.direction = drawn[i].position - drawn[i - 1].position;
    hand.metres = glm::length(hand.direction);
    hand.radius = practice.technique()->contactRadius;
    hand.pressure = practice.technique()->pressure;
    session_->touch(&hand, double(drawn[i].time - drawn[i - 1].time) * kPracticeSessionSecondsPerSecond);
  }
  practiceSamples_ = drawn.size();
  changed();
}

void SimulationMode::measure(double now) {
  if (!session_ || !measureDue_ || now - measuredAt_ < kMeasureEverySeconds) return;
  tape_ = session_->tape();
  tapeExcessMl_ = session_->tapeExcessMl(tape_);
  measuredAt_ = now;
  measureDue_ = false;
}

void SimulationMode::drawPlot(float width, float height) const {
  drawFluidPlot(session_->history(), session_->startMl(), lessonMinutes_, width, height);
}

void SimulationMode::drawPanel(double now) {
  if (!ImGui::CollapsingHeader("Edema simulation")) return;
  if (ImGui::Checkbox("Simulate a swelling", &on_) && on_ && !session_) start();
  if (!conditions_.empty() && ImGui::BeginCombo("Condition", conditions_[size_t(condition_)].name.c_str())) {
    for (size_t i = 0; i < conditions_.size(); ++i)
      if (ImGui::Selectable(conditions_[i].name.c_str(), int(i) == condition_) && int(i) != condition_) {
        condition_ = int(i);
        if (on_) start();
      }
    ImGui::EndCombo();
  }
  if (!conditionsError_.empty()) ImGui::TextWrapped("%s", conditionsError_.c_str());
  if (!on()) return;
  ImGui::TextWrapped("%s", conditions_[size_t(condition_)].about.c_str());
  if (ImGui::Checkbox("Show the fluid in colour", &swelling_.showFluid)) changed();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset();
  const double left = session_->model().fluid().held(), start = session_->startMl();
  ImGui::Text("Excess fluid in the tissue: %.0f of %.0f ml (%.0f %% removed)", left, start,
              start > 0 ? 100.0 * (1.0 - left / start) : 0.0);
  drawPlot(0.0f, 110.0f * ImGui::GetIO().FontGlobalScale);
  measure(now);
  ImGui::Text("Tape: %.0f ml over the unswollen leg", tapeExcessMl_);
  if (ImGui::BeginTable("tape", 2, ImGuiTableFlags_SizingFixedFit)) {
    for (size_t k = 0; k < tape_.size(); k += 2) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%2.0f cm above the ankle", tape_[k].aboveAnkle * 100.0);
      ImGui::TableNextColumn();
      ImGui::Text("%5.1f cm", tape_[k].circumference * 100.0);
    }
    ImGui::EndTable();
  }
}

void SimulationMode::drawLargePlot(ImFont* font, float uiScale) {
  if (!on()) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float width = io.DisplaySize.x * 0.36f, height = io.DisplaySize.y * 0.3f;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 16.0f, 16.0f), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.72f);
  ImGui::Begin("##swelling", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_AlwaysAutoResize);
  // The title in the large font, to be read across a classroom; the axes in the panels' font.
  if (font) ImGui::PushFont(font);
  ImGui::SetWindowFontScale(uiScale * 0.5f);
  const double left = session_->model().fluid().held(), start = session_->startMl();
  ImGui::Text("Excess fluid %.0f ml: %.0f %% drained", left, start > 0 ? 100.0 * (1.0 - left / start) : 0.0);
  if (font) ImGui::PopFont();
  ImGui::SetWindowFontScale(uiScale);
  drawPlot(width, height);
  ImGui::Text("%s; session minutes along the bottom (now %.0f)", conditions_[size_t(condition_)].name.c_str(),
              session_->model().seconds() / 60.0);
  ImGui::End();
}

}  // namespace legatlas::ui
