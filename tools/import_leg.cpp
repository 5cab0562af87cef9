// legatlas-import-leg: one subject's Visible Human lower-limb surfaces (STL, scanner
// millimetres, a left limb) as a mesh pack of the project (geometry/mesh_pack.h): welded,
// checked closed, mirrored into a right leg in the model frame (leg_frame.h) and each
// decimated to the fewest triangles that keep it within 0.3 mm mean and 1 mm max of its
// source surface, measured both ways.
#include <CLI/CLI.hpp>
#include <meshoptimizer.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>

#include "anatomy/description.h"
#include "body_surface.h"
#include "core/atomic_file.h"
#include "core/error.h"
#include "geometry/glb_writer.h"
#include "geometry/mesh_pack.h"
#include "geometry/sphere_fit.h"
#include "geometry/triangle_tree.h"
#include "leg_frame.h"
#include "stl_files.h"

namespace {

using namespace legatlas;
using geometry::Mesh;

constexpr double kMostMeanDeviation = 0.0003, kMostMaxDeviation = 0.001;  // metres
constexpr int kSearchSteps = 12;
constexpr float kSpeck = 3.0f;  // scanner millimetres

struct Deviation {
  double mean = 0, max = 0;
  bool within() const { return mean <= kMostMeanDeviation && max <= kMostMaxDeviation; }
};

// The centres of the triangles: where a decimated surface strays furthest from its
// source (its corners are source vertices).
Mesh triangleCentres(const Mesh& mesh) {
  Mesh centres;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
    centres.positions.push_back((mesh.positions[mesh.indices[i]] + mesh.positions[mesh.indices[i + 1]] +
                                 mesh.positions[mesh.indices[i + 2]]) / 3.0f);
  return centres;
}

// Both ways: every source vertex to the decimated surface, and every decimated
// triangle's centre to the source surface; the worse of the two means and maxima.
Deviation deviation(const Mesh& source, const geometry::TriangleTree& sourceTree, const Mesh& decimated) {
  const tools::SurfaceDistance there = tools::distanceToSurface(source, decimated);
  Deviation d{there.mean, there.max};
  const Mesh centres = triangleCentres(decimated);
  double sum = 0;
  for (const glm::vec3& p : centres.positions) {
    const double back = sourceTree.closest(p)->distance;
    sum += back;
    d.max = std::max(d.max, back);
  }
  d.mean = std::max(d.mean, centres.positions.empty() ? 0.0 : sum / double(centres.positions.size()));
  return d;
}

Mesh simplifiedTo(const Mesh& source, size_t triangles) {
  Mesh out;
  out.positions = source.positions;
  out.indices.resize(source.indices.size());
  const size_t count = meshopt_simplify(out.indices.data(), source.indices.data(), source.indices.size(),
                                        &source.positions[0].x, source.positions.size(), sizeof(glm::vec3),
                                        triangles * 3, 1.0f, 0, nullptr);
  out.indices.resize(count);
  return out;
}

bool closedManifold(const Mesh& mesh) {
  const tools::EdgeCounts bad = tools::countBadEdges(mesh);
  return bad.open == 0 && bad.nonManifold == 0;
}

// The fewest triangles for which the measured deviation holds and the surface stays a
// closed 2-manifold: bisection on the count for the deviation (which grows steadily as
// triangles go), then up in small steps until no collapse has pinched the surface into
// non-manifold edges (which happens here and there across thin parts).
Mesh fewestTrianglesWithin(const Mesh& source, Deviation& kept) {
  geometry::TriangleTree sourceTree;
  sourceTree.add(source, 0);
  sourceTree.build();
  size_t low = 0, high = source.triangleCount();  // high always passes (it is the source)
  for (int step = 0; step < kSearchSteps && high - low > 1; ++step) {
    const size_t middle = (low + high) / 2;
    const Mesh trial = simplifiedTo(source, middle);
    (deviation(source, sourceTree, trial).within() ? high : low) = middle;
  }
  Mesh best = source;
  kept = {};
  for (size_t count = high; count < source.triangleCount(); count = count + count / 32 + 1) {
    Mesh trial = simplifiedTo(source, count);
    const Deviation d = deviation(source, sourceTree, trial);
    if (d.within() && closedManifold(trial)) {
      best = std::move(trial);
      kept = d;
      break;
    }
  }
  // Triangles in an order the vertex cache and the index codec like; then the vertices
  // numbered in order of first use.
  std::vector<uint32_t> ordered(best.indices.size());
  meshopt_optimizeVertexCache(ordered.data(), best.indices.data(), best.indices.size(), best.positions.size());
  best.indices = std::move(ordered);
  std::vector<glm::vec3> fetched(best.positions.size());
  const size_t used = meshopt_optimizeVertexFetch(fetched.data(), best.indices.data(), best.indices.size(),
                                                  best.positions.data(), best.positions.size(), sizeof(glm::vec3));
  fetched.resize(used);
  best.positions = std::move(fetched);
  best.normals.clear();
  return best;
}

// The subject's surfaces by the project's names, welded, in scanner millimetres.
using Sources = std::map<std::string, Mesh>;

Sources readSubject(const std::filesystem::path& folder) {
  Sources sources;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = tools::surfaceName(entry.path().filename().string());
    if (name.empty()) continue;
    Mesh mesh = tools::readStl(entry.path().string());
    tools::weldAndCompact(mesh);
    if (const size_t specks = tools::removeSpecks(mesh, kSpeck))
      std::printf("%s: %zu speck(s) under %.0f mm removed\n", name.c_str(), specks, kSpeck);
    const tools::EdgeCounts bad = tools::countBadEdges(mesh);
    if (bad.open || bad.nonManifold)
      throw InputError(entry.path().string(), "", "is not a closed surface: " + std::to_string(bad.open) + " open and " +
                                                       std::to_string(bad.nonManifold) + " non-manifold edges",
                       "take a fresh copy of the subject's files");
    sources[name] = std::move(mesh);
  }
  return sources;
}

const Mesh& surface(const Sources& sources, const std::string& name, const std::string& folder) {
  const auto found = sources.find(name);
  if (found == sources.end())
    throw InputError(folder, "", "has no " + name + " surface, which places the leg in the model frame",
                     "point --subject at a folder of one subject's lower-limb STL files");
  return found->second;
}

tools::LegFrame frameOf(const Sources& sources, const std::string& folder, const glm::dvec3& ankle) {
  const geometry::Sphere head = geometry::fitSphere(surface(sources, "cartilage/femur_head", folder).positions);
  std::printf("femoral head: sphere centre (%.1f, %.1f, %.1f) mm, radius %.1f mm, rms residual %.2f mm\n", head.centre.x,
              head.centre.y, head.centre.z, head.radius, head.rmsResidual);
  const auto centre = [&](const char* name) { return tools::surfaceCentroid(surface(sources, name, folder)); };
  const tools::LegFrame frame = tools::placeLeftLimb(head.centre, centre("cartilage/tibia_distal"), centre("bone/sacrum"),
                                                     centre("bone/patella"), centre("cartilage/femur_distal"), ankle);
  std::printf("mechanical axis turned %.1f degrees about the hip to lean as the described leg's\n", frame.turnDegrees);
  return frame;
}

Mesh inModelFrame(const Mesh& scanner, const tools::LegFrame& frame) {
  Mesh mesh = scanner;
  for (glm::vec3& p : mesh.positions) p = frame.toModel(p);
  if (frame.mirrors()) tools::flipWinding(mesh);
  if (mesh.signedVolume() <= 0) throw std::runtime_error("a surface faces inward after the frame change");
  return mesh;
}

// The bones below the ankle joint, and the talus's own cartilage, turn with the foot.
bool turnsWithTheFoot(const std::string& name) {
  static const std::vector<std::string> kFoot = {"bone/talus", "bone/calcaneus", "bone/navicular", "bone/cuboid",
                                                 "bone/medial_cuneiform", "bone/intermediate_cuneiform",
                                                 "bone/lateral_cuneiform", "bone/phalanges", "cartilage/talus"};
  return std::find(kFoot.begin(), kFoot.end(), name) != kFoot.end();
}

struct Overlap {
  size_t vertices = 0;
  double deepest = 0;  // metres
};

// How far the talus reaches into the plafond's cartilage: a joint's surfaces meet, they
// do not pass through each other.
Overlap talusInPlafond(const std::map<std::string, Mesh>& placed) {
  Mesh plafond = placed.at("cartilage/tibia_distal");
  plafond.computeNormals();
  geometry::TriangleTree tree;
  tree.add(plafond, 0);
  tree.build();
  Overlap overlap;
  for (const glm::vec3& p : placed.at("bone/talus").positions) {
    const geometry::SurfaceHit hit = *tree.closest(p);
    if (glm::dot(p - hit.point, hit.normal) >= 0) continue;
    ++overlap.vertices;
    overlap.deepest = std::max(overlap.deepest, double(hit.distance));
  }
  return overlap;
}

void moveFoot(std::map<std::string, Mesh>& placed, const std::function<glm::vec3(const glm::vec3&)>& move) {
  for (auto& [name, mesh] : placed) {
    if (!turnsWithTheFoot(name)) continue;
    for (glm::vec3& p : mesh.positions) p = move(p);
  }
}

void standFootNeutral(std::map<std::string, Mesh>& placed, const std::string& folder) {
  const auto need = [&](const std::string& name) -> const Mesh& {
    if (!placed.count(name))
      throw InputError(folder, "", "has no " + name + " surface, which sets the foot's turn to neutral",
                       "point --subject at a folder of one subject's lower-limb STL files");
    return placed.at(name);
  };
  const Mesh &plafond = need("cartilage/tibia_distal"), &talus = need("bone/talus");
  const Mesh &calcaneus = need("bone/calcaneus"), &forefoot = need("bone/phalanges");
  tools::FootTurn turn = tools::neutralFoot(plafond, talus);
  std::printf("the talar dome's circle: centre (%.4f, %.4f, %.4f) m, radius %.1f mm, rms residual %.2f mm\n",
              turn.centre.x, turn.centre.y, turn.centre.z, turn.radius * 1000, turn.rmsResidual * 1000);
  // The angle and the axis depend on each other a little: each found again with the other.
  tools::levelTheSole(turn, calcaneus, forefoot);
  const double change = tools::keepJointSpacing(turn, plafond, talus);
  tools::levelTheSole(turn, calcaneus, forefoot);
  std::printf("the ankle's axis, where the joint keeps its spacing best: (%.4f, %.4f, %.4f) m, spacing changed by "
              "%.2f mm on average; the foot turned %.1f degrees (toes up) to rest heel and ball level\n",
              turn.centre.x, turn.centre.y, turn.centre.z, change * 1000, turn.degrees);
  const Overlap before = talusInPlafond(placed);
  moveFoot(placed, [&turn](const glm::vec3& p) { return turn.apply(p); });
  const Overlap after = talusInPlafond(placed);
  // The dome is not quite a cylinder (it is wider in front), so the turn leaves about a
  // millimetre of overlap at the plafond's rim, inside the joint where nothing shows.
  std::printf("talus in the distal tibial cartilage: %zu vertices %.1f mm deep before the turn, %zu %.1f mm after it\n",
              before.vertices, before.deepest * 1000, after.vertices, after.deepest * 1000);
}

int run(const std::string& subject, const std::string& anatomy, const std::string& out, const std::string& glb) {
  const anatomy::Description described = anatomy::loadDescription(anatomy);
  const anatomy::Landmark* ankle = described.findLandmark("ankle_joint_centre");
  if (!ankle) throw InputError(anatomy, "landmarks.json", "has no ankle_joint_centre", "restore the landmark");
  const Sources sources = readSubject(subject);
  const tools::LegFrame frame = frameOf(sources, subject, ankle->position);
  std::map<std::string, Mesh> placed;
  for (const auto& [name, source] : sources) placed[name] = inModelFrame(source, frame);
  standFootNeutral(placed, subject);
  std::vector<geometry::NamedSurface> surfaces;
  size_t sourceTriangles = 0, keptTriangles = 0;
  Deviation worst;
  double meanSum = 0;
  std::printf("%-44s %9s %9s %9s %9s\n", "surface", "source", "kept", "mean mm", "max mm");
  for (const auto& [name, model] : placed) {
    Deviation d;
    Mesh kept = fewestTrianglesWithin(model, d);
    std::printf("%-44s %9zu %9zu %9.3f %9.3f\n", name.c_str(), model.triangleCount(), kept.triangleCount(), d.mean * 1000,
                d.max * 1000);
    sourceTriangles += model.triangleCount();
    keptTriangles += kept.triangleCount();
    worst.mean = std::max(worst.mean, d.mean);
    worst.max = std::max(worst.max, d.max);
    meanSum += d.mean;
    surfaces.push_back({name, std::move(kept)});
  }
  if (!glb.empty()) {
    std::vector<geometry::NamedMesh> named;
    for (geometry::NamedSurface& s : surfaces) {
      s.mesh.computeNormals();
      named.push_back({s.name, &s.mesh});
    }
    geometry::writeGlb(glb, named);
  }
  float step = 0;
  const std::string bytes = geometry::encodeMeshPack(surfaces, &step);
  writeFileAtomically(out, bytes);
  std::printf("%zu surfaces: %zu triangles kept of %zu; deviation from the source: mean %.3f mm (worst surface %.3f), "
              "max %.3f mm; grid step %.4f mm; %zu bytes written to %s\n",
              surfaces.size(), keptTriangles, sourceTriangles, meanSum / double(surfaces.size()) * 1000, worst.mean * 1000,
              worst.max * 1000, step * 1000, bytes.size(), out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Imports one subject's Visible Human lower-limb surfaces as a measured leg of LegAtlas"};
  std::string subject, anatomy = "assets/anatomy", out, glb;
  app.add_option("--subject", subject, "folder of the subject's left-limb STL files")->required()->check(CLI::ExistingDirectory);
  app.add_option("--anatomy", anatomy, "the described leg (its ankle sets how the limb leans)");
  app.add_option("--out", out, "mesh pack to write, e.g. assets/legs/female.pack")->required();
  app.add_option("--glb", glb, "also write the kept surfaces as a GLB, to look at in any glTF viewer");
  CLI11_PARSE(app, argc, argv);
  try {
    return run(subject, anatomy, out, glb);
  } catch (const InputError& e) {
    std::fprintf(stderr, "legatlas-import-leg: %s\n", e.what());
    return kExitInputError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "legatlas-import-leg: %s: %s\n", subject.c_str(), e.what());
    return kExitInputError;
  }
}
