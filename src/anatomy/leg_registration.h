#pragma once
// Carries the described leg onto a measured subject, the way OpenSim scales its generic
// model to a subject: segment by segment, between joint centres measured on the
// subject's own bones. Along the limb, each segment (thigh: hip to knee; shank: knee to
// ankle; foot: ankle to floor) is stretched to the subject's length; across it, offsets
// from the segment's axis scale with the leg's length; the foot's length scales with the
// subject's heel-to-toe length. Landmarks measured on the subject replace the carried
// ones, and points written as a landmark follow their landmark.
#include <vector>

#include "anatomy/description.h"
#include "anatomy/measured_landmarks.h"

namespace legatlas::anatomy {

class SegmentWarp {
 public:
  struct Joints {
    glm::vec3 hip{0.0f}, knee{0.0f}, ankle{0.0f};
    float floor = 0, heel = 0, toe = 0;  // floor height; heel and toe z
  };
  SegmentWarp(const Joints& described, const Joints& subject);

  glm::vec3 apply(const glm::vec3& described) const;
  float height(float describedY) const;  // where a described height lies on the subject
  float across() const { return across_; }  // scale of lengths across the limb

 private:
  glm::vec3 axisPoint(const Joints& j, float describedY) const;
  Joints from_, to_;
  float across_ = 1, footLength_ = 1, ankleHeight_ = 1;
};

// Throws InputError naming `subjectName` when a landmark the warp needs (hip, knee and
// ankle joint centres, floor, calcaneal tuberosity, tip of the great toe) was not measured.
SegmentWarp fitSegmentWarp(const Description& described, const std::vector<MeasuredLandmark>& measured,
                           const std::string& subjectName);

// The described leg carried onto the subject: every landmark (measured where it was),
// point, path, cross-section, node, region and skin section.
Description registerDescription(const Description& described, const std::vector<MeasuredLandmark>& measured,
                                const SegmentWarp& warp);

}  // namespace legatlas::anatomy
