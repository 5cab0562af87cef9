#include "simulation/lymph_collectors.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace legatlas::simulation {
namespace {

bool endsOutsideTheLeg(const std::string& territory) { return territory.find("inguinal") != std::string::npos; }

}  // namespace

LymphCollectors::LymphCollectors(std::vector<NodeGroup> groups, const std::vector<glm::vec3>& skin,
                                 const std::vector<int>& territoryOf, CollectorParameters parameters)
    : groups_(std::move(groups)), parameters_(parameters), open_(groups_.size(), 0.0) {
  const size_t territories = groups_.size();
  // Where each chain ends (its nodes' mean height) and how far down the limb it reaches.
  std::vector<float> nodeHeight(territories, -std::numeric_limits<float>::max());
  std::vector<float> lowest(territories, std::numeric_limits<float>::max());
  for (size_t v = 0; v < skin.size(); ++v) {
    const int t = territoryOf[v];
    if (t < 0) continue;
    lowest[t] = std::min(lowest[t], skin[v].y);
    nodeHeight[t] = std::max(nodeHeight[t], skin[v].y);  // without nodes, the chain's top
  }
  for (size_t t = 0; t < territories; ++t) {
    if (groups_[t].nodes.empty()) continue;
    float sum = 0;
    for (const glm::vec3& n : groups_[t].nodes) sum += n.y;
    nodeHeight[t] = sum / float(groups_[t].nodes.size());
  }
  const auto stretchAt = [&](size_t t, float y) {
    return static_cast<int>(std::floor(std::max(0.0f, nodeHeight[t] - y) / float(parameters_.stretchMetres)));
  };
  std::vector<int> base(territories, 0);
  for (size_t t = 0; t < territories; ++t) {
    base[t] = static_cast<int>(stretches_.size());
    const int count = lowest[t] <= nodeHeight[t] ? stretchAt(t, lowest[t]) + 1 : 1;
    for (int k = 0; k < count; ++k) stretches_.push_back({static_cast<int>(t), k == 0 ? -1 : base[t] + k - 1, k == 0});
  }
  // A chain that does not end outside the leg passes through its nodes into the first
  // inguinal chain, at the stretch level with its nodes.
  const auto inguinal = std::find_if(groups_.begin(), groups_.end(),
                                     [](const NodeGroup& g) { return endsOutsideTheLeg(g.territory); });
  for (size_t t = 0; t < territories; ++t) {
    if (endsOutsideTheLeg(groups_[t].territory) || inguinal == groups_.end()) continue;
    const size_t into = static_cast<size_t>(inguinal - groups_.begin());
    const int last = (into + 1 < territories ? base[into + 1] : static_cast<int>(stretches_.size())) - 1;
    stretches_[base[t]].next = std::min(base[into] + stretchAt(into, nodeHeight[t]), last);
  }
  stretchOfVertex_.assign(skin.size(), -1);
  for (size_t v = 0; v < skin.size(); ++v) {
    const int t = territoryOf[v];
    if (t >= 0) stretchOfVertex_[v] = base[t] + stretchAt(static_cast<size_t>(t), skin[v].y);
  }
}

double LymphCollectors::room(int stretch) const {
  return std::clamp(1.0 - stretches_[stretch].ml / parameters_.capacity, 0.0, 1.0);
}

void LymphCollectors::fill(double share) {
  for (Stretch& s : stretches_) s.ml = parameters_.capacity * std::clamp(share, 0.0, 1.0);
}

double LymphCollectors::held() const {
  return std::accumulate(stretches_.begin(), stretches_.end(), 0.0,
                         [](double sum, const Stretch& s) { return sum + s.ml; });
}

void LymphCollectors::flow(double seconds, const std::vector<double>& pumped, const std::vector<double>& atNodes) {
  if (seconds <= 0) return;
  // Nodes open under work over them and close slowly after: relax toward the balance of
  // the two at the exact rate, so that any step length gives the same course.
  for (size_t t = 0; t < open_.size(); ++t) {
    const double a = parameters_.opening * atNodes[t], b = parameters_.closing;
    const double balance = a / (a + b);
    open_[t] = balance + (open_[t] - balance) * std::exp(-(a + b) * seconds);
  }
  // Nearest the nodes first, so that room made there is used further down in the same step.
  for (size_t s = 0; s < stretches_.size(); ++s) {
    Stretch& from = stretches_[s];
    const double rate =
        from.first ? parameters_.closedNodes + (parameters_.openNodes - parameters_.closedNodes) * open_[from.territory]
                   : parameters_.restingFlow + parameters_.strokedFlow * pumped[s];
    double out = from.ml * (1.0 - std::exp(-rate * seconds));
    if (from.next >= 0) {
      out *= room(from.next);
      stretches_[from.next].ml += out;
    } else {
      leftTheLeg_ += out;
    }
    from.ml -= out;
  }
}

}  // namespace legatlas::simulation
