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

 private:
  // The hands and the skin's dents HandPlacer gives at one solved moment.
  struct Solved {
    std::vector<PlacedHand> hands;
    std::vector<SkinDent> dents;
  };
  const Solved& solvedAt(const std::vector<Stroke>& strokes, int stroke, int tenth, float time) const;

  std::shared_ptr<const HandPlacer> placer_;
  mutable std::mutex mutex_;
  mutable std::map<std::pair<int, int>, Solved> solved_;  // by (stroke, tenth of its time)
  mutable size_t strokeCount_ = 0;
};

// The hand part way (`share` 0..1) from `a` to `b`: the placement turned and moved, each
// bone turned, grip and press in between. The two must be the same hand on the same patch.
PlacedHand blendHands(const PlacedHand& a, const PlacedHand& b, float share);

}  // namespace legatlas::technique
