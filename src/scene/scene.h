#pragma once
// A loaded model: meshes, each tagged with the tissue it shows.
#include <string>
#include <vector>

#include "anatomy/layer.h"
#include "anatomy/tissue_map.h"
#include "geometry/mesh.h"

namespace legatlas::scene {

struct Tissue {
  std::string id;
  std::string name;
  anatomy::Layer layer = anatomy::Layer::Unassigned;
  glm::vec3 color{0.7f};
  std::vector<anatomy::Fact> facts;
};

struct SceneMesh {
  std::string nodeName;
  std::string meshName;
  int tissueIndex = 0;  // into Scene::tissues
  geometry::Mesh mesh;
};

struct Scene {
  std::string sourcePath;
  std::vector<Tissue> tissues;
  std::vector<SceneMesh> meshes;
  std::vector<std::string> warnings;  // things worth telling the user, not fatal

  geometry::Bounds bounds() const;
  size_t triangleCount() const;
  int findTissue(const std::string& id) const;  // -1 when absent
  bool empty() const { return meshes.empty(); }
};

}  // namespace legatlas::scene
