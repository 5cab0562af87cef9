#pragma once
// Indexed triangle meshes in model space (metres).
#include <cstdint>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <limits>
#include <vector>

namespace legatlas::geometry {

struct Bounds {
  glm::vec3 min{std::numeric_limits<float>::max()};
  glm::vec3 max{std::numeric_limits<float>::lowest()};

  bool empty() const { return min.x > max.x; }
  void add(const glm::vec3& p);
  void add(const Bounds& other);
  glm::vec3 center() const { return (min + max) * 0.5f; }
  glm::vec3 size() const { return empty() ? glm::vec3(0.0f) : max - min; }
  float radius() const;  // half the diagonal
};

struct Mesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;   // one per position
  std::vector<glm::vec4> tangents;  // optional; xyz = e.g. muscle fibre direction
  std::vector<glm::vec2> uvs;       // optional
  std::vector<uint32_t> indices;    // three per triangle

  size_t triangleCount() const { return indices.size() / 3; }
  Bounds bounds() const;
  void append(const Mesh& other);
  void transform(const glm::mat4& matrix);
  // Volume enclosed by a closed surface: positive when its triangles face outward.
  double signedVolume() const;
  // Whether the surface closes every edge, crossing it as often in one direction as in
  // the other (two triangles, or four where a simplified surface is pinched at the
  // edge), and faces outward: then no back face of it can show, and a renderer may skip
  // them.
  bool closedAndOutward() const;
  // Area-weighted vertex normals from the triangles.
  void computeNormals();
  // Removes zero-area triangles without opening the surface: each one's shortest edge is
  // collapsed, which also removes its neighbour across that edge. Returns how many went.
  size_t collapseDegenerateTriangles(float minimumDoubleArea = 1e-13f);
  // Drops the connected pieces with fewer than `minimumFraction` of the largest piece's
  // triangles (crumbs left by cutting one solid with another); the inner surfaces of
  // cavities are kept. Returns triangles removed.
  size_t removeSmallPieces(float minimumFraction);
  // Removes vertices no triangle uses (with their attributes), so bounds and buffers
  // count only what is drawn.
  void dropUnusedVertices();
};

}  // namespace legatlas::geometry
