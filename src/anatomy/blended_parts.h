#pragma once
// A solid described as simple parts (tapered capsules, rotated ellipsoids, thin curved
// sheets) joined with a smooth union, as a signed distance field. Bones are built this
// way, so that a trochanter or a condyle grows out of the shaft instead of sitting on it,
// and so is the outline of the foot under the skin.
#include <vector>

#include "anatomy/description.h"
#include "geometry/level_set.h"

namespace legatlas::anatomy {

class BlendedParts {
 public:
  BlendedParts(const std::vector<BonePart>& parts, float blendRadius);

  float distance(const glm::vec3& p) const;  // metres, negative inside
  const geometry::Bounds& bounds() const { return bounds_; }
  geometry::LevelSet levelSet(float voxelSize, geometry::NarrowBand band) const;

 private:
  struct Part {
    BonePart::Kind kind = BonePart::Kind::Ellipsoid;
    glm::vec3 a{0.0f}, b{0.0f};  // capsule axis
    float radiusA = 0, radiusB = 0;
    glm::vec3 centre{0.0f}, radii{0.0f};
    glm::mat3 toLocal{1.0f};       // ellipsoid: model frame -> its own axes
    std::vector<glm::vec3> sheet;  // centre, then rim
    float halfThickness = 0;
  };
  static float partDistance(const Part& part, const glm::vec3& p);
  void addToBounds(const Part& part);
  std::vector<Part> parts_;
  float blendRadius_;
  geometry::Bounds bounds_;
};

// How far the parts of a bone blend into one another (metres).
inline constexpr float kBoneBlendRadius = 0.004f;

}  // namespace legatlas::anatomy
