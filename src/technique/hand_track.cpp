#include "technique/hand_track.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <glm/gtc/quaternion.hpp>

#include "core/background_priority.h"

namespace legatlas::technique {
namespace {

using SolvedHand = HandTrack::SolvedHand;

// Solutions (and checked tenths) kept before all are let go and made again as needed:
// about six minutes of strokes.
constexpr size_t kMostSolved = 4096;

// Metres a blend may need to rise off the skin before the moment is solved instead (the
// patch would leave the skin): two solutions fixed in different ways.
constexpr float kMostBlendLift = 0.0015f;
// How far the blend may leave its patch off the skin, or into it, at a checked moment, and
// how much that may change from one checked moment to the next, for the moves found at the
// checks to hold between them too.
constexpr float kMostBlendSettle = 0.002f;
constexpr float kMostSettleStep = 0.0015f;
// How far a hand's target may move between two checked moments (a fortieth of a second)
// for the fixes of one to hold at the other: about 24 cm/s, beyond the quickest glide;
// more is a jump of the stroke's path (a kneading grip moving on along the belly).
constexpr float kMostTargetStep = 0.006f;
constexpr float kMostTargetTurnDegrees = 10.0f;
// How differently two solutions may have been fixed for their fixes to be blended: a bone
// turned, or the hand turned on its target, by more than this (a wrist raised as far as
// it goes at one end and not at the other, the forearm swung aside at one only) passes
// through poses the checks between them do not see.
constexpr float kMostFixTurnDegrees = 15.0f;
constexpr float kMostFixMove = 0.01f;

float turnDegrees(const glm::quat& a, const glm::quat& b) {
  return glm::degrees(2.0f * std::acos(std::min(std::abs(glm::dot(glm::normalize(a), glm::normalize(b))), 1.0f)));
}

bool fixedAlike(const SolvedHand& a, const SolvedHand& b) {
  if (turnDegrees(glm::quat_cast(glm::mat3(a.onTarget)), glm::quat_cast(glm::mat3(b.onTarget))) > kMostFixTurnDegrees ||
      glm::distance(glm::vec3(a.onTarget[3]), glm::vec3(b.onTarget[3])) > kMostFixMove)
    return false;
  for (size_t r = 0; r < a.fixes.size() && r < b.fixes.size(); ++r)
    if (turnDegrees(a.fixes[r], b.fixes[r]) > kMostFixTurnDegrees) return false;
  return true;
}

bool fixedAlike(const HandTrack::Solved& a, const HandTrack::Solved& b) {
  for (size_t i = 0; i < a.hands.size() && i < b.hands.size(); ++i)
    if (!fixedAlike(a.hands[i], b.hands[i])) return false;
  return true;
}

bool smoothStep(const HandTarget& from, const HandTarget& to) {
  return glm::distance(from.position, to.position) <= kMostTargetStep &&
         glm::dot(from.normal, to.normal) >= std::cos(glm::radians(kMostTargetTurnDegrees));
}

// Whether the hands asked for now are those solved in `a` and `b`: on the same patches, in
// the same phase of the stroke.
bool sameHands(const HandTrack::Solved& a, const HandTrack::Solved& b, const HandRequests& asked) {
  if (a.hands.size() != asked.hands.size() || b.hands.size() != asked.hands.size()) return false;
  if (a.pressing != asked.pressing || b.pressing != asked.pressing) return false;
  for (size_t i = 0; i < a.hands.size(); ++i) {
    const HandRole& role = *asked.hands[i].role;
    for (const SolvedHand* h : {&a.hands[i], &b.hands[i]})
      if (h->hand.side != role.side || h->hand.patch != role.patch || h->fixes.size() != a.hands[i].fixes.size())
        return false;
  }
  return true;
}

// The hands asked for, with the fixes of `a` and `b` blended (`share` 0..1) onto them.
std::vector<PlacedHand> blended(const HandPlacer& placer, const HandRequests& asked, const HandTrack::Solved& solvedA,
                                const HandTrack::Solved& solvedB, float share) {
  const std::vector<SolvedHand>&a = solvedA.hands, &b = solvedB.hands;
  std::vector<PlacedHand> hands;
  for (size_t i = 0; i < asked.hands.size(); ++i) {
    const HandRequest& request = asked.hands[i];
    PlacedHand hand;
    hand.side = request.role->side, hand.patch = request.role->patch;
    hand.pose = placer.requestedPose(request);
    for (size_t r = 0; r < hand.pose.rotations.size(); ++r)
      hand.pose.rotations[r] = hand.pose.rotations[r] * glm::slerp(a[i].fixes[r], b[i].fixes[r], share);
    hand.placement = frameOf(request.target) * blendFrames(a[i].onTarget, b[i].onTarget, share);
    hand.grip = request.grip, hand.press = request.target.press, hand.above = request.target.above;
    hands.push_back(std::move(hand));
  }
  return hands;
}

// The move off the skin between two checked moments: along the line between theirs, and,
// since the skin between them was not measured, a little more half-way (a quarter of the
// larger rise).
float liftBetween(const std::array<float, HandTrack::kChecks + 1>& lifts, float share) {
  const float at = std::clamp(share, 0.0f, 1.0f) * float(HandTrack::kChecks);
  const int k = std::min(int(at), HandTrack::kChecks - 1);
  const float u = at - float(k);
  const float line = glm::mix(lifts[size_t(k)], lifts[size_t(k) + 1], u);
  return line + 4.0f * u * (1.0f - u) * 0.25f * std::max({lifts[size_t(k)], lifts[size_t(k) + 1], 0.0f});
}

}  // namespace

glm::mat4 blendFrames(const glm::mat4& a, const glm::mat4& b, float share) {
  glm::mat4 out = glm::mat4_cast(glm::slerp(glm::quat_cast(glm::mat3(a)), glm::quat_cast(glm::mat3(b)), share));
  out[3] = glm::vec4(glm::mix(glm::vec3(a[3]), glm::vec3(b[3]), share), 1.0f);
  return out;
}

HandTrack::HandTrack(std::shared_ptr<const HandPlacer> placer, std::vector<Stroke> strokes)
    : placer_(std::move(placer)), strokes_(std::move(strokes)), worker_([this] { work(); }) {}

HandTrack::~HandTrack() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

float HandTrack::momentOf(const Part& part) const {
  const Stroke& s = strokes_[size_t(part.first)];
  const size_t next = size_t(part.first) + 1;
  const float until = next < strokes_.size() ? strokes_[next].start() : s.end() + 3600.0f;
  return std::min(s.start() + float(part.second) * (kSolveEvery / kParts), until - 1e-4f);
}

std::optional<std::pair<float, float>> HandTrack::momentsOf(const Key& key) const {
  const auto [stroke, tenth] = key;
  if (stroke < 0 || size_t(stroke) >= strokes_.size() || tenth < 0) return std::nullopt;
  const float before = momentOf({stroke, tenth * kParts}), after = momentOf({stroke, (tenth + 1) * kParts});
  if (after <= before + 1e-5f) return std::nullopt;
  return std::make_pair(before, after);
}

HandTrack::Solved HandTrack::solve(float time) const {
  const Pose pose = poseAt(strokes_, time);
  Solved solved;
  const HandRequests asked = placer_->requests(strokes_, time, pose);
  solved.pressing = asked.pressing;
  for (const HandRequest& request : asked.hands) {
    SolvedHand s;
    s.hand = placer_->solve(request);
    s.target = request.target;
    s.onTarget = glm::inverse(frameOf(request.target)) * s.hand.placement;
    const HandPose requested = placer_->requestedPose(request);
    s.fixes.resize(requested.rotations.size());
    for (size_t r = 0; r < requested.rotations.size(); ++r)
      s.fixes[r] = glm::inverse(requested.rotations[r]) * s.hand.pose.rotations[r];
    solved.hands.push_back(std::move(s));
  }
  return solved;
}

// Found under the lock, made outside it (two threads may make the same one: they agree).
std::shared_ptr<const HandTrack::Solved> HandTrack::solvedAt(const Part& part) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (const auto found = solved_.find(part); found != solved_.end()) return found->second;
  }
  auto made = std::make_shared<const Solved>(solve(momentOf(part)));
  std::lock_guard<std::mutex> lock(mutex_);
  if (solved_.size() >= kMostSolved) solved_.clear();
  return solved_.emplace(part, std::move(made)).first->second;
}

std::shared_ptr<const HandTrack::Tenth> HandTrack::spanOf(int stroke, int from, int to) const {
  auto span = std::make_shared<Tenth>();
  span->from = momentOf({stroke, from}), span->to = momentOf({stroke, to});
  span->before = solvedAt({stroke, from});
  span->after = solvedAt({stroke, to});
  if (fixedAlike(*span->before, *span->after)) span->lifts = check(*span->before, *span->after, span->from, span->to);
  // Refused: the two halves may each blend (the solution between them fixed as one of the
  // ends was), or a jump of the stroke's path lies in one of them only.
  const int middle = (from + to) / 2;
  if (span->lifts.empty() && middle > from && momentOf({stroke, middle}) < span->to - 1e-5f)
    span->halves = {spanOf(stroke, from, middle), spanOf(stroke, middle, to)};
  return span;
}

std::shared_ptr<const HandTrack::Tenth> HandTrack::tenthOf(const Key& key) const {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    // A tenth the other thread is making is waited for, not made twice.
    made_.wait(lock, [&] { return making_.count(key) == 0; });
    if (const auto found = tenths_.find(key); found != tenths_.end()) return found->second;
    making_.insert(key);
  }
  struct Done {  // however the making ends, the waiting thread is let go
    const HandTrack& track;
    const Key& key;
    ~Done() {
      {
        std::lock_guard<std::mutex> lock(track.mutex_);
        track.making_.erase(key);
      }
      track.made_.notify_all();
    }
  } done{*this, key};
  if (!momentsOf(key)) return nullptr;
  auto tenth = spanOf(key.first, key.second * kParts, (key.second + 1) * kParts);
  std::lock_guard<std::mutex> lock(mutex_);
  if (tenths_.size() >= kMostSolved) tenths_.clear();
  return tenths_.emplace(key, std::move(tenth)).first->second;
}

HandTrack::Lifts HandTrack::check(const Solved& a, const Solved& b, float before, float after) const {
  Lifts lifts(a.hands.size());
  for (auto& l : lifts) l.fill(0.0f);
  std::vector<HandTarget> last;
  std::vector<HandPlacer::Measured> measured;  // per hand, over the moments checked
  for (const SolvedHand& h : a.hands) last.push_back(h.target), measured.push_back(placer_->measuring(h.hand.side));
  for (int k = 1; k < kChecks; ++k) {
    const float share = float(k) / float(kChecks), time = glm::mix(before, after, share);
    const HandRequests asked = placer_->requests(strokes_, time, poseAt(strokes_, time));
    if (!sameHands(a, b, asked)) return {};
    const std::vector<PlacedHand> hands = blended(*placer_, asked, a, b, share);
    for (size_t i = 0; i < hands.size(); ++i) {
      if (!smoothStep(last[i], asked.hands[i].target)) return {};
      last[i] = asked.hands[i].target;
      const HandPlacer::Settling settling = placer_->settleOnSkin(hands[i], asked.hands[i].target.normal, measured[i]);
      const float move = lifts[i][size_t(k)] = settling.settle + settling.lift;
      const bool steady = std::abs(settling.settle) <= kMostBlendSettle &&
                          std::abs(move - lifts[i][size_t(k) - 1]) <= kMostSettleStep &&
                          (k < kChecks - 1 || std::abs(move) <= kMostSettleStep);
      if (settling.lift > kMostBlendLift || !steady) return {};
    }
  }
  for (size_t i = 0; i < b.hands.size() && i < last.size(); ++i)  // the last step, onto the solution after
    if (!smoothStep(last[i], b.hands[i].target)) return {};
  return lifts;
}

void HandTrack::askAhead(const Key& key) const {
  // The next two tenths of this stroke, or the first of the next stroke near its end.
  std::vector<Key> ahead;
  for (int step = 1; step <= 2; ++step)
    if (momentsOf({key.first, key.second + step})) ahead.push_back({key.first, key.second + step});
  if (ahead.size() < 2 && size_t(key.first) + 1 < strokes_.size()) ahead.push_back({key.first + 1, 0});
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Key& k : ahead)
      if (!tenths_.count(k) && std::find(wanted_.begin(), wanted_.end(), k) == wanted_.end()) wanted_.push_back(k);
    // Only what is just ahead of playback is worth making: after a jump, the old wishes go.
    while (wanted_.size() > 4) wanted_.pop_front();
  }
  wake_.notify_one();
}

void HandTrack::work() {
  // Solving ahead uses what drawing leaves idle; a frame that needs a tenth not yet made
  // makes it itself (or waits for it, while it is the only work left to do).
  runBehindOtherWork();
  for (;;) {
    Key key;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !wanted_.empty(); });
      if (stopping_) return;
      key = wanted_.front();
      wanted_.pop_front();
    }
    try {
      tenthOf(key);
    } catch (const std::exception&) {
      // Playback makes the same tenth itself when it gets there, and reports what fails.
    }
  }
}

void HandTrack::place(float time, Pose& pose) const {
  const ContactPoint& c = pose.contact;
  if (c.stroke < 0) return;
  HandRequests asked = placer_->requests(strokes_, time, pose);
  if (asked.hands.empty()) return;
  const Stroke& s = strokes_[size_t(c.stroke)];
  const Key key{c.stroke, int(std::floor(std::max(time - s.start(), 0.0f) / kSolveEvery))};
  const bool inStroke = momentsOf(key).has_value();
  std::shared_ptr<const Tenth> tenth = inStroke ? tenthOf(key) : nullptr;
  if (inStroke) askAhead(key);
  // Down to the part of a split tenth that holds the moment.
  while (tenth && tenth->halves[0]) tenth = tenth->halves[time < tenth->halves[1]->from ? 0 : 1];
  if (!tenth || tenth->lifts.size() != asked.hands.size() || !sameHands(*tenth->before, *tenth->after, asked)) {
    for (const HandRequest& request : asked.hands) pose.hands.push_back(placer_->solve(request));
  } else {
    const float share = std::clamp((time - tenth->from) / (tenth->to - tenth->from), 0.0f, 1.0f);
    std::vector<PlacedHand> hands = blended(*placer_, asked, *tenth->before, *tenth->after, share);
    for (size_t i = 0; i < hands.size(); ++i) {
      hands[i].placement[3] += glm::vec4(asked.hands[i].target.normal * liftBetween(tenth->lifts[i], share), 0.0f);
      pose.hands.push_back(std::move(hands[i]));
    }
  }
  if (!asked.dents.empty()) pose.dents = std::move(asked.dents);
}

}  // namespace legatlas::technique
