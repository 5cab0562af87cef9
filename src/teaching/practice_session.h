#pragma once
// Practice: the student picks a technique and a target, draws the stroke on the leg with
// the mouse, and is scored; the correct stroke can then be replayed beside theirs.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scene/overlays.h"
#include "technique/hand_track.h"
#include "technique/leg_model.h"
#include "technique/practice_scorer.h"

namespace legatlas::teaching {

class PracticeSession {
 public:
  // Arms drawing: the next drag on the leg draws the stroke.
  void arm(const technique::Technique* technique, const std::string& target);
  void disarm() { armed_ = drawing_ = false; }
  bool armed() const { return armed_; }
  bool drawing() const { return drawing_; }

  // Mouse down, moves and up, in seconds since any fixed moment; `hit` is the skin under
  // the mouse, if any.
  void press(double seconds, const std::optional<technique::SkinPoint>& hit);
  void move(double seconds, const std::optional<technique::SkinPoint>& hit);
  // Scores what was drawn. Throws InputError when the target is unknown.
  void release(const technique::LegModel& leg);

  const std::optional<technique::PracticeScore>& result() const { return result_; }
  const technique::Technique* technique() const { return technique_; }
  const std::string& target() const { return target_; }
  // What was drawn: on the skin, with its normals, in seconds since the press.
  const std::vector<technique::StrokeSample>& drawn() const { return drawn_; }
  // Replays the correct stroke from `now` on.
  void replayCorrect(double now) { replayFrom_ = now; }
  void clear();

  // The drawn path, the correct stroke once scored, and the hand replaying it.
  scene::Overlays overlays(double now) const;

 private:
  const technique::Technique* technique_ = nullptr;
  std::string target_;
  bool armed_ = false, drawing_ = false;
  double startedAt_ = 0;
  std::vector<technique::StrokeSample> drawn_;
  std::optional<technique::PracticeScore> result_;
  std::optional<double> replayFrom_;
  // The hands that replay the correct stroke, laid on the leg last scored on.
  std::shared_ptr<const technique::HandPlacer> placer_;
  std::shared_ptr<const technique::HandTrack> hands_;
  std::shared_ptr<const scene::HandSkin> handSkin_;
  const technique::LegModel* handsFor_ = nullptr;
};

}  // namespace legatlas::teaching
