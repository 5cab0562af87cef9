#pragma once
// Signed distance fields on sparse voxel grids (OpenVDB): how the generator builds bones
// and skin as unions of smooth shapes, keeps tissues out of one another and meshes the
// result. Distances are in metres, negative inside. OpenVDB stays inside level_set.cpp.
#include <functional>
#include <memory>

#include "geometry/mesh.h"

namespace legatlas::geometry {

struct NarrowBand {
  float outside = 0.003f;  // how far outside the surface distances are kept (metres)
  float inside = 0.003f;   // how far inside
};

class LevelSet {
 public:
  using DistanceFunction = std::function<float(const glm::vec3&)>;

  // Samples `signedDistance` at the voxel centres of `region`; evaluation runs in parallel,
  // so the function must be safe to call from several threads. `blurPasses` > 0 blurs the
  // samples ([1 2 1] along each axis per pass) before the band is kept: creases and small
  // bumps round off over about a voxel per pass, far cheaper than curvature flow.
  static LevelSet fromFunction(const Bounds& region, float voxelSize, const DistanceFunction& signedDistance,
                               NarrowBand band = {}, int blurPasses = 0);
  // The solid bounded by a closed mesh (overlaps and self-intersections allowed).
  static LevelSet fromMesh(const Mesh& closedMesh, float voxelSize, NarrowBand band = {});
  static LevelSet empty(float voxelSize, NarrowBand band = {});

  float voxelSize() const;
  bool isEmpty() const;
  Bounds bounds() const;  // of the stored band

  // Signed distance at `p`; beyond the stored band, the band's edge (+outside or -inside).
  float distance(const glm::vec3& p) const;
  // Unit direction of increasing distance (outward), by central differences.
  glm::vec3 outward(const glm::vec3& p) const;

  // Union with another set of the same voxel size (the other one is left unchanged).
  void unite(const LevelSet& other);
  // Removes everything within `margin` of `other` (same voxel size; left unchanged):
  // what a tissue keeps when it must not enter another. With `where`, only at points
  // for which it returns true (decided per voxel of `other`'s band, per tile inside it).
  void subtract(const LevelSet& other, float margin, const std::function<bool(const glm::vec3&)>& where = {});

  // Triangle mesh of the zero surface, wound so that cross(b - a, c - a) points outward,
  // with normals from the field's gradient. `adaptivity` 0..1 merges flat regions.
  Mesh toMesh(float adaptivity = 0.0f) const;

 private:
  struct Grid;
  explicit LevelSet(std::shared_ptr<Grid> grid);
  std::shared_ptr<Grid> grid_;
};

// Smooth minimum of two distances: a union that blends within `radius` of the seam.
float smoothUnion(float a, float b, float radius);

}  // namespace legatlas::geometry
