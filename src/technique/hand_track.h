#pragma once
// The therapist's hands over one list of strokes as it plays. Each hand is solved against
// the skin (HandPlacer) at every tenth of a second of its stroke, kept once solved, and
// blended between the two solutions around the moment asked for: a frame costs a blend,
// and a solve only when playback enters the next tenth. The result depends on the moment
// alone, never on which moments were asked for before, so a still, a scrub and a played
// frame of the same moment agree.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "technique/animator.h"
#include "technique/hand_placement.h"

namespace legatlas::technique {

class HandTrack {
 public:
  static constexpr float kSolveEvery = 0.1f;  // seconds between solutions of a stroke

  explicit HandTrack(std::shared_ptr<const HandPlacer> placer);

  // As HandPlacer::place, for the strokes this track follows: the same list every call
  // (its solutions are kept by stroke index; a list of another length starts afresh).
  void place(const std::vector<Stroke>& strokes, float time, Pose& pose) const;

  const HandPlacer& placer() const { return *placer_; }

  // (Public so the blend's check in hand_track.cpp can read it.)
  // The hands and the skin's dents HandPlacer gives at one solved moment, and the stroke's
  // contact then (direction, across, normal, position: a frame on the skin).
  struct Solved {
    std::vector<PlacedHand> hands;
    std::vector<SkinDent> dents;
    glm::mat4 contactFrame{1.0f};
  };

 private:
  const Solved& solvedAt(const std::vector<Stroke>& strokes, int stroke, int tenth, float time) const;

  std::shared_ptr<const HandPlacer> placer_;
  mutable std::mutex mutex_;
  mutable std::map<std::pair<int, int>, Solved> solved_;  // by (stroke, tenth of its time)
  mutable size_t strokeCount_ = 0;
};

// The contact's frame on the skin: the stroke's direction, across it, the skin's outward
// normal, and the point, as the columns of a rigid transform.
glm::mat4 contactFrameOf(const ContactPoint& c);

// The hand part way (`share` 0..1) from `a` to `b`: the placement turned and moved, each
// bone turned, grip and press in between. The two must be the same hand on the same patch.
PlacedHand blendHands(const PlacedHand& a, const PlacedHand& b, float share);

}  // namespace legatlas::technique
