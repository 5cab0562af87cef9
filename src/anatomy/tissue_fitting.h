#pragma once
// Keeps generated tissues out of one another. Tissues are placed from the deepest out:
// bones first, then deep, intermediate and superficial muscles, tendons, and last the
// thin structures of the subcutaneous layer. Each new surface is pushed out of everything
// placed before it, so a superficial muscle drapes over the deep one under it the way
// it does in the body, instead of the two passing through each other.
#include <functional>
#include <vector>

#include "geometry/level_set.h"

namespace legatlas::anatomy {

inline constexpr float kFittingVoxel = 0.001f;  // metres
inline constexpr float kContactGap = 0.0004f;   // left between tissues that touch

// The two ends of a muscle or tendon: what lies beyond the cross-sections at `fraction`
// of its centre line's length from each end, within reach of that end.
class AttachmentEnds {
 public:
  AttachmentEnds(const std::vector<glm::vec3>& centreLine, float fraction);
  bool contain(const glm::vec3& p) const;

 private:
  struct End {
    glm::vec3 section;  // centre of the bounding cross-section
    glm::vec3 toward;   // unit direction from it toward the tip
    glm::vec3 tip;
    float reach;
  };
  End ends_[2];
};

class PlacedTissues {
 public:
  PlacedTissues();

  // Moves the vertices of `surface` out of every tissue placed so far, each by at most
  // `strength(vertex)` times its depth of penetration (1 = fully out). Attachment ends
  // use a lower strength: muscles really do blend into bone and common tendons there.
  void pushOut(geometry::Mesh& surface, const std::function<float(size_t vertex)>& strength) const;
  // Moves the points of a thin tube's centre line until they are `clearance` clear.
  void pushOut(std::vector<glm::vec3>& centreLine, float clearance) const;

  // Cuts everything placed so far, with a contact gap around it, out of `solid` except
  // within `ends`: what a new tissue still engulfs after pushing (a coarse sweep around
  // a thin neighbour), while its attachments may still merge with what they attach to.
  void carve(geometry::LevelSet& solid, const AttachmentEnds& ends) const;

  void add(const geometry::Mesh& closedSurface);
  void add(const geometry::LevelSet& solid);

  // Signed distance to the union of placed tissues (clamped to the kept band).
  float distance(const glm::vec3& p) const { return solids_.distance(p); }
  const geometry::LevelSet& solids() const { return solids_; }

 private:
  glm::vec3 pushedOut(glm::vec3 p, float clearance, float strength) const;
  geometry::LevelSet solids_;
};

// Lifts the points of a superficial band's centre line out of what lies beneath it (given
// by its signed distance, negative inside), each along `outward(point)` until `clearance`
// clear, and `strength(index)` of the way so the band's attachments stay on their bones.
// A measured muscle can bulge well beyond where the description drew the band over it
// (the male vastus lateralis under the iliotibial tract): deeper than a field's gradient
// can lead a point out.
void liftOut(std::vector<glm::vec3>& centreLine, const std::function<float(const glm::vec3&)>& signedDistance,
             const std::function<glm::vec3(const glm::vec3&)>& outward, float clearance,
             const std::function<float(size_t index)>& strength);
// The other way: lowers the points of a band's centre line that float further than
// `clearance` above what lies beneath it on to it (a tendon on the muscles it continues:
// the calcaneal tendon on the soleus). Points with nothing beneath within 5 cm stay.
void lowerOnto(std::vector<glm::vec3>& centreLine, const std::function<float(const glm::vec3&)>& signedDistance,
               const std::function<glm::vec3(const glm::vec3&)>& outward, float clearance,
               const std::function<float(size_t index)>& strength);

// Moves the points of a thin tube's centre line into the fat: onto the skin along its
// normal, then inward to half the fat's depth there, but no deeper than needed to keep
// `radius` and a contact gap under the skin. Where the fat is thinner than the tube, the
// tube lies midway.
void placeUnderSkin(const geometry::LevelSet& skin, const PlacedTissues& beneath, std::vector<glm::vec3>& centreLine,
                    float radius);

// The band kept around placed tissues: deep enough inside to find the way out of a deep
// overlap, and far enough outside for the skin's fat layer.
inline constexpr geometry::NarrowBand kPlacedBand{0.014f, 0.025f};

}  // namespace legatlas::anatomy
