#include "simulation/edema_model.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <numeric>

namespace legatlas::simulation {
namespace {

// An effect reaching `radius` from the hand fades from the middle to the rim.
double fading(const HandContact& hand, const glm::vec3& p, double radius) {
  const double d = glm::distance(hand.position, p) / std::max(radius, 1e-4);
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

EdemaModel::EdemaModel(SkinGraph skin, const technique::LymphFlowField& flow, std::vector<NodeGroup> nodes,
                       EdemaParameters parameters)
    : fluid_(std::move(skin)),
      parameters_(parameters),
      collectors_([&] {
        const SkinGraph& g = fluid_.skin();
        std::vector<int> territory(g.size(), -1);
        for (size_t i = 0; i < g.size(); ++i) territory[i] = flow.territoryAt(g.positions[i]);
        return LymphCollectors(std::move(nodes), g.positions, territory, parameters.collectors);
      }()) {
  const SkinGraph& g = fluid_.skin();
  flowAt_.resize(g.size(), glm::vec3(0.0f));
  for (size_t i = 0; i < g.size(); ++i) flowAt_[i] = flow.at(g.positions[i], g.normals[i]);
}

double EdemaModel::accounted() const {
  return fluid_.held() + fluid_.drained() + collectors_.held() + collectors_.leftTheLeg();
}

void EdemaModel::advance(double seconds, const HandContact* hand) {
  if (seconds <= 0) return;
  const std::vector<Touch> touch = hand ? touched(*hand) : std::vector<Touch>{};
  if (hand && hand->metres > 0) carry(*hand, touch);
  takeUp(seconds, hand, touch);
  pump(seconds, hand, touch);
  // Spreading is slow: solved in steps of one length, so its factorisation is reused.
  unspread_ += seconds;
  while (unspread_ >= parameters_.spreadEvery) {
    fluid_.spread(parameters_.spreadEvery, parameters_.diffusivity);
    unspread_ -= parameters_.spreadEvery;
  }
  fluid_.drainNaturally(seconds, parameters_.naturalDrainage);
  seconds_ += seconds;
}

// The skin under the hand, and how well the hand's travel there runs with the lymph:
// a stretch along the flow moves lymph on through the valves; against it, the valves
// close and the stretch moves nothing on; across it, little (the cosine squared, so that
// a stroke 45° off the flow does half). A hand that does not travel stretches nothing.
std::vector<EdemaModel::Touch> EdemaModel::touched(const HandContact& hand) const {
  const SkinGraph& g = fluid_.skin();
  const float length = glm::length(hand.direction);
  const bool travelling = length > 0 && hand.metres > 0;
  const glm::vec3 way = travelling ? hand.direction / length : glm::vec3(0.0f);
  std::vector<Touch> touch;
  for (size_t i = 0; i < g.size(); ++i) {
    const double stretched = fading(hand, g.positions[i], hand.radius * parameters_.stretchReach);
    if (stretched <= 0) continue;
    const double cosine = std::max(0.0f, glm::dot(way, flowAt_[i]));
    const double along = travelling ? cosine * cosine : 0.0;
    touch.push_back({static_cast<uint32_t>(i), fading(hand, g.positions[i], hand.radius), stretched, along});
  }
  return touch;
}

// The skin stretched under a travelling hand carries the fluid beneath it the way the
// hand goes: each vertex under the hand passes a share of its fluid to the neighbours
// that lie ahead of it.
void EdemaModel::carry(const HandContact& hand, const std::vector<Touch>& touch) {
  const SkinGraph& g = fluid_.skin();
  if (glm::length(hand.direction) <= 0) return;
  const glm::vec3 way = glm::normalize(hand.direction);
  const double share = std::min(0.9, parameters_.carried * hand.metres / std::max(hand.radius, 1e-4f));
  for (const Touch& t : touch) {
    const uint32_t i = t.vertex;
    if (t.weight <= 0) continue;
    double ahead = 0;
    for (uint32_t k = g.first[i]; k < g.first[i + 1]; ++k)
      ahead += std::max(0.0f, glm::dot(g.positions[g.neighbour[k]] - g.positions[i], way));
    if (ahead <= 0) continue;
    const double moving = fluid_.take(i, fluid_.excess()[i] * share * t.weight);
    for (uint32_t k = g.first[i]; k < g.first[i + 1]; ++k) {
      const double along = std::max(0.0f, glm::dot(g.positions[g.neighbour[k]] - g.positions[i], way));
      if (along > 0) fluid_.add(g.neighbour[k], moving * along / ahead);
    }
  }
}

// The initial lymphatics take fluid in, at rest slowly and under a light hand stretching
// the skin along the flow much faster, as far as their stretch of collectors has room.
void EdemaModel::takeUp(double seconds, const HandContact* hand, const std::vector<Touch>& touch) {
  const SkinGraph& g = fluid_.skin();
  std::vector<double> opened(g.size(), 0.0);
  if (hand)
    for (const Touch& t : touch)
      opened[t.vertex] = parameters_.strokedUptake * uptakeAtPressure(hand->pressure) * t.stretched * t.along;
  for (size_t i = 0; i < g.size(); ++i) {
    const int stretch = collectors_.stretchOf(i);
    if (stretch < 0 || fluid_.excess()[i] <= 0) continue;
    const double rate = (parameters_.restingUptake + opened[i]) * collectors_.room(stretch);
    const double taken = fluid_.take(i, fluid_.excess()[i] * (1.0 - std::exp(-rate * seconds)));
    collectors_.receive(stretch, taken);
    takenUp_ += taken;
  }
}

// A light hand along the flow makes the collectors beneath it pump faster, and over a
// territory's nodes opens them.
void EdemaModel::pump(double seconds, const HandContact* hand, const std::vector<Touch>& touch) {
  std::vector<double> pumped(collectors_.stretchCount(), 0.0), atNodes(collectors_.groups().size(), 0.0);
  double total = 0;
  for (const Touch& t : touch) total += t.stretched * fluid_.skin().areas[t.vertex];
  if (hand && total > 0) {
    const double pressure = uptakeAtPressure(hand->pressure);
    for (const Touch& t : touch) {
      const double share = t.stretched * fluid_.skin().areas[t.vertex] / total * t.along * pressure;
      const int stretch = collectors_.stretchOf(t.vertex);
      if (stretch >= 0) pumped[stretch] += share;
      const glm::vec3& p = fluid_.skin().positions[t.vertex];
      for (size_t n = 0; n < collectors_.groups().size(); ++n) {
        const auto& nodes = collectors_.groups()[n].nodes;
        if (std::any_of(nodes.begin(), nodes.end(),
                        [&](const glm::vec3& node) { return glm::distance(node, p) < parameters_.nodeReach; }))
          atNodes[n] += share;
      }
    }
  }
  collectors_.flow(seconds, pumped, atNodes);
}

}  // namespace legatlas::simulation
