#pragma once
// The swelling drawn on the leg: the scene's skin meshes (full and coarse) standing out
// by the fluid the edema model holds under the nearest vertex of its skin graph.
#include <cstdint>
#include <vector>

#include "scene/overlays.h"
#include "scene/scene.h"
#include "simulation/tissue_fluid.h"

namespace legatlas::teaching {

class SwellingView {
 public:
  // `skin` must be the graph the fluid lives on, built from this scene's skin.
  SwellingView(const scene::Scene& scene, const simulation::SkinGraph& skin);

  // Writes the fluid's swelling into `shown` and moves its version on.
  void update(const simulation::TissueFluid& fluid, scene::Swelling& shown) const;

 private:
  // For each scene mesh, the graph vertex under each of its vertices (empty: not skin).
  std::vector<std::vector<uint32_t>> graphVertex_;
};

}  // namespace legatlas::teaching
