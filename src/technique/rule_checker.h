#pragma once
// Checks strokes against the anatomy: does each go the way its reference says, over the
// tissue it targets, away from the endangerment sites, and does lymph drainage clear the
// proximal zones first? The same checks validate a lesson (`legatlas check`) and, later,
// score a student's own stroke.
#include <glm/vec3.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::technique {

// The rules a stroke is checked by.
enum class Rule {
  WithLymphFlow,     // lymph drainage: with the lymph's course on the skin
  AlongTarget,       // gliding: along its target toward the nodes
  NotAgainstLymph,   // a glide or deep stroke never pushes lymph back
  AlongFibres,       // thumb, forearm, stone: along the muscle's fibres
  TowardOrigin,      // stripping runs from insertion toward origin
  DistalToProximal,  // kneading grips advance up the belly
  EndangermentSite,  // no barred technique or pressure over a site
  OnTarget,          // over the tissue or region it targets
  Tempo,             // the technique's pace
  Pressure,          // no firmer than the technique allows
  DrainageOrder,     // lymph drainage clears the proximal zones first
};
// The id a rule is printed with (`check`, `score`, JSON): e.g. "with_lymph_flow".
std::string_view ruleId(Rule rule);

// Where the lymph at a spot drains: the reason a lymph rule gives in words.
enum class DrainsTo { Unknown, PoplitealNodes, InguinalNodes };

struct RuleResult {
  Rule rule = Rule::OnTarget;
  bool passed = true;
  float measured = 0;   // the figure the rule judged (a share, an angle, metres)
  float required = 0;   // the bound it was judged against
  std::string message;  // plain words: what is wrong and what to do; empty when passed
  glm::vec3 where{0.0f};  // the worst spot, for pointing at it
  DrainsTo drainsTo = DrainsTo::Unknown;  // the lymph rules: where the lymph at `where` drains
};

// Thresholds, from techniques.md and DESIGN.md.
inline constexpr float kShareWithFlowRequired = 0.9f;   // of the working length
inline constexpr float kWithFlowDegrees = 80.0f;        // a piece goes "with" the flow when within this
inline constexpr float kFibreToleranceDegrees = 25.0f;
inline constexpr float kShareAlongFibresRequired = 0.9f;
inline constexpr float kShareOnTargetRequired = 0.8f;
// Gliding: along its target within this angle of the limb's axis, over this share...
inline constexpr float kAlongTargetDegrees = 50.0f;
inline constexpr float kShareAlongTargetRequired = 0.8f;
// ...and never more than this far from the lymph's course, over all but a tenth of it.
inline constexpr float kAgainstLymphDegrees = 90.0f;
inline constexpr float kShareNotAgainstLymphRequired = 0.9f;

// Every rule that applies to one stroke, passed or not.
std::vector<RuleResult> checkStroke(const LegModel& leg, const Stroke& stroke);


// Single rules, also used to score a practice stroke.
RuleResult checkOnTarget(const LegModel& leg, const Stroke& stroke);
RuleResult checkInRegion(const LegModel& leg, const Stroke& stroke, const anatomy::Region& region);
// The stroke's speed against `expectedSpeed` (m/s): within half to twice of it.
RuleResult checkTempo(const Stroke& stroke, float expectedSpeed);

// The zone of the drainage order a point lies in: 0 nodes of the groin, 1 thigh, 2 knee,
// 3 lower leg, 4 foot and ankle.
int drainageZone(const LegModel& leg, const glm::vec3& p);
std::string_view drainageZoneName(int zone);

struct LessonProblem {
  int step = 0;    // index of the lesson step
  int stroke = -1;  // index into the planned strokes, -1 for a lesson-wide rule
  RuleResult result;
};

// The order rule over a lesson: lymph drainage works the nodes, then the thigh, the knee,
// the lower leg and the foot, each zone only after those above it.
std::vector<LessonProblem> checkDrainageOrder(const LegModel& leg, const Lesson& lesson,
                                              const std::vector<Stroke>& strokes);

// All violations of a planned lesson; empty when it is sound.
std::vector<LessonProblem> checkLesson(const LegModel& leg, const Lesson& lesson, const std::vector<Stroke>& strokes);

}  // namespace legatlas::technique
