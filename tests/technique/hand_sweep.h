#pragma once
// The therapist's hands over a lesson as a student sees them: played through the track
// (which blends the hands between the moments it solves) at ten frames a second, each
// frame measured on the leg itself: the contact patch on the skin, nothing sunk into it,
// the gliding hand's fingers leading, the kneading hands taking turns.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "technique/animator.h"
#include "technique/hand_placement.h"
#include "technique/leg_model.h"

namespace legatlas::testing {

// The worst of a measure over a lesson, and where it was; with the worst per technique.
struct Worst {
  float value = 0;
  std::string where;
  std::map<std::string, float> byTechnique;
  void keep(float v, const std::string& at, const std::string& technique);
  std::string each() const;
};

struct HandFindings {
  Worst patchOff, sunk, fingerTurn;
  int frames = 0, kneadingFrames = 0, bothGripping = 0;
  float mostGrip[2] = {0, 0};
};

class HandSweep {
 public:
  HandSweep(const technique::LegModel& leg, std::shared_ptr<const technique::HandPlacer> placer)
      : leg_(leg), placer_(std::move(placer)) {}

  HandFindings play(const std::vector<technique::Stroke>& strokes, const std::string& lesson) const;

  // How far p lies outside the skin, measured on the leg itself (negative inside).
  float aboveSkin(const glm::vec3& p) const;
  // The deepest any vertex of the posed, placed hand lies inside the skin.
  float deepestInside(const technique::PlacedHand& hand) const;
  // How far the deepest vertex of the hand's contact patch lies from where it should rest:
  // the skin pressed in by the hand's dent, or raised by what it rests on.
  float patchOffSkin(const technique::PlacedHand& hand) const;
  // From the middle finger's knuckle to its tip.
  glm::vec3 middleFinger(const technique::PlacedHand& hand) const;

 private:
  using Runs = std::vector<std::vector<uint32_t>>;
  float lowestAboveSkin(const std::vector<glm::vec3>& points, const Runs& runs) const;
  std::vector<glm::vec3> placedVertices(const technique::PlacedHand& hand) const;

  const technique::LegModel& leg_;
  std::shared_ptr<const technique::HandPlacer> placer_;
};

// The hands' done-when over one lesson's findings: the patch within 3 mm of the skin,
// nothing deeper than the dent plus its allowance, the gliding middle finger within 30
// degrees of the stroke, the kneading hands squeezing in turn.
void expectHandsHold(const HandFindings& found);

}  // namespace legatlas::testing
