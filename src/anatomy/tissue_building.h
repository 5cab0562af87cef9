#pragma once
// What the generator's parts share: a centre line swept into a tissue and placed clear of
// what is placed, its coarse copy, and the measured surfaces a leg provides.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "anatomy/model_generator.h"
#include "anatomy/tissue_fitting.h"
#include "geometry/sweep.h"

namespace legatlas::anatomy {

// Lets the mesher use larger triangles where bone and skin are flat (OpenVDB's adaptive
// meshing keeps the surface closed).
inline constexpr float kLevelSetAdaptivity = 0.1f;
// The coarse level of detail, drawn where a pixel spans over a millimetre: level-set
// surfaces simplified to within half of that, tubes and nodes with fewer segments.
inline constexpr float kCoarseError = 0.0006f;
// Fraction of a muscle's length at each end over which it may still blend into what it
// attaches to (bone, a common tendon); beyond it, it is kept clear of other tissue.
inline constexpr float kAttachmentBlend = 0.12f;
// Pieces of a cut muscle smaller than this fraction of its main body are dropped.
inline constexpr float kCrumbFraction = 0.05f;
inline constexpr float kBelowDrawnTop = 0.01f;  // measured surfaces are cut this far under the drawn top

// Without a hint, a muscle's or tendon's thickness points away from the limb's axis
// (hip joint centre to ankle joint centre), so flat bands lie on the limb, not across it.
glm::vec3 outwardFromLimbAxis(const std::vector<glm::vec3>& path, const Description& d);

geometry::Mesh sweepProfile(const std::vector<glm::vec3>& path, const std::vector<CrossSection>& profile,
                            std::optional<glm::vec3> thicknessHint);

// For pushing a swept tissue clear: full strength along it, fading to nothing at its
// attachments (its (u,v)'s u, 0 to 1 along the sweep).
float awayFromAttachments(const geometry::Mesh& mesh, size_t vertex);

// The coarse level of detail of a bone, muscle, tendon or the skin: the full mesh's own
// vertices, with their normals and fibres, on far fewer triangles.
geometry::Mesh coarseOf(const geometry::Mesh& full);

// Drapes the sweep over what lies beneath, cuts out whatever it still engulfs, and
// re-meshes it, keeping the sweep's (u,v) and fibre directions.
void placeSweptTissue(GeneratedTissue& tissue, const std::vector<glm::vec3>& path, PlacedTissues& placed);

// Adds a piece (a tendon, a slip) to a tissue, in both levels of detail.
void appendPiece(GeneratedTissue& tissue, const GeneratedTissue& piece);

// "Measured on the Visible Human Female (...)", for a measured tissue's facts.
std::string measuredFact(const MeasuredSource& source);

// A measured surface, cut where the drawn body ends: just under the highest skin
// section (the psoas rises on to the lumbar spine, above it).
std::optional<geometry::Mesh> measuredSurface(const std::vector<std::string>& names, const Description& d,
                                              const MeasuredSource& source, std::set<std::string>& used, bool& shared);

}  // namespace legatlas::anatomy
