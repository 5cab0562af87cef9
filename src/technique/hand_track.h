#pragma once
// The therapist's hands over one list of strokes as it plays. Each hand is solved against
// the skin (HandPlacer) at every tenth of a second of its stroke and kept once solved. What
// a solution keeps is how the solver *fixed* the hand it was asked for: where the hand lies
// seen from its target on the skin, and each bone's turn away from the asked pose. A frame
// asks for the hands of its own moment (the pose, the grip, the target: cheap) and applies
// the fixes blended between the two solutions around it, so the grip's cycle and the
// stroke's turns are exact and only the fixes are interpolated. Two solutions may have
// been fixed differently (a finger straightened in one, the hand moved ahead in the other),
// so the blend between them is checked against the skin at a few moments and moved by what
// those checks found (interpolated between them); where the checks fail, the tenth is
// split in halves (solved at its middle too), and those again, and only where a quarter
// still fails is the moment itself solved. A worker thread makes the tenths just ahead of
// playback ready (solutions and checks), at the lowest priority so that drawing keeps the
// cores, and a played frame costs a blend; a jump of playback makes its tenth ready at
// once. The result depends on the moment alone, never on which moments were asked for
// before or by which thread, so a still, a scrub and a played frame of the same moment agree.
#include <glm/gtc/quaternion.hpp>
#include <array>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "technique/animator.h"
#include "technique/hand_placement.h"

namespace legatlas::technique {

class HandTrack {
 public:
  static constexpr float kSolveEvery = 0.1f;  // seconds between solutions of a stroke

  // Follows `strokes` (its own copy). A worker thread solves the tenths just ahead of the
  // moments asked for, so that playback finds them ready.
  HandTrack(std::shared_ptr<const HandPlacer> placer, std::vector<Stroke> strokes);
  ~HandTrack();
  HandTrack(const HandTrack&) = delete;
  HandTrack& operator=(const HandTrack&) = delete;

  // As HandPlacer::place, for this track's strokes: `pose` is poseAt(strokes(), time).
  void place(float time, Pose& pose) const;

  const HandPlacer& placer() const { return *placer_; }
  const std::vector<Stroke>& strokes() const { return strokes_; }

  // (Public so the blend's checks in hand_track.cpp can read them.)
  // One hand as solved at one moment, and how the solver fixed it: its placement seen from
  // its target's frame on the skin (HandTarget), and per bone the turn from the asked one.
  struct SolvedHand {
    PlacedHand hand;
    HandTarget target;  // as asked
    glm::mat4 onTarget{1.0f};
    std::vector<glm::quat> fixes;
  };
  struct Solved {
    std::vector<SolvedHand> hands;
    bool pressing = false;  // HandRequests::pressing then
  };
  // Per hand, the move off the skin its blend needs at the checked moments of one tenth
  // (shares k / kChecks, k = 0..kChecks; nothing at the two ends, which are solutions);
  // empty when the two solutions cannot be blended (fixed too differently, other hands,
  // patches or phases, a target that jumps between them, or a blend that would have to
  // rise off the skin).
  static constexpr int kChecks = 4;
  using Lifts = std::vector<std::array<float, kChecks + 1>>;
  // A tenth of a stroke (or a part of one), ready to blend: the solutions at its two ends
  // and its checks; where those fail, its two halves (none when it is not split).
  static constexpr int kParts = 4;  // a tenth is split at most into quarters
  struct Tenth {
    std::shared_ptr<const Solved> before, after;
    Lifts lifts;
    float from = 0, to = 0;  // the moments it spans
    std::array<std::shared_ptr<const Tenth>, 2> halves;
  };

 private:
  using Key = std::pair<int, int>;  // (stroke, tenth of its time)
  using Part = std::pair<int, int>;  // (stroke, quarter of a tenth of its time): where solutions lie
  // The moment of a quarter-tenth mark of a stroke: kept inside the stroke's own span (the
  // hands last until the next stroke begins), so the same hands are solved.
  float momentOf(const Part& part) const;
  // The moments a tenth spans; none when it is too short to blend (the next stroke begins).
  std::optional<std::pair<float, float>> momentsOf(const Key& key) const;
  std::shared_ptr<const Solved> solvedAt(const Part& part) const;
  std::shared_ptr<const Tenth> tenthOf(const Key& key) const;
  // The tenth's part between two quarter-tenth marks, checked, and split where that fails.
  std::shared_ptr<const Tenth> spanOf(int stroke, int from, int to) const;
  Solved solve(float time) const;
  Lifts check(const Solved& a, const Solved& b, float before, float after) const;
  void askAhead(const Key& key) const;
  void work();

  std::shared_ptr<const HandPlacer> placer_;
  std::vector<Stroke> strokes_;
  mutable std::mutex mutex_;
  mutable std::map<Part, std::shared_ptr<const Solved>> solved_;
  mutable std::map<Key, std::shared_ptr<const Tenth>> tenths_;
  mutable std::deque<Key> wanted_;  // tenths the worker is to make ready, soonest first
  mutable std::set<Key> making_;    // tenths a thread is making now
  mutable std::condition_variable wake_, made_;
  bool stopping_ = false;
  std::thread worker_;
};

// A rigid frame part way (`share` 0..1) from `a` to `b`: turned along the shortest arc,
// moved along the straight line.
glm::mat4 blendFrames(const glm::mat4& a, const glm::mat4& b, float share);

}  // namespace legatlas::technique
