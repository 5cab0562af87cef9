#include "scene/scene.h"

namespace legatlas::scene {

geometry::Bounds Scene::bounds() const {
  geometry::Bounds b;
  for (const SceneMesh& m : meshes) {
    if (m.detail == 0) b.add(m.mesh.bounds());
  }
  return b;
}

size_t Scene::triangleCount() const {
  size_t count = 0;
  for (const SceneMesh& m : meshes) {
    if (m.detail == 0) count += m.mesh.triangleCount();
  }
  return count;
}

int Scene::findTissue(const std::string& id) const {
  for (size_t i = 0; i < tissues.size(); ++i) {
    if (tissues[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace legatlas::scene
