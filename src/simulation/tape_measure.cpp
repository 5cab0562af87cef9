#include "simulation/tape_measure.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/vec2.hpp>

namespace legatlas::simulation {
namespace {

constexpr double kCubicMetresToMl = 1e6;
constexpr double kLeastArea = 1e-9;  // m²: a vertex with less skin than this does not swell

double cross(const glm::dvec2& o, const glm::dvec2& a, const glm::dvec2& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Perimeter of the convex hull of points in the plane (Andrew's monotone chain).
double hullPerimeter(std::vector<glm::dvec2> points) {
  if (points.size() < 3) return 0;
  std::sort(points.begin(), points.end(), [](const glm::dvec2& a, const glm::dvec2& b) {
    return a.x < b.x || (a.x == b.x && a.y < b.y);
  });
  std::vector<glm::dvec2> hull(points.size() * 2);
  size_t k = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  for (size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);
  double perimeter = 0;
  for (size_t i = 0; i < hull.size(); ++i) perimeter += glm::distance(hull[i], hull[(i + 1) % hull.size()]);
  return perimeter;
}

// Where the surface's triangles cross the level y, as points in the (x, z) plane.
std::vector<glm::dvec2> crossSection(const SkinGraph& skin, const std::vector<glm::vec3>& positions, float y) {
  std::vector<glm::dvec2> points;
  for (size_t t = 0; t + 2 < skin.triangles.size(); t += 3) {
    for (int e = 0; e < 3; ++e) {
      const glm::vec3& a = positions[skin.triangles[t + e]];
      const glm::vec3& b = positions[skin.triangles[t + (e + 1) % 3]];
      if ((a.y < y) == (b.y < y)) continue;
      const double s = (double(y) - a.y) / (double(b.y) - a.y);
      points.emplace_back(a.x + s * (b.x - a.x), a.z + s * (b.z - a.z));
    }
  }
  return points;
}

}  // namespace

std::vector<TapeMark> measureWithTape(const SkinGraph& skin, const std::vector<glm::vec3>& positions, float ankle,
                                      float top) {
  std::vector<TapeMark> marks;
  for (int k = 0; ankle + float(k) * kTapeStepMetres <= top + 1e-6f; ++k) {
    TapeMark mark;
    mark.aboveAnkle = float(k) * kTapeStepMetres;
    mark.height = ankle + mark.aboveAnkle;
    mark.circumference = hullPerimeter(crossSection(skin, positions, mark.height));
    marks.push_back(mark);
  }
  return marks;
}

double frustumVolumeMl(const std::vector<TapeMark>& marks) {
  double volume = 0;
  for (size_t k = 0; k + 1 < marks.size(); ++k) {
    const double c1 = marks[k].circumference, c2 = marks[k + 1].circumference;
    const double h = double(marks[k + 1].height) - marks[k].height;
    volume += h * (c1 * c1 + c1 * c2 + c2 * c2) / (12.0 * M_PI);
  }
  return volume * kCubicMetresToMl;
}

std::vector<float> swellingThickness(const TissueFluid& fluid) {
  const SkinGraph& skin = fluid.skin();
  std::vector<float> metres(skin.size(), 0.0f);
  for (size_t i = 0; i < skin.size(); ++i)
    if (skin.areas[i] > kLeastArea) metres[i] = float(fluid.excess()[i] / kCubicMetresToMl / skin.areas[i]);
  return metres;
}

std::vector<glm::vec3> swollenSkin(const TissueFluid& fluid) {
  const std::vector<float> thickness = swellingThickness(fluid);
  std::vector<glm::vec3> positions = fluid.skin().positions;
  for (size_t i = 0; i < positions.size(); ++i) positions[i] += fluid.skin().normals[i] * thickness[i];
  return positions;
}

}  // namespace legatlas::simulation
