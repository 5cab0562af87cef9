#include "teaching/edema_session.h"

#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "core/text.h"
#include "teaching/leg_source.h"

namespace legatlas::teaching {
namespace {

constexpr double kRecordEverySeconds = 30.0;  // of session time, for the plot
constexpr float kTapeMargin = 0.08f;           // metres kept from the skin's ends without landmarks

}  // namespace

std::vector<simulation::Condition> builtInConditions() {
  return simulation::readConditions(assetPath("simulation/conditions.yaml"));
}

simulation::Condition findCondition(const std::string& idOrFile) {
  std::error_code ec;
  if (idOrFile.find('/') != std::string::npos || std::filesystem::is_regular_file(idOrFile, ec))
    return simulation::readConditions(idOrFile).front();
  const std::vector<simulation::Condition> conditions = builtInConditions();
  std::vector<std::string> ids;
  for (const simulation::Condition& c : conditions) {
    if (c.id == idOrFile) return c;
    ids.push_back(c.id);
  }
  const std::string near = nearestName(idOrFile, ids);
  throw InputError(idOrFile, "", "is neither a built-in condition nor a conditions file",
                   near.empty() ? "the built-in conditions are " + joinAsChoices(ids) : "did you mean '" + near + "'?");
}

std::vector<simulation::NodeGroup> nodeGroups(const technique::LegModel& leg) {
  std::vector<simulation::NodeGroup> groups;
  for (const std::string& territory : leg.lymphFlow().territories())
    groups.push_back({territory, leg.nodeGroup(territory)});
  return groups;
}

EdemaSession::EdemaSession(const technique::LegModel& leg, simulation::Condition condition)
    : leg_(leg), condition_(std::move(condition)) {
  model_ = std::make_unique<simulation::EdemaModel>(simulation::skinGraph(leg.scene()), leg.lymphFlow(), nodeGroups(leg));
  start_ = simulation::startingSwelling(condition_, leg, model_->fluid().skin());
  // The tape runs from the ankle bones to the fold of the buttock, where the leg has them.
  const simulation::SkinGraph& skin = model_->fluid().skin();
  float lowest = skin.positions.front().y, highest = lowest;
  for (const glm::vec3& p : skin.positions) {
    lowest = std::min(lowest, p.y);
    highest = std::max(highest, p.y);
  }
  const auto medial = leg.namedPoint("medial_malleolus"), lateral = leg.namedPoint("lateral_malleolus");
  const auto fold = leg.namedPoint("gluteal_fold");
  ankle_ = medial && lateral ? std::max(medial->y, lateral->y) : lowest + kTapeMargin;
  top_ = fold ? fold->y : highest - kTapeMargin;
  unswollenTapeMl_ = simulation::frustumVolumeMl(simulation::measureWithTape(skin, skin.positions, ankle_, top_));
  reset();
}

void EdemaSession::reset() {
  model_ = std::make_unique<simulation::EdemaModel>(model_->fluid().skin(), leg_.lymphFlow(), nodeGroups(leg_));
  model_->fluid().setExcess(start_, condition_.file);
  model_->collectors().fill(condition_.collectorsFull);
  startMl_ = model_->fluid().held();
  accountedAtStart_ = model_->accounted();
  history_.clear();
  history_.push_back({0.0, startMl_});
}

void EdemaSession::record() {
  const double minutes = model_->seconds() / 60.0;
  if (minutes - history_.back().sessionMinutes >= kRecordEverySeconds / 60.0)
    history_.push_back({minutes, model_->fluid().held()});
}

void EdemaSession::play(const simulation::StrokesOnTissue& strokes, float from, float to) {
  for (float a = from; a < to;) {
    const float b = std::min(to, a + 0.1f);
    strokes.play(*model_, a, b);
    record();
    a = b;
  }
}

void EdemaSession::touch(const simulation::HandContact* hand, double sessionSeconds) {
  model_->advance(sessionSeconds, hand);
  record();
}

std::vector<simulation::TapeMark> EdemaSession::tape() const {
  return simulation::measureWithTape(model_->fluid().skin(), simulation::swollenSkin(model_->fluid()), ankle_, top_);
}

double EdemaSession::tapeExcessMl(const std::vector<simulation::TapeMark>& tape) const {
  return simulation::frustumVolumeMl(tape) - unswollenTapeMl_;
}

}  // namespace legatlas::teaching
