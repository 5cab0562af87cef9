#pragma once
// Excess interstitial fluid in the tissue under the skin, per skin vertex (millilitres),
// and what has left it. Fluid is conserved: what the tissue holds plus what has drained
// away always equals what it started with (docs/simulation.md).
#include <memory>
#include <string>
#include <vector>

#include "simulation/skin_graph.h"

namespace legatlas::simulation {

class TissueFluid {
 public:
  explicit TissueFluid(SkinGraph skin);

  const SkinGraph& skin() const { return skin_; }
  // Millilitres at each vertex of the skin.
  const std::vector<double>& excess() const { return excess_; }
  // Sets the fluid, e.g. a condition's starting swelling. Negative amounts are refused
  // (InputError naming `source`); what has drained is counted from here.
  void setExcess(std::vector<double> millilitres, const std::string& source);
  // Millilitres held now, and drained away since setExcess.
  double held() const;
  double drained() const { return drained_; }

  // Takes up to `ml` from a vertex (what it holds at most) and returns what was taken.
  double take(size_t vertex, double ml);
  // Puts fluid taken from elsewhere at a vertex.
  void add(size_t vertex, double ml) { excess_[vertex] += ml; }

  // Fluid spreads within the tissue from where there is more per area of skin toward
  // where there is less, with `diffusivity` in m²/s, for `seconds`. The solve's
  // factorisation is kept for the next call with the same step, so repeated steps of one
  // length (a frame loop's) cost a back-substitution each.
  void spread(double seconds, double diffusivity);
  // The slow natural drainage (venous reabsorption and the lymphatics at rest): each
  // vertex loses `ratePerSecond` of what it holds every second.
  void drainNaturally(double seconds, double ratePerSecond);

 private:
  struct Spreading;  // the factorised system for one step length
  SkinGraph skin_;
  std::vector<double> excess_;
  double drained_ = 0;
  std::shared_ptr<const Spreading> spreading_;  // immutable, so copies may share it
};

}  // namespace legatlas::simulation
