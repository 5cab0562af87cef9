#include "anatomy/tissue_building.h"

#include <algorithm>
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "anatomy/measured_tissues.h"
#include "anatomy/tendon_slips.h"
#include "geometry/attribute_transfer.h"
#include "geometry/mesh_clip.h"
#include "geometry/mesh_simplify.h"

namespace legatlas::anatomy {

float awayFromAttachments(const geometry::Mesh& mesh, size_t vertex) {
  const float t = mesh.uvs[vertex].x;
  return std::min(glm::smoothstep(0.0f, kAttachmentBlend, t), glm::smoothstep(1.0f, 1.0f - kAttachmentBlend, t));
}

glm::vec3 outwardFromLimbAxis(const std::vector<glm::vec3>& path, const Description& d) {
  const Landmark* hip = d.findLandmark("hip_joint_centre");
  const Landmark* ankle = d.findLandmark("ankle_joint_centre");
  const glm::vec3 top = hip ? hip->position : glm::vec3(0.0f);
  const glm::vec3 bottom = ankle ? ankle->position : glm::vec3(0.0f, -1.0f, 0.0f);
  const glm::vec3 middle = path[path.size() / 2];
  const glm::vec3 axis = glm::normalize(bottom - top);
  const glm::vec3 onAxis = top + axis * glm::dot(middle - top, axis);
  const glm::vec3 outward = middle - onAxis;
  return glm::length(outward) > 1e-4f ? glm::normalize(outward) : glm::vec3(0, 0, 1);
}

geometry::Mesh sweepProfile(const std::vector<glm::vec3>& path, const std::vector<CrossSection>& profile,
                            std::optional<glm::vec3> thicknessHint) {
  geometry::SweepOptions options;
  options.samplesAlong = 64;
  options.segmentsAround = 20;
  options.thicknessHint = thicknessHint;
  return geometry::sweep(path, [&profile](float t) { return sectionAt(profile, t); }, options);
}

geometry::Mesh coarseOf(const geometry::Mesh& full) { return geometry::simplifiedWithin(full, kCoarseError); }

void placeSweptTissue(GeneratedTissue& tissue, const std::vector<glm::vec3>& path, PlacedTissues& placed) {
  placed.pushOut(tissue.mesh, [&tissue](size_t v) { return awayFromAttachments(tissue.mesh, v); });
  geometry::LevelSet solid = geometry::LevelSet::fromMesh(tissue.mesh, kFittingVoxel, kPlacedBand);
  placed.carve(solid, AttachmentEnds(path, kAttachmentBlend / 2));
  geometry::Mesh carved = solid.toMesh(kLevelSetAdaptivity);
  carved.removeSmallPieces(kCrumbFraction);
  geometry::transferSurfaceAttributes(tissue.mesh, carved);
  tissue.coarse = coarseOf(carved);
  tissue.mesh = std::move(carved);
  placed.add(solid);
}

void appendPiece(GeneratedTissue& tissue, const GeneratedTissue& piece) {
  tissue.mesh.append(piece.mesh);
  tissue.coarse.append(piece.coarse);
}

std::string measuredFact(const MeasuredSource& source) {
  return "Measured on the " + source.credit + " (Andreassen et al. 2022, CC BY 4.0)";
}

std::optional<geometry::Mesh> measuredSurface(const std::vector<std::string>& names, const Description& d,
                                              const MeasuredSource& source, std::set<std::string>& used, bool& shared) {
  if (!source.surfaces) return std::nullopt;
  std::optional<geometry::Mesh> mesh = takeMeasured(names, *source.surfaces, used, &shared);
  if (mesh && !d.skinSections.empty()) geometry::clipAbove(*mesh, d.skinSections.front().y - kBelowDrawnTop);
  return mesh;
}

}  // namespace legatlas::anatomy
