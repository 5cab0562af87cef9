#pragma once
// What is drawn over and into the leg while a stroke plays: the hands (and stone or
// pad) as shaded solids, the skin pressed in or lifted under them, the trail the contact
// has left, an arrow the way it travels, and the tissue being worked on.
#include <glm/gtc/type_precision.hpp>
#include <glm/mat3x3.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <memory>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::scene {

// An ellipsoid whose semi-axes are the columns of `axes`.
struct SolidEllipsoid {
  glm::vec3 centre{0.0f};
  glm::mat3 axes{1.0f};
  glm::vec3 color{0.8f};
};

// Surfaces within `radius` of `centre` move by `depth` metres against `normal`
// (negative depth lifts them), fading smoothly to nothing at the radius.
struct SurfaceDent {
  glm::vec3 centre{0.0f}, normal{0.0f, 0.0f, 1.0f};
  float depth = 0, radius = 0;
};

inline constexpr int kMostSurfaceDents = 2;  // as many as the surface shader takes

struct TrailPoint {
  glm::vec3 position{0.0f}, normal{0.0f, 0.0f, 1.0f};
  float opacity = 1;  // fades with age
};

struct DirectionArrow {
  glm::vec3 tip{0.0f}, direction{0.0f, 1.0f, 0.0f}, normal{0.0f, 0.0f, 1.0f};
  float length = 0.04f;
  glm::vec3 color{1.0f, 0.45f, 0.15f};
  bool hiddenBehindTissue = false;  // false: shows through what is in front (a stroke's arrow)
};

// A surface painted in translucent colours over the model, e.g. lymph territories on the
// skin. Uploaded once; `version` changes when the content does.
struct TintedSurface {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec4> colors;
  std::vector<uint32_t> indices;
  int version = 0;
};

// The therapist's hands in their rest pose, to be skinned as they are drawn: the right
// hand and its mirror, with one set of bone indices and weights for both (the mirror
// keeps the vertex order). Uploaded once per object.
struct HandSkin {
  struct Level {
    geometry::Mesh right, left;  // hand frame, metres; the left the right mirrored, vertex for vertex
    std::vector<glm::u8vec4> boneIndices;
    std::vector<glm::vec4> boneWeights;  // summing to 1
  };
  Level fine;
  Level coarse;  // fewer triangles, for hands small on screen: within kCoarseHandError of the fine
};

inline constexpr float kCoarseHandError = 0.0012f;  // metres

inline constexpr size_t kMostSkinnedHandBones = 32;  // the length of the shader's bone array

// A hand drawn this frame: the bones' skinning matrices (hand frame, at most
// kMostSkinnedHandBones), then the placement into the model frame.
struct SkinnedHand {
  enum class Side { Right, Left } side = Side::Right;
  glm::mat4 placement{1.0f};
  std::vector<glm::mat4> bones;
  float opacity = 1;  // below 1 the hand is drawn translucent, over what it covers
  bool forearmFades = true;  // the forearm fades out toward its cut end (false: drawn whole, as cut)
};

struct Trail {
  std::vector<TrailPoint> points;  // in order of travel
  glm::vec3 color{1.0f, 0.75f, 0.2f};
};

struct Overlays {
  std::vector<SolidEllipsoid> solids;
  std::vector<SkinnedHand> hands;
  std::shared_ptr<const HandSkin> handSkin;  // what `hands` are skinned from
  std::vector<SurfaceDent> dents;  // at most kMostSurfaceDents are used
  std::vector<Trail> trails;
  std::vector<DirectionArrow> arrows;
  const TintedSurface* tint = nullptr;
  int workedTissue = -1;  // scene tissue index highlighted while the stroke works on it

  bool empty() const { return solids.empty() && hands.empty() && dents.empty() && trails.empty() && arrows.empty() && !tint && workedTissue < 0; }
};

// The skin standing out where fluid swells it (the edema simulation): metres along the
// normal for each vertex of each scene mesh, indexed as Scene::meshes (an empty list for
// a mesh that does not swell). Uploaded when `version` changes.
struct Swelling {
  std::vector<std::vector<float>> outwardByMesh;
  bool showFluid = true;  // colour the skin by the fluid it holds
  int version = 0;
};

// The room around the leg when the client lies on a table: the table (opaque), a faint
// body lying with the leg so the head end is plain, and marks on the table such as the
// arrow toward the heart. Uploaded once; `version` changes when the content does.
struct Surroundings {
  geometry::Mesh table, body;  // model frame
  glm::vec3 tableColor{0.30f, 0.36f, 0.44f}, bodyColor{0.86f, 0.72f, 0.62f};
  float bodyOpacity = 0.22f;
  std::vector<DirectionArrow> arrows;
  int version = 0;
};

}  // namespace legatlas::scene
