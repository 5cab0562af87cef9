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

void TissueFluid::spread(double seconds, double diffusivity) {
  if (seconds <= 0 || diffusivity <= 0) return;
  // Backward Euler on the fluid per area of skin c: (A + t D L) c' = A c, with A the
  // vertices' areas and L the graph's Laplacian. Stable for any step, and it keeps the
  // total: L's columns sum to zero, so the sum of A c' is the sum of A c.
  const size_t n = skin_.size();
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(n + skin_.neighbour.size() * 2);
  Eigen::VectorXd held(n);
  for (size_t i = 0; i < n; ++i) {
    const double area = std::max(skin_.areas[i], kLeastArea);
    double diagonal = area;
    for (uint32_t k = skin_.first[i]; k < skin_.first[i + 1]; ++k) {
      const double w = seconds * diffusivity * skin_.conductance[k];
      diagonal += w;
      entries.emplace_back(static_cast<int>(i), static_cast<int>(skin_.neighbour[k]), -w);
    }
    entries.emplace_back(static_cast<int>(i), static_cast<int>(i), diagonal);
    held[static_cast<Eigen::Index>(i)] = excess_[i];
  }
  Eigen::SparseMatrix<double> system(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  system.setFromTriplets(entries.begin(), entries.end());
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(system);
  if (solver.info() != Eigen::Success) return;  // a graph with no area at all: nothing can move
  const Eigen::VectorXd perArea = solver.solve(held);
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
