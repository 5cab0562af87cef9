#pragma once
// Placing one subject's left-limb surfaces in the model frame as a right leg (DESIGN.md:
// metres, +X the subject's right = lateral, +Y superior, +Z anterior, origin at the
// centre of the femoral head). The scanner's axes differ between subjects, so they are
// read from the anatomy itself: superior from the ankle toward the femoral head, lateral
// away from the sacrum, anterior toward the patella. Then the limb turns about the hip
// so that its mechanical axis (hip to ankle) leans as the described leg's does; the male
// subject was scanned with his limb abducted by about nine degrees.
#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>
#include <vector>

#include "geometry/mesh.h"

namespace legatlas::tools {

// Area-weighted centre of a surface.
glm::dvec3 surfaceCentroid(const geometry::Mesh& mesh);

struct LegFrame {
  glm::dvec3 hipCentre{0.0};  // scanner millimetres
  glm::dmat3 axes{1.0};       // scanner direction -> model direction (a mirror for a left limb)
  glm::dmat3 turn{1.0};       // then about the hip, aligning the mechanical axis
  double turnDegrees = 0;
  bool mirrors() const;       // the whole change flips triangles' winding
  glm::vec3 toModel(const glm::vec3& scannerMillimetres) const;
};

// `hipCentre` from the femoral-head cartilage; the other centres are centroids of the
// distal tibial cartilage (on the talar dome: the female's own talar cartilage is a
// fragment), the sacrum, the patella and the distal femoral cartilage.
// `describedAnkle` is the ankle joint centre of the described leg (model frame).
LegFrame placeLeftLimb(const glm::dvec3& hipCentre, const glm::dvec3& ankle, const glm::dvec3& sacrum,
                       const glm::dvec3& patella, const glm::dvec3& distalFemur, const glm::dvec3& describedAnkle);

// The foot's turn to stand neutral: the subjects lay with their feet plantarflexed. The
// foot turns about the ankle's mediolateral axis until the ball of the foot and the heel
// rest at one level, as on a floor.
struct FootTurn {
  glm::vec3 centre{0.0f};              // on the axis, model frame
  double radius = 0, rmsResidual = 0;  // of the fitted circle, metres
  double degrees = 0;                  // positive lifts the toes
  glm::vec3 apply(const glm::vec3& p) const;
};

// The axis, first found: through the centre of the circle fitted, in the sagittal plane,
// to the talus's upper surface under the distal tibial cartilage (the trochlea).
FootTurn neutralFoot(const geometry::Mesh& distalTibialCartilage, const geometry::Mesh& talus);

// The turn's angle about its axis that brings the lowest point of the ball of the foot
// (the forefoot's bones where the metatarsal heads lie) level with the heel's.
void levelTheSole(FootTurn& turn, const geometry::Mesh& calcaneus, const geometry::Mesh& forefoot);

// Moves the turn's axis (within 12 mm in the sagittal plane) to where the joint keeps
// its spacing best: the talus's points near the plafond's cartilage stay as far from it,
// on the same side, as before the turn. The fitted circle finds the dome roughly; this
// finds the axis the two joint surfaces share. Returns the mean change left, metres.
double keepJointSpacing(FootTurn& turn, const geometry::Mesh& distalTibialCartilage, const geometry::Mesh& talus);

}  // namespace legatlas::tools
