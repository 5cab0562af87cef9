#pragma once
// The anatomical description of the leg, as read from assets/anatomy/*.json: landmarks,
// bones, muscles, tendons, lymph nodes and vessels, veins and skin regions. Every point is
// resolved to model-frame metres; where a point was written as a landmark, its id is kept.
#include <functional>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace legatlas::anatomy {

struct Landmark {
  std::string id, name, note;
  glm::vec3 position{0.0f};
};

struct Point {
  glm::vec3 position{0.0f};
  std::string landmark;  // empty when written as coordinates
};

struct Attachment {
  Point point;
  std::string bone;  // empty when the attachment is not on bone (e.g. a tendon's muscle end)
  std::string area;  // the attachment area in words
  // A tendon that divides into slips, one to each toe (extensor and flexor digitorum
  // longus): where each slip inserts on `bone`, and how far before the slips' ends the
  // tendon divides. `point` stays the slips' representative point.
  std::vector<Point> slips;
  float dividesBefore = 0.0f;  // metres
  // A muscle that ends in a tendon drawn as a tissue of its own part-way along it (tensor
  // fasciae latae in the iliotibial tract): that tendon's id. A measured belly is then
  // given no tendon of its own to `point`.
  std::string into;
};

struct BonePart {
  enum class Kind { Capsule, Ellipsoid, Sheet } kind = Kind::Ellipsoid;
  std::string name;
  Point from, to;  // capsule
  float radiusFrom = 0, radiusTo = 0;
  Point center;  // ellipsoid
  glm::vec3 radii{0.0f};
  glm::vec3 rotationDegrees{0.0f};
  std::vector<Point> sheet;  // sheet: a fan of triangles around the first point
  float thickness = 0;
};

// On a measured leg, a bone the data lack that lies between measured muscles (the iliac
// wing between iliacus and the small and middle gluteals): the bone also fills the space
// between the `inner` and `outer` surfaces where they lie within `thickness` of each other,
// near its described parts, and is kept out of them and out of `clearOf`.
struct BetweenMuscles {
  std::vector<std::string> inner, outer, clearOf;
  float thickness = 0;
  std::optional<Point> above;  // only above this height (the iliac wing above the acetabulum)
};

struct Bone {
  std::string id, name, note;
  std::vector<BonePart> parts;
  // Measured surfaces that are this bone on a measured leg (e.g. "bone/tibia"); a leg that
  // lacks them builds the bone from its parts.
  std::vector<std::string> measured;
  // A measured leg's cartilage over each end of the bone, when the leg lacks the bone
  // itself: the bone drawn from its parts is fitted to them (bone_fitting.h).
  std::vector<std::vector<std::string>> caps;
  std::vector<BetweenMuscles> between;
  // A measured bone of the midline (the sacrum): the data hold the whole of it, a right
  // leg draws the half right of its own midline.
  bool halved = false;
};

// Width and thickness of a muscle or tendon at fraction t of its path (0 origin, 1 insertion).
struct CrossSection {
  float t = 0, width = 0, thickness = 0;
};

enum class Depth { Superficial, Intermediate, Deep };

struct Muscle {
  std::string id, name;
  Attachment origin, insertion;
  std::vector<Point> via;  // ordered origin -> insertion
  float tendonAtOrigin = 0, tendonAtInsertion = 0;  // fractions of the path
  std::vector<CrossSection> profile;
  std::optional<glm::vec3> thicknessAxis;
  Depth depth = Depth::Superficial;
  std::string compartment, surface, fibres, action, massageNotes, partOf;
  std::vector<std::string> opensim;
  // The measured surface that is this muscle's belly on a measured leg ("muscle/soleus");
  // a leg that lacks it sweeps the muscle from its path and profile.
  std::vector<std::string> measured;

  // Origin, via points, insertion.
  std::vector<glm::vec3> path() const;
};

struct Tendon {
  std::string id, name, notes;
  Attachment origin, insertion;
  std::vector<Point> via;
  std::vector<CrossSection> profile;
  Depth depth = Depth::Superficial;
  std::vector<std::string> muscles;  // muscles whose force it carries
  std::vector<glm::vec3> path() const;
};

struct LymphNode {
  std::string id, name, group, depth, drains, drainsTo;
  glm::vec3 position{0.0f}, radii{0.0f};
};

struct LymphVessel {
  std::string id, name, bundle, endsAt, drains;
  std::vector<glm::vec3> path;  // in the direction of flow
};

struct Vein {
  std::string id, name, endsAt;
  float radius = 0;
  std::vector<glm::vec3> path;  // in the direction of venous return
};

struct Region {
  std::string id, name, kind, drainsTo, why;
  std::optional<glm::vec2> heightRange;   // y
  std::optional<glm::vec2> angleDegrees;  // around the limb axis, from anterior toward lateral
  std::optional<glm::vec3> centre;
  float radius = 0;                          // around the centre, or around the segment
  std::optional<glm::vec2> depthRange;       // z, for regions that are not a band around the limb
  std::optional<std::pair<glm::vec3, glm::vec3>> segment;  // a region along a line (the tibial crest)
  std::string facing;    // which way a region bounded by depth faces: superior, posterior, inferior
  std::string position;  // the client's position for work here: supine, prone or side_lying
  // An endangerment site says what it bars: the firmest pressure any technique may use
  // over it, and the techniques it bars at every pressure (ids of the catalogue).
  std::string highestPressure;
  std::vector<std::string> barredTechniques;
};

// The reference outline of the skin at height y: an ellipse in the horizontal plane.
struct SkinSection {
  float y = 0;
  glm::vec2 centreXZ{0.0f}, radiiXZ{0.0f};
};

// Where bone lies just under the skin (tibial crest, patella, malleoli): within `radius`
// of the segment from `from` to `to`, the skin leaves the reference outline and lies the
// thinnest fat's depth over what is beneath.
struct LeanSpot {
  std::string name;
  glm::vec3 from{0.0f}, to{0.0f};
  float radius = 0;
};

struct Description {
  std::string directory;
  std::vector<Landmark> landmarks;
  std::vector<Bone> bones;
  std::vector<Muscle> muscles;
  std::vector<Tendon> tendons;
  std::vector<LymphNode> nodes;
  std::vector<LymphVessel> vessels;
  std::vector<Vein> veins;
  std::vector<Region> regions;
  std::vector<SkinSection> skinSections;  // ordered from top to bottom
  std::vector<BonePart> footOutline;      // solids whose union outlines the foot
  float soleHeight = 0;                   // y of the ground under the foot
  std::vector<LeanSpot> leanSpots;

  const Landmark* findLandmark(const std::string& id) const;
  const Muscle* findMuscle(const std::string& id) const;
  const Tendon* findTendon(const std::string& id) const;
  const LymphNode* findNode(const std::string& id) const;
};

// Reads and checks every file of `directory`. Throws InputError naming the file, the field
// path (e.g. "muscles[4].insertion.point") and what to do.
Description loadDescription(const std::string& directory);

std::string_view depthName(Depth depth);

}  // namespace legatlas::anatomy
