#include "geometry/level_set.h"

#include <openvdb/openvdb.h>
#include <openvdb/tools/Clip.h>
#include <openvdb/tools/Composite.h>
#include <openvdb/tools/Interpolation.h>
#include <openvdb/tools/MeshToVolume.h>
#include <openvdb/tools/SignedFloodFill.h>
#include <openvdb/tools/VolumeToMesh.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <map>
#include <cmath>
#include <glm/geometric.hpp>
#include <mutex>

namespace legatlas::geometry {

struct LevelSet::Grid {
  openvdb::FloatGrid::Ptr grid;
};

namespace {

void initialiseOpenVdb() {
  static std::once_flag once;
  std::call_once(once, [] { openvdb::initialize(); });
}

openvdb::FloatGrid::Ptr makeGrid(float voxelSize, float background) {
  initialiseOpenVdb();
  auto grid = openvdb::FloatGrid::create(background);
  grid->setTransform(openvdb::math::Transform::createLinearTransform(voxelSize));
  grid->setGridClass(openvdb::GRID_LEVEL_SET);
  return grid;
}

openvdb::Vec3d toVdb(const glm::vec3& p) { return {p.x, p.y, p.z}; }

// Dense samples of one box of voxels, evaluated slab by slab on all cores.
struct DenseSamples {
  openvdb::Coord first, count;
  std::vector<float> values;

  float at(int i, int j, int k) const {
    return values[(static_cast<size_t>(i) * count.y() + j) * count.z() + k];
  }
};

DenseSamples sampleDense(const Bounds& region, float voxel, const LevelSet::DistanceFunction& f) {
  DenseSamples s;
  const glm::ivec3 lo(glm::floor(region.min / voxel)), hi(glm::ceil(region.max / voxel));
  s.first = openvdb::Coord(lo.x, lo.y, lo.z);
  s.count = openvdb::Coord(hi.x - lo.x + 1, hi.y - lo.y + 1, hi.z - lo.z + 1);
  s.values.resize(static_cast<size_t>(s.count.x()) * s.count.y() * s.count.z());
  tbb::parallel_for(0, s.count.x(), [&](int i) {
    for (int j = 0; j < s.count.y(); ++j) {
      for (int k = 0; k < s.count.z(); ++k) {
        const glm::vec3 p = glm::vec3(lo + glm::ivec3(i, j, k)) * voxel;
        s.values[(static_cast<size_t>(i) * s.count.y() + j) * s.count.z() + k] = f(p);
      }
    }
  });
  return s;
}

// One [1 2 1] / 4 pass along `axis` (0 = x, 1 = y, 2 = z); the outermost samples stay.
void blurAlong(DenseSamples& s, int axis) {
  const std::vector<float> source = s.values;
  const size_t stride[3] = {static_cast<size_t>(s.count.y()) * s.count.z(), static_cast<size_t>(s.count.z()), 1};
  const int length = s.count[axis];
  tbb::parallel_for(0, s.count.x(), [&](int i) {
    for (int j = 0; j < s.count.y(); ++j) {
      for (int k = 0; k < s.count.z(); ++k) {
        const int along = axis == 0 ? i : axis == 1 ? j : k;
        if (along == 0 || along == length - 1) continue;
        const size_t at = i * stride[0] + j * stride[1] + k * stride[2];
        s.values[at] = 0.25f * (source[at - stride[axis]] + source[at + stride[axis]]) + 0.5f * source[at];
      }
    }
  });
}

}  // namespace

LevelSet::LevelSet(std::shared_ptr<Grid> grid) : grid_(std::move(grid)) {}

LevelSet LevelSet::fromFunction(const Bounds& region, float voxelSize, const DistanceFunction& signedDistance,
                                NarrowBand band, int blurPasses) {
  Bounds padded = region;
  padded.add(region.min - glm::vec3(band.outside + 2 * voxelSize));
  padded.add(region.max + glm::vec3(band.outside + 2 * voxelSize));
  DenseSamples samples = sampleDense(padded, voxelSize, signedDistance);
  for (int pass = 0; pass < blurPasses; ++pass) {
    for (int axis = 0; axis < 3; ++axis) blurAlong(samples, axis);
  }
  const float background = std::max(band.outside, band.inside);
  auto grid = makeGrid(voxelSize, background);
  auto access = grid->getAccessor();
  for (int i = 0; i < samples.count.x(); ++i) {
    for (int j = 0; j < samples.count.y(); ++j) {
      for (int k = 0; k < samples.count.z(); ++k) {
        const float d = samples.at(i, j, k);
        if (d < band.outside && d > -band.inside) access.setValueOn(samples.first + openvdb::Coord(i, j, k), d);
      }
    }
  }
  openvdb::tools::signedFloodFill(grid->tree());
  return LevelSet(std::make_shared<Grid>(Grid{grid}));
}

LevelSet LevelSet::fromMesh(const Mesh& closedMesh, float voxelSize, NarrowBand band) {
  initialiseOpenVdb();
  std::vector<openvdb::Vec3s> points;
  points.reserve(closedMesh.positions.size());
  for (const glm::vec3& p : closedMesh.positions) points.emplace_back(p.x, p.y, p.z);
  std::vector<openvdb::Vec3I> triangles;
  for (size_t i = 0; i + 2 < closedMesh.indices.size(); i += 3) {
    triangles.emplace_back(closedMesh.indices[i], closedMesh.indices[i + 1], closedMesh.indices[i + 2]);
  }
  const auto transform = openvdb::math::Transform::createLinearTransform(voxelSize);
  auto grid = openvdb::tools::meshToSignedDistanceField<openvdb::FloatGrid>(
      *transform, points, triangles, {}, band.outside / voxelSize, band.inside / voxelSize);
  grid->setGridClass(openvdb::GRID_LEVEL_SET);
  return LevelSet(std::make_shared<Grid>(Grid{grid}));
}

LevelSet LevelSet::empty(float voxelSize, NarrowBand band) {
  return LevelSet(std::make_shared<Grid>(Grid{makeGrid(voxelSize, std::max(band.outside, band.inside))}));
}

float LevelSet::voxelSize() const { return static_cast<float>(grid_->grid->voxelSize().x()); }

bool LevelSet::isEmpty() const { return grid_->grid->tree().activeVoxelCount() == 0; }

Bounds LevelSet::bounds() const {
  Bounds b;
  if (isEmpty()) return b;
  const openvdb::CoordBBox box = grid_->grid->evalActiveVoxelBoundingBox();
  const auto lo = grid_->grid->indexToWorld(box.min()), hi = grid_->grid->indexToWorld(box.max());
  b.add(glm::vec3(lo.x(), lo.y(), lo.z()));
  b.add(glm::vec3(hi.x(), hi.y(), hi.z()));
  return b;
}

float LevelSet::distance(const glm::vec3& p) const {
  const openvdb::Vec3d index = grid_->grid->worldToIndex(toVdb(p));
  return openvdb::tools::BoxSampler::sample(grid_->grid->tree(), index);
}

glm::vec3 LevelSet::outward(const glm::vec3& p) const {
  const float h = voxelSize();
  const glm::vec3 g(distance(p + glm::vec3(h, 0, 0)) - distance(p - glm::vec3(h, 0, 0)),
                    distance(p + glm::vec3(0, h, 0)) - distance(p - glm::vec3(0, h, 0)),
                    distance(p + glm::vec3(0, 0, h)) - distance(p - glm::vec3(0, 0, h)));
  const float length = glm::length(g);
  return length > 1e-12f ? g / length : glm::vec3(0.0f);
}

void LevelSet::unite(const LevelSet& other) {
  auto copy = other.grid_->grid->deepCopy();
  openvdb::tools::csgUnion(*grid_->grid, *copy);
}

void LevelSet::subtract(const LevelSet& other, float margin, const std::function<bool(const glm::vec3&)>& where) {
  if (isEmpty() || other.isEmpty()) return;
  // Only the part of `other` near this solid matters: clip it to this band's box first,
  // which keeps the copy small when `other` is the whole limb.
  openvdb::CoordBBox box = grid_->grid->evalActiveVoxelBoundingBox();
  box.expand(static_cast<int>(std::ceil(margin / voxelSize())) + 2);
  auto nearby = openvdb::tools::clip(*other.grid_->grid, grid_->grid->transform().indexToWorld(box));
  // Dilating a distance field by `margin` is lowering every value by it; where nothing
  // is to be cut, the copy is made empty space.
  const float emptySpace = nearby->background();
  for (auto value = nearby->beginValueAll(); value; ++value) {
    const openvdb::Vec3d centre = nearby->indexToWorld(value.getBoundingBox().getCenter());
    const bool cut = !where || where(glm::vec3(centre.x(), centre.y(), centre.z()));
    value.setValue(cut ? *value - margin : emptySpace);
  }
  openvdb::tools::csgDifference(*grid_->grid, *nearby);
}

Mesh LevelSet::toMesh(float adaptivity) const {
  std::vector<openvdb::Vec3s> points;
  std::vector<openvdb::Vec3I> triangles;
  std::vector<openvdb::Vec4I> quads;
  openvdb::tools::volumeToMesh(*grid_->grid, points, triangles, quads, 0.0, adaptivity);
  // The mesher can emit the same point twice (and quads with a repeated corner); weld
  // equal points so that dropping collapsed triangles cannot open the surface.
  Mesh mesh;
  std::map<std::array<float, 3>, uint32_t> welded;
  std::vector<uint32_t> index(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    const auto [it, added] = welded.try_emplace({points[i].x(), points[i].y(), points[i].z()},
                                                static_cast<uint32_t>(mesh.positions.size()));
    if (added) mesh.positions.emplace_back(points[i].x(), points[i].y(), points[i].z());
    index[i] = it->second;
  }
  const auto addTriangle = [&](uint32_t a, uint32_t b, uint32_t c) {
    a = index[a], b = index[b], c = index[c];
    if (a != b && b != c && c != a) mesh.indices.insert(mesh.indices.end(), {a, b, c});
  };
  // OpenVDB winds its polygons clockwise seen from outside; reverse to outward winding.
  for (const openvdb::Vec3I& t : triangles) addTriangle(t[2], t[1], t[0]);
  for (const openvdb::Vec4I& q : quads) {
    addTriangle(q[2], q[1], q[0]);
    addTriangle(q[3], q[2], q[0]);
  }
  mesh.collapseDegenerateTriangles();
  mesh.computeNormals();
  return mesh;
}

float smoothUnion(float a, float b, float radius) {
  const float h = std::max(radius - std::abs(a - b), 0.0f) / radius;
  return std::min(a, b) - h * h * radius * 0.25f;
}

}  // namespace legatlas::geometry
