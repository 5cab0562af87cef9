#pragma once
// Planning one step of a lesson: its target resolved on the leg (step_target.cpp), where
// the hands go over it (step_lanes.cpp), and its strokes timed (stroke_planner.cpp).
// Internal to the planner.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique::planning {

inline constexpr float kSampleSpacing = 0.005f;  // metres between samples: two per centimetre
inline constexpr float kLiftOff = 0.02f;         // how far the hand leaves the skin on a lifted return
inline constexpr float kCircleRadius = 0.015f;   // stationary circles move the skin about this much
inline constexpr float kPushLength = 0.06f;      // one pump or scoop
inline constexpr float kPushSpacing = 0.08f;     // between pump spots
inline constexpr float kScoopTurnDegrees = 35.0f;
inline constexpr float kLongestGlide = 0.5f;
inline constexpr float kGripAdvance = 0.03f;     // metres the kneading grips move up the belly each second
inline constexpr float kRestSampleSeconds = 5.0f;
inline constexpr float kPauseBetweenStrokes = 0.2f;

using Path = SkinPath;

// Up the shin, from the ankle toward the knee: the way a calf stretch draws the foot.
glm::vec3 shinAxis(const LegModel& leg);
// The direction out from the limb's axis at `degrees` around it (0 in front, 90 lateral).
glm::vec3 aroundLimb(float degrees);

class StepPlanner {
 public:
  // `file` and `index` place the step in messages: the lesson's file and the step's index.
  StepPlanner(const std::string& file, const LessonStep& step, int index, const LegModel& leg, float& clock)
      : file_(file), index_(index), step_(step), technique_(*step_.technique), leg_(leg), clock_(clock) {}

  std::vector<Stroke> plan();

 private:
  [[noreturn]] void fail(const std::string& field, const std::string& reason, const std::string& fix) const;

  // ---- the target ----
  void resolveTarget();
  int tissueIndex(const std::string& id) const;
  void resolveCompartment(const std::string& id);
  void resolveRegion(const std::string& id);
  void resolveNodes(const std::string& group);
  PathSpec::Kind pathKind() const;

  // ---- where the hands go ----

  // The lanes a travelling stroke runs along, with the tissue each works on.
  std::vector<std::pair<Path, int>> lanes();

  // The stretch of a path the technique may take at this step's pressure: outside every
  // endangerment site that bars it, and over the tissue it works.
  Path allowedPart(const Path& path, int tissue) const;
  void orientDistalToProximal(Path& path) const;

  // Gliding: up the region along the limb, or along the muscle or tendon named.
  std::vector<std::pair<Path, int>> targetLanes();
  [[noreturn]] void noStripFor(int tissue) const;
  std::vector<std::pair<Path, int>> fibreLanes();
  Path fibresAlongStrip(const Path& strip, int tissue) const;

  // Streamlines of the lymph flow: across a region from its distal edge, or up each
  // targeted muscle from its distal end.
  std::vector<std::pair<Path, int>> flowLanes(int count);

  struct Seed {
    SkinPoint at;
    int tissue;
    float top;  // the glide ends above this height
  };
  std::vector<Seed> flowSeeds(int count);

  // `count` points on the skin of the region at height y, spread across its width.
  std::vector<SkinPoint> regionSpots(int count, float y) const;
  Path route();
  std::optional<glm::vec3> sideDirection(const std::string& over) const;

  // Spots for circles and rest.
  std::vector<std::pair<SkinPoint, int>> spots();

  // ---- timing ----
  Stroke newStroke(int tissue) const;
  void addWorking(Stroke& s, const Path& path, float seconds);

  // Back to the start: light strokes glide back on the skin, the others lift off.
  void addReturn(Stroke& s, const Path& path, float seconds, bool lifted);
  bool liftsOff() const { return technique_.reachesMuscle || technique_.contact == Contact::Stone; }
  void planGlides();
  void planCircles();

  // Pumps and scoops: short pushes with the flow, at spots worked from proximal to distal
  // unless the step gives a sequence. Scoops turn toward the inner side of the limb, where
  // the ventromedial bundle carries most of the leg's lymph.
  void planPushes(float turnDegrees);

  // Spots every push spacing along the middle of the region, nearest its nodes first;
  // `keepBeforeEnd` metres at the proximal end stay free for the push itself.
  std::vector<std::pair<SkinPoint, int>> spotsAlongRegion(float keepBeforeEnd, float keepAfterStart = 0.0f) const;

  // The spots again, in the order the step's sequence places them.
  std::vector<std::pair<SkinPoint, int>> inSequence(std::vector<std::pair<SkinPoint, int>> spots) const;
  glm::vec3 stopPoint(const std::string& stop) const;
  std::vector<std::pair<SkinPoint, int>> pushSpots();
  void planRest();
  const std::string& file_;
  int index_;
  const LessonStep& step_;
  const Technique& technique_;
  const LegModel& leg_;
  float& clock_;
  std::vector<int> tissues_;
  const anatomy::Region* region_ = nullptr;
  std::vector<glm::vec3> nodes_;
  std::vector<Stroke> strokes_;
};

}  // namespace legatlas::technique::planning
