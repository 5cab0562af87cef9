#include "simulation/edema_model.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <numeric>

namespace legatlas::simulation {
namespace {

// Under the hand the effect fades from the contact's middle to its rim.
double underHand(const HandContact& hand, const glm::vec3& p) {
  const double d = glm::distance(hand.position, p) / std::max(hand.radius, 1e-4f);
  return d >= 1.0 ? 0.0 : 1.0 - d * d;
}

}  // namespace

double uptakeAtPressure(technique::Pressure pressure) {
  switch (pressure) {
    case technique::Pressure::VeryLight: return 1.0;
    case technique::Pressure::Light: return 0.8;
    case technique::Pressure::Moderate: return 0.45;
    case technique::Pressure::Firm: return 0.15;
    case technique::Pressure::Deep: return 0.05;
  }
  return 1.0;
}

EdemaModel::EdemaModel(SkinGraph skin, const technique::LymphFlowField& flow, EdemaParameters parameters)
    : fluid_(std::move(skin)), parameters_(parameters), collectors_(flow.territories().size(), 0.0) {
  const SkinGraph& g = fluid_.skin();
  territory_.resize(g.size(), -1);
  flowAt_.resize(g.size(), glm::vec3(0.0f));
  for (size_t i = 0; i < g.size(); ++i) {
    territory_[i] = flow.territoryAt(g.positions[i]);
    flowAt_[i] = flow.at(g.positions[i], g.normals[i]);
  }
  for (size_t t = 0; t < flow.territories().size(); ++t) {
    const std::string& name = flow.territories()[t];
    if (name.find("inguinal") != std::string::npos && inguinal_ < 0) inguinal_ = static_cast<int>(t);
  }
}

double EdemaModel::accounted() const {
  return fluid_.held() + fluid_.drained() + std::accumulate(collectors_.begin(), collectors_.end(), 0.0) + atNodes_;
}

void EdemaModel::advance(double seconds, const HandContact* hand) {
  if (seconds <= 0) return;
  if (hand && hand->metres > 0) carry(*hand);
  takeUp(seconds, hand);
  emptyCollectors(seconds);
  fluid_.spread(seconds, parameters_.diffusivity);
  fluid_.drainNaturally(seconds, parameters_.naturalDrainage);
}

// The skin stretched under a travelling hand carries the fluid beneath it the way the
// hand goes: each vertex under the hand passes a share of its fluid to the neighbours
// that lie ahead of it.
void EdemaModel::carry(const HandContact& hand) {
  const SkinGraph& g = fluid_.skin();
  const glm::vec3 way = glm::length(hand.direction) > 0 ? glm::normalize(hand.direction) : glm::vec3(0.0f);
  if (way == glm::vec3(0.0f)) return;
  const double share = std::min(0.9, parameters_.carried * hand.metres / std::max(hand.radius, 1e-4f));
  for (size_t i = 0; i < g.size(); ++i) {
    const double weight = underHand(hand, g.positions[i]);
    if (weight <= 0) continue;
    double ahead = 0;
    for (uint32_t k = g.first[i]; k < g.first[i + 1]; ++k)
      ahead += std::max(0.0f, glm::dot(g.positions[g.neighbour[k]] - g.positions[i], way));
    if (ahead <= 0) continue;
    const double moving = fluid_.take(i, fluid_.excess()[i] * share * weight);
    for (uint32_t k = g.first[i]; k < g.first[i + 1]; ++k) {
      const double along = std::max(0.0f, glm::dot(g.positions[g.neighbour[k]] - g.positions[i], way));
      if (along > 0) fluid_.add(g.neighbour[k], moving * along / ahead);
    }
  }
}

// The initial lymphatics take fluid in, at rest slowly and under a light hand much
// faster, as far as their territory's collectors have room.
void EdemaModel::takeUp(double seconds, const HandContact* hand) {
  const SkinGraph& g = fluid_.skin();
  const double opened = hand ? parameters_.strokedUptake * uptakeAtPressure(hand->pressure) : 0.0;
  for (size_t i = 0; i < g.size(); ++i) {
    const int t = territory_[i];
    if (t < 0 || fluid_.excess()[i] <= 0) continue;
    const double room = std::max(0.0, 1.0 - collectors_[t] / parameters_.collectorCapacity);
    const double rate = (parameters_.restingUptake + (hand ? opened * underHand(*hand, g.positions[i]) : 0.0)) * room;
    const double taken = fluid_.take(i, fluid_.excess()[i] * (1.0 - std::exp(-rate * seconds)));
    collectors_[t] += taken;
    takenUp_ += taken;
  }
}

// Collectors carry their lymph to their nodes; the knee's drain on into the groin's
// (through the deep vessels), so a full groin holds back the knee's too.
void EdemaModel::emptyCollectors(double seconds) {
  const double leaving = 1.0 - std::exp(-parameters_.collectorOutflow * seconds);
  for (size_t t = 0; t < collectors_.size(); ++t) {
    double out = collectors_[t] * leaving;
    if (static_cast<int>(t) != inguinal_ && inguinal_ >= 0) {
      out *= std::max(0.0, 1.0 - collectors_[inguinal_] / parameters_.collectorCapacity);
      collectors_[t] -= out;
      collectors_[inguinal_] += out;
    } else {
      collectors_[t] -= out;
      atNodes_ += out;
    }
  }
}

}  // namespace legatlas::simulation
