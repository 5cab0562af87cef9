#pragma once
// What the generator does with a measured leg's surfaces: which bones and muscles they
// are, the fibres of a measured muscle, and the tendon its measured belly still lacks.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "anatomy/measured_landmarks.h"
#include "geometry/mesh.h"

namespace legatlas::anatomy {

// The surfaces of `names` not yet given to a tissue, joined into one mesh (each marked
// used); nullopt when the leg has none of them. `shared` tells whether some of the
// names had been given already (the female's metatarsals are one surface with her
// phalanges, the adductor magnus one with its hamstring part).
std::optional<geometry::Mesh> takeMeasured(const std::vector<std::string>& names, const MeasuredSurfaces& surfaces,
                                           std::set<std::string>& used, bool* shared = nullptr);

// The surfaces of `names` joined into one mesh; nullopt when the leg lacks any of them
// (the cartilage over a bone's end, the muscles on a bone's faces).
std::optional<geometry::Mesh> allMeasured(const std::vector<std::string>& names, const MeasuredSurfaces& surfaces);

// Where each vertex of a measured belly lies along the muscle's path: 0 at the origin,
// 1 at the insertion (its closest point on the path, as a fraction of the path's length).
std::vector<float> fractionsAlong(const geometry::Mesh& belly, const std::vector<glm::vec3>& path);

// Fascicle directions on a measured belly (its tangents), from a harmonic field held at
// 0 on the belly's end toward the origin and 1 on its end toward the insertion
// (geometry/fibre_field.h).
void setMeasuredFibres(geometry::Mesh& belly, const std::vector<float>& along);

// The centre of a measured belly's end toward its insertion (or its origin): of its
// vertices furthest along the muscle's path (`along`, as fractionsAlong gives).
std::optional<glm::vec3> bellyEndCentre(const geometry::Mesh& belly, const std::vector<float>& along, bool atInsertion);

// The tendon a measured belly lacks at its insertion end (or its origin end): a path from
// the centre of the belly's end, along the muscle's path beyond it, to the attachment.
// Nullopt when the belly reaches within `reach` of the attachment.
std::optional<std::vector<glm::vec3>> missingTendon(const geometry::Mesh& belly, const std::vector<float>& along,
                                                    const std::vector<glm::vec3>& path, bool atInsertion, float reach);

// Moves every origin and insertion that names a bone onto the closest point of that
// bone's surface (`bones`: bone id -> its mesh).
void placeAttachmentsOnBones(Description& d, const std::map<std::string, const geometry::Mesh*>& bones);

}  // namespace legatlas::anatomy
