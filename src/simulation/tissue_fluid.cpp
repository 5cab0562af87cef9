#include "simulation/tissue_fluid.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <Eigen/Sparse>
#include <Eigen/SparseCholesky>

#include "core/error.h"

namespace legatlas::simulation {
namespace {

constexpr double kLeastArea = 1e-12;  // m²: a vertex without skin of its own still holds a drop

}  // namespace

TissueFluid::TissueFluid(SkinGraph skin) : skin_(std::move(skin)), excess_(skin_.size(), 0.0) {}

void TissueFluid::setExcess(std::vector<double> millilitres, const std::string& source) {
  if (millilitres.size() != skin_.size())
    throw InputError(source, "", "gives fluid for " + std::to_string(millilitres.size()) + " skin vertices, not " +
                                     std::to_string(skin_.size()),
                     "give one amount per vertex of the skin");
  for (size_t i = 0; i < millilitres.size(); ++i)
    if (!(millilitres[i] >= 0) || !std::isfinite(millilitres[i]))
      throw InputError(source, "vertex " + std::to_string(i), "fluid must be a finite amount of zero or more",
                       "give each vertex a millilitre figure of 0 or more");
  excess_ = std::move(millilitres);
  drained_ = 0;
}

double TissueFluid::take(size_t vertex, double ml) {
  const double taken = std::clamp(ml, 0.0, excess_[vertex]);
  excess_[vertex] -= taken;
  return taken;
}

double TissueFluid::held() const { return std::accumulate(excess_.begin(), excess_.end(), 0.0); }

struct TissueFluid::Spreading {
  double step = 0;  // seconds times diffusivity
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver;
  bool solvable = false;
};

void TissueFluid::spread(double seconds, double diffusivity) {
  if (seconds <= 0 || diffusivity <= 0) return;
  // Backward Euler on the fluid per area of skin c: (A + t D L) c' = A c, with A the
  // vertices' areas and L the graph's Laplacian. Stable for any step, and it keeps the
  // total: L's columns sum to zero, so the sum of A c' is the sum of A c.
  const size_t n = skin_.size();
  const double step = seconds * diffusivity;
  if (!spreading_ || spreading_->step != step) {
    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(n + skin_.neighbour.size() * 2);
    for (size_t i = 0; i < n; ++i) {
      double diagonal = std::max(skin_.areas[i], kLeastArea);
      for (uint32_t k = skin_.first[i]; k < skin_.first[i + 1]; ++k) {
        const double w = step * skin_.conductance[k];
        diagonal += w;
        entries.emplace_back(static_cast<int>(i), static_cast<int>(skin_.neighbour[k]), -w);
      }
      entries.emplace_back(static_cast<int>(i), static_cast<int>(i), diagonal);
    }
    Eigen::SparseMatrix<double> system(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    system.setFromTriplets(entries.begin(), entries.end());
    auto spreading = std::make_shared<Spreading>();
    spreading->step = step;
    spreading->solver.compute(system);
    spreading->solvable = spreading->solver.info() == Eigen::Success;
    spreading_ = std::move(spreading);
  }
  if (!spreading_->solvable) return;  // a graph with no area at all: nothing can move
  Eigen::VectorXd held(static_cast<Eigen::Index>(n));
  for (size_t i = 0; i < n; ++i) held[static_cast<Eigen::Index>(i)] = excess_[i];
  const Eigen::VectorXd perArea = spreading_->solver.solve(held);
  for (size_t i = 0; i < n; ++i)
    excess_[i] = std::max(0.0, perArea[static_cast<Eigen::Index>(i)] * std::max(skin_.areas[i], kLeastArea));
}

void TissueFluid::drainNaturally(double seconds, double ratePerSecond) {
  if (seconds <= 0 || ratePerSecond <= 0) return;
  const double kept = std::exp(-ratePerSecond * seconds);
  for (double& v : excess_) {
    drained_ += v * (1.0 - kept);
    v *= kept;
  }
}

}  // namespace legatlas::simulation
