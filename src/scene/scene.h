#pragma once
// A loaded model: meshes, each tagged with the tissue it shows.
#include <string>
#include <string_view>
#include <vector>

#include "anatomy/layer.h"
#include "anatomy/tissue_map.h"
#include "geometry/mesh.h"
#include "geometry/mesh_names.h"

namespace legatlas::scene {

struct Tissue {
  std::string id;
  std::string name;
  anatomy::Layer layer = anatomy::Layer::Unassigned;
  glm::vec3 color{0.7f};
  std::vector<anatomy::Fact> facts;
  anatomy::TissueAnatomy anatomy;  // attachments, vessel path, where lymph flows, if the map says
  bool closed = false;             // closed surfaces facing outward: back faces are not drawn
};

// A model may carry a coarse copy of a mesh and a tissue's tendinous part as meshes of
// their own, named as geometry/mesh_names.h says.
using geometry::kCoarseSuffix;
using geometry::kTendonSuffix;

struct SceneMesh {
  std::string nodeName;
  std::string meshName;
  int tissueIndex = 0;  // into Scene::tissues
  int detail = 0;       // 0 the full mesh, 1 its coarse copy
  bool tendinous = false;  // named with kTendonSuffix
  geometry::Mesh mesh;
};

struct Scene {
  std::string sourcePath;
  std::vector<Tissue> tissues;
  std::vector<SceneMesh> meshes;
  std::vector<std::string> warnings;  // things worth telling the user, not fatal

  // Of the full meshes (coarse copies left out).
  geometry::Bounds bounds() const;
  size_t triangleCount() const;
  int findTissue(const std::string& id) const;  // -1 when absent
  bool empty() const { return meshes.empty(); }
};

}  // namespace legatlas::scene
