#include "teaching/practice_session.h"

#include <glm/geometric.hpp>

#include "teaching/lesson_playback.h"
#include "teaching/therapist_hands.h"
#include "technique/animator.h"

namespace legatlas::teaching {
namespace {

constexpr float kSampleSpacing = 0.003f;  // metres between kept samples of the drawn path
const glm::vec3 kDrawnColor{0.95f, 0.95f, 0.98f};
const glm::vec3 kCorrectColor{0.35f, 0.95f, 0.45f};

}  // namespace

void PracticeSession::arm(const technique::Technique* technique, const std::string& target) {
  technique_ = technique;
  target_ = target;
  armed_ = technique != nullptr && !target.empty();
  drawing_ = false;
}

void PracticeSession::clear() {
  drawn_.clear();
  result_.reset();
  replayFrom_.reset();
}

void PracticeSession::press(double seconds, const std::optional<technique::SkinPoint>& hit) {
  if (!armed_ || !hit) return;
  clear();
  drawing_ = true;
  startedAt_ = seconds;
  move(seconds, hit);
}

void PracticeSession::move(double seconds, const std::optional<technique::SkinPoint>& hit) {
  if (!drawing_ || !hit) return;
  if (!drawn_.empty() && glm::length(drawn_.back().position - hit->position) < kSampleSpacing) return;
  drawn_.push_back({hit->position, hit->normal, static_cast<float>(seconds - startedAt_), -1});
}

void PracticeSession::release(const technique::LegModel& leg) {
  if (!drawing_) return;
  drawing_ = false;
  if (drawn_.size() < 2 || technique::pathLength(drawn_) < technique::kShortestScoredStroke) {
    clear();
    return;  // a click or a twitch, not a stroke: stay armed
  }
  armed_ = false;
  result_ = technique::scorePractice(leg, {technique_, target_}, drawn_);
  if (handsFor_ != &leg) {
    placer_ = openHandPlacer(leg);
    handSkin_ = handSkinOf(*placer_);
    handsFor_ = &leg;
  }
  hands_ = std::make_shared<const technique::HandTrack>(placer_, std::vector<technique::Stroke>{result_->correct});
}

scene::Overlays PracticeSession::overlays(double now) const {
  scene::Overlays overlays;
  scene::Trail drawn{{}, kDrawnColor};
  for (const technique::StrokeSample& s : drawn_) drawn.points.push_back({s.position, s.normal, 1.0f});
  overlays.trails.push_back(std::move(drawn));
  if (!result_) return overlays;
  const technique::Stroke& correct = result_->correct;
  scene::Trail right{{}, kCorrectColor};
  for (const auto& s : correct.working) right.points.push_back({s.position, s.normal, 0.9f});
  overlays.trails.push_back(std::move(right));
  if (correct.working.size() >= 2) {
    const auto& a = correct.working[correct.working.size() - 2];
    const auto& b = correct.working.back();
    if (glm::length(b.position - a.position) > 1e-6f)
      overlays.arrows.push_back({b.position, glm::normalize(b.position - a.position), b.normal, 0.045f, kCorrectColor});
  }
  if (replayFrom_) {
    // The correct stroke played once more by the hands, from its start.
    const std::vector<technique::Stroke> strokes{correct};
    const float t = correct.start() + static_cast<float>(now - *replayFrom_);
    if (t <= correct.end()) {
      technique::Pose pose = technique::poseAt(strokes, t);
      if (hands_) {
        hands_->place(t, pose);
        addPlacedHands(pose, *placer_, handSkin_, 1.0f, overlays);
      }
      addPose(pose, overlays);
    }
  }
  if (correct.tissue >= 0 && correct.region.empty()) overlays.workedTissue = correct.tissue;
  return overlays;
}

}  // namespace legatlas::teaching
