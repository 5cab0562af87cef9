#include "teaching/swelling_view.h"

#include "geometry/point_index.h"
#include "simulation/tape_measure.h"

namespace legatlas::teaching {

SwellingView::SwellingView(const scene::Scene& scene, const simulation::SkinGraph& skin) {
  graphVertex_.resize(scene.meshes.size());
  if (skin.size() == 0) return;
  const geometry::PointIndex index(skin.positions);
  for (size_t m = 0; m < scene.meshes.size(); ++m) {
    const scene::SceneMesh& mesh = scene.meshes[m];
    if (scene.tissues[mesh.tissueIndex].layer != anatomy::Layer::Skin) continue;
    graphVertex_[m].reserve(mesh.mesh.positions.size());
    for (const glm::vec3& p : mesh.mesh.positions) graphVertex_[m].push_back(index.nearest(p));
  }
}

void SwellingView::update(const simulation::TissueFluid& fluid, scene::Swelling& shown) const {
  const std::vector<float> thickness = simulation::swellingThickness(fluid);
  shown.outwardByMesh.resize(graphVertex_.size());
  for (size_t m = 0; m < graphVertex_.size(); ++m) {
    std::vector<float>& out = shown.outwardByMesh[m];
    out.resize(graphVertex_[m].size());
    for (size_t v = 0; v < out.size(); ++v) out[v] = thickness[graphVertex_[m][v]];
  }
  ++shown.version;
}

}  // namespace legatlas::teaching
