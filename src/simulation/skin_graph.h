#pragma once
// The skin as a graph for fluid in the tissue beneath it: one node per skin vertex, with
// the area of skin it stands for, and between neighbours the conductance of the tissue
// that joins them. Built from the skin's coarse surface (vertices a few millimetres
// apart), which resolves what strokes and swelling do without the full mesh's cost.
#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "geometry/mesh.h"
#include "scene/scene.h"

namespace legatlas::simulation {

struct SkinGraph {
  std::vector<glm::vec3> positions, normals;
  std::vector<double> areas;  // m² of skin each vertex stands for (a third of its triangles)
  // Neighbours in compressed rows: vertex i's are first[i] .. first[i + 1].
  std::vector<uint32_t> first, neighbour;
  std::vector<double> conductance;  // per neighbour entry: shared area over squared distance
  std::vector<uint32_t> triangles;  // of the skin, by graph vertex, three to a triangle

  size_t size() const { return positions.size(); }
  double totalArea() const;
};

// From one surface: vertices joined by a triangle edge are neighbours. Throws InputError
// when the surface has no triangles.
SkinGraph skinGraph(const geometry::Mesh& skin);
// From the scene's skin: its coarse copy where the scene has one, else the full mesh.
// Throws InputError when the scene has no skin.
SkinGraph skinGraph(const scene::Scene& scene);

}  // namespace legatlas::simulation
