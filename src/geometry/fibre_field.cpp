#include "geometry/fibre_field.h"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <stdexcept>
#include <string>

namespace legatlas::geometry {
namespace {

constexpr double kMinTriangleArea = 1e-14;  // m²: smaller triangles have no trustworthy angles
constexpr double kMaxCotangent = 1e3;
constexpr int kFillPasses = 32;

enum class Role : uint8_t { kFree, kOrigin, kInsertion };

struct Edge {
  uint32_t a, b;
  double weight;  // half the cotangent of the angle facing the edge in one triangle
};

using Adjacency = std::vector<std::vector<uint32_t>>;

glm::dvec3 at(const Mesh& mesh, uint32_t vertex) { return glm::dvec3(mesh.positions[vertex]); }

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("fibre field: " + what); }

std::vector<Role> assignRoles(const Mesh& mesh, const std::vector<uint32_t>& origin,
                              const std::vector<uint32_t>& insertion) {
  if (mesh.positions.empty() || mesh.triangleCount() == 0) fail("the mesh is empty");
  for (uint32_t index : mesh.indices) {
    if (index >= mesh.positions.size()) fail("a triangle index is out of range");
  }
  std::vector<Role> roles(mesh.positions.size(), Role::kFree);
  const auto mark = [&](const std::vector<uint32_t>& set, Role role, const std::string& name) {
    if (set.empty()) fail("the " + name + " set is empty");
    for (uint32_t v : set) {
      if (v >= roles.size()) fail(name + " vertex " + std::to_string(v) + " is out of range");
      if (roles[v] != Role::kFree && roles[v] != role) {
        fail("vertex " + std::to_string(v) + " is in both the origin and the insertion set");
      }
      roles[v] = role;
    }
  };
  mark(origin, Role::kOrigin, "origin");
  mark(insertion, Role::kInsertion, "insertion");
  return roles;
}

// Cotangent weights, one entry per edge of each usable triangle (a shared edge appears twice).
std::vector<Edge> cotangentEdges(const Mesh& mesh) {
  std::vector<Edge> edges;
  edges.reserve(mesh.indices.size());
  for (size_t t = 0; t < mesh.triangleCount(); ++t) {
    const uint32_t* v = &mesh.indices[3 * t];
    const glm::dvec3 p[3] = {at(mesh, v[0]), at(mesh, v[1]), at(mesh, v[2])};
    if (0.5 * glm::length(glm::cross(p[1] - p[0], p[2] - p[0])) < kMinTriangleArea) continue;
    for (int k = 0; k < 3; ++k) {  // the angle at corner k faces the edge joining the other two
      const glm::dvec3 u = p[(k + 1) % 3] - p[k], w = p[(k + 2) % 3] - p[k];
      const double cot = glm::dot(u, w) / glm::length(glm::cross(u, w));
      edges.push_back({v[(k + 1) % 3], v[(k + 2) % 3], 0.5 * std::clamp(cot, -kMaxCotangent, kMaxCotangent)});
    }
  }
  return edges;
}

Adjacency neighbours(size_t vertexCount, const std::vector<Edge>& edges) {
  Adjacency adjacency(vertexCount);
  for (const Edge& e : edges) {
    adjacency[e.a].push_back(e.b);
    adjacency[e.b].push_back(e.a);
  }
  return adjacency;
}

// Vertices joined to a held vertex; on other pieces the field is undefined.
std::vector<bool> reachable(const std::vector<Role>& roles, const Adjacency& adjacency) {
  std::vector<bool> reached(roles.size(), false);
  std::vector<uint32_t> stack;
  for (uint32_t v = 0; v < roles.size(); ++v) {
    if (roles[v] == Role::kFree) continue;
    reached[v] = true;
    stack.push_back(v);
  }
  while (!stack.empty()) {
    const uint32_t v = stack.back();
    stack.pop_back();
    for (uint32_t n : adjacency[v]) {
      if (reached[n]) continue;
      reached[n] = true;
      stack.push_back(n);
    }
  }
  return reached;
}

Eigen::VectorXd solveSparse(const Eigen::SparseMatrix<double>& a, const Eigen::VectorXd& b) {
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> ldlt(a);
  if (ldlt.info() == Eigen::Success) {
    Eigen::VectorXd x = ldlt.solve(b);
    if (ldlt.info() == Eigen::Success && x.allFinite()) return x;
  }
  // Obtuse triangles give negative weights; should they cancel into a zero pivot, LU's pivoting copes.
  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(a);
  if (lu.info() != Eigen::Success) fail("the Laplacian system is singular");
  return lu.solve(b);
}

// The Dirichlet problem L x = 0: held vertices move to the right-hand side, the rest are unknowns.
std::vector<double> harmonicValues(const std::vector<Role>& roles, const std::vector<bool>& reached,
                                   const std::vector<Edge>& edges) {
  std::vector<double> value(roles.size(), 0.5);
  std::vector<int> unknown(roles.size(), -1);
  int count = 0;
  for (size_t v = 0; v < roles.size(); ++v) {
    if (roles[v] != Role::kFree) value[v] = roles[v] == Role::kInsertion ? 1.0 : 0.0;
    else if (reached[v]) unknown[v] = count++;
  }
  if (count == 0) return value;
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(4 * edges.size());
  Eigen::VectorXd b = Eigen::VectorXd::Zero(count);
  const auto couple = [&](uint32_t i, uint32_t j, double w) {  // edge ij's share of row i
    if (unknown[i] < 0) return;
    triplets.emplace_back(unknown[i], unknown[i], w);
    if (unknown[j] >= 0) triplets.emplace_back(unknown[i], unknown[j], -w);
    else b[unknown[i]] += w * value[j];
  };
  for (const Edge& e : edges) {
    couple(e.a, e.b, e.weight);
    couple(e.b, e.a, e.weight);
  }
  Eigen::SparseMatrix<double> a(count, count);
  a.setFromTriplets(triplets.begin(), triplets.end());
  const Eigen::VectorXd x = solveSparse(a, b);
  for (size_t v = 0; v < roles.size(); ++v) {
    if (unknown[v] >= 0) value[v] = x[unknown[v]];
  }
  return value;
}

// The mesh's normals when it has a full set, else area-weighted ones from the triangles.
std::vector<glm::dvec3> unitNormals(const Mesh& mesh) {
  std::vector<glm::dvec3> normals(mesh.positions.size(), glm::dvec3(0.0));
  if (mesh.normals.size() == mesh.positions.size()) {
    for (size_t v = 0; v < normals.size(); ++v) normals[v] = glm::dvec3(mesh.normals[v]);
  } else {
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
      const uint32_t* v = &mesh.indices[i];
      const glm::dvec3 n = glm::cross(at(mesh, v[1]) - at(mesh, v[0]), at(mesh, v[2]) - at(mesh, v[0]));
      for (int k = 0; k < 3; ++k) normals[v[k]] += n;
    }
  }
  for (glm::dvec3& n : normals) {
    const double length = glm::length(n);
    if (length > 0) n /= length;
  }
  return normals;
}

// Area-weighted mean of the gradients of the piecewise-linear field on each vertex's triangles.
// On a triangle grad = sum_i f_i (N × e_i) / 2A, with e_i the edge facing corner i, so area × grad
// needs no division.
std::vector<glm::dvec3> vertexGradients(const Mesh& mesh, const std::vector<double>& value) {
  std::vector<glm::dvec3> gradient(mesh.positions.size(), glm::dvec3(0.0));
  std::vector<double> area(mesh.positions.size(), 0.0);
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const uint32_t* v = &mesh.indices[i];
    const glm::dvec3 p[3] = {at(mesh, v[0]), at(mesh, v[1]), at(mesh, v[2])};
    const glm::dvec3 n = glm::cross(p[1] - p[0], p[2] - p[0]);
    const double twiceArea = glm::length(n);
    if (0.5 * twiceArea < kMinTriangleArea) continue;
    glm::dvec3 weighted(0.0);
    for (int k = 0; k < 3; ++k) weighted += value[v[k]] * glm::cross(n / twiceArea, p[(k + 2) % 3] - p[(k + 1) % 3]);
    for (int k = 0; k < 3; ++k) {
      gradient[v[k]] += 0.5 * weighted;
      area[v[k]] += 0.5 * twiceArea;
    }
  }
  for (size_t v = 0; v < gradient.size(); ++v) {
    if (area[v] > 0) gradient[v] /= area[v];
  }
  return gradient;
}

// Into the tangent plane and unit length; zero when too short to trust.
glm::dvec3 tangentUnit(glm::dvec3 d, const glm::dvec3& normal, double minimum) {
  d -= glm::dot(d, normal) * normal;
  const double length = glm::length(d);
  return length > minimum ? d / length : glm::dvec3(0.0);
}

// Where the gradient vanishes (inside a held set) the neighbours' mean direction, spread a ring per pass.
void fillFlat(std::vector<glm::dvec3>& direction, const Adjacency& adjacency, const std::vector<glm::dvec3>& normals) {
  const glm::dvec3 none(0.0);
  for (int pass = 0; pass < kFillPasses; ++pass) {
    std::vector<glm::dvec3> next = direction;
    bool changed = false;
    for (size_t v = 0; v < direction.size(); ++v) {
      if (direction[v] != none) continue;
      glm::dvec3 sum(0.0);
      for (uint32_t n : adjacency[v]) sum += direction[n];
      next[v] = tangentUnit(sum, normals[v], 1e-3);  // a sum of unit vectors: smaller is noise
      changed = changed || next[v] != none;
    }
    direction.swap(next);
    if (!changed) return;
  }
}

// The last resort: `preferred` in the tangent plane, or any tangent when it is normal to the surface.
glm::dvec3 fallbackDirection(const glm::dvec3& preferred, const glm::dvec3& normal) {
  const glm::dvec3 d = tangentUnit(preferred, normal, 1e-12);
  if (d != glm::dvec3(0.0)) return d;
  return tangentUnit(std::abs(normal.x) < 0.9 ? glm::dvec3(1, 0, 0) : glm::dvec3(0, 1, 0), normal, 1e-12);
}

FibreFieldResult solveFibres(const Mesh& mesh, const std::vector<Role>& roles, const glm::dvec3& preferred) {
  const std::vector<Edge> edges = cotangentEdges(mesh);
  const Adjacency adjacency = neighbours(roles.size(), edges);
  const std::vector<double> value = harmonicValues(roles, reachable(roles, adjacency), edges);
  const std::vector<glm::dvec3> normals = unitNormals(mesh);
  const std::vector<glm::dvec3> gradient = vertexGradients(mesh, value);
  // The field rises by 1 across the mesh, so real gradients are of order 1 / size.
  const double minimum = 1e-6 / std::max(static_cast<double>(mesh.bounds().radius()), 1e-9);
  std::vector<glm::dvec3> direction(roles.size());
  for (size_t v = 0; v < roles.size(); ++v) direction[v] = tangentUnit(gradient[v], normals[v], minimum);
  fillFlat(direction, adjacency, normals);
  FibreFieldResult result{std::vector<float>(roles.size()), std::vector<glm::vec3>(roles.size())};
  for (size_t v = 0; v < roles.size(); ++v) {
    result.value[v] = static_cast<float>(std::clamp(value[v], 0.0, 1.0));
    const bool flat = direction[v] == glm::dvec3(0.0);
    result.direction[v] = glm::vec3(flat ? fallbackDirection(preferred, normals[v]) : direction[v]);
  }
  return result;
}

glm::dvec3 centroid(const Mesh& mesh, const std::vector<uint32_t>& set) {
  glm::dvec3 sum(0.0);
  for (uint32_t v : set) sum += at(mesh, v);
  return sum / static_cast<double>(set.size());
}

uint32_t nearestVertex(const Mesh& mesh, const glm::vec3& point) {
  uint32_t best = 0;
  for (uint32_t v = 1; v < mesh.positions.size(); ++v) {
    if (glm::distance(mesh.positions[v], point) < glm::distance(mesh.positions[best], point)) best = v;
  }
  return best;
}

}  // namespace

FibreFieldResult harmonicFibres(const Mesh& mesh, const std::vector<uint32_t>& origin,
                                const std::vector<uint32_t>& insertion) {
  const std::vector<Role> roles = assignRoles(mesh, origin, insertion);  // checks the indices centroid reads
  return solveFibres(mesh, roles, centroid(mesh, insertion) - centroid(mesh, origin));
}

void setFibreTangents(Mesh& mesh, const glm::vec3& originPoint, const glm::vec3& insertionPoint, float reach) {
  std::vector<uint32_t> origin, insertion;
  for (uint32_t v = 0; v < mesh.positions.size(); ++v) {
    const float toOrigin = glm::distance(mesh.positions[v], originPoint);
    const float toInsertion = glm::distance(mesh.positions[v], insertionPoint);
    // A vertex within reach of both ends belongs to the nearer, so the sets stay disjoint.
    if (toOrigin <= reach && toOrigin <= toInsertion) origin.push_back(v);
    else if (toInsertion <= reach && toInsertion < toOrigin) insertion.push_back(v);
  }
  if (origin.empty()) origin.push_back(nearestVertex(mesh, originPoint));
  if (insertion.empty()) insertion.push_back(nearestVertex(mesh, insertionPoint));
  const std::vector<Role> roles = assignRoles(mesh, origin, insertion);
  const FibreFieldResult fibres = solveFibres(mesh, roles, glm::dvec3(insertionPoint - originPoint));
  mesh.tangents.resize(mesh.positions.size());
  for (size_t v = 0; v < mesh.positions.size(); ++v) mesh.tangents[v] = glm::vec4(fibres.direction[v], 1.0f);
}

}  // namespace legatlas::geometry
