#include "technique/rule_checker.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <set>

#include "core/text.h"
#include "technique/endangerment.h"
#include "technique/skin_lanes.h"

namespace legatlas::technique {

std::string_view ruleId(Rule rule) {
  switch (rule) {
    case Rule::WithLymphFlow: return "with_lymph_flow";
    case Rule::AlongTarget: return "along_target";
    case Rule::NotAgainstLymph: return "not_against_lymph";
    case Rule::AlongFibres: return "along_fibres";
    case Rule::TowardOrigin: return "toward_origin";
    case Rule::DistalToProximal: return "distal_to_proximal";
    case Rule::EndangermentSite: return "endangerment_site";
    case Rule::OnTarget: return "on_target";
    case Rule::Tempo: return "tempo";
    case Rule::Pressure: return "pressure";
    case Rule::DrainageOrder: return "drainage_order";
  }
  return "unknown";
}
namespace {

constexpr float kShareAscendingRequired = 0.8f;

float degreesBetween(const glm::vec3& a, const glm::vec3& b) {
  return glm::degrees(std::acos(std::clamp(glm::dot(a, b), -1.0f, 1.0f)));
}

std::string percent(float share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + " %"; }

// "the inguinal nodes in the groin": where the lymph of the skin at p goes.
DrainsTo drainsToGroup(const std::string& group) {
  if (group == "popliteal") return DrainsTo::PoplitealNodes;
  if (group.starts_with("superficial_inguinal")) return DrainsTo::InguinalNodes;
  return DrainsTo::Unknown;
}

DrainsTo drainsToAt(const LegModel& leg, const glm::vec3& p) {
  for (const anatomy::Region& r : leg.description().regions)
    if (r.kind == "region" && leg.inRegion(r, p) && drainsToGroup(r.drainsTo) != DrainsTo::Unknown) return drainsToGroup(r.drainsTo);
  // Outside the named regions, the territory the lymph vessels give the skin there.
  const int territory = leg.lymphFlow().territoryAt(p);
  return territory >= 0 ? drainsToGroup(leg.lymphFlow().territories()[territory]) : DrainsTo::Unknown;
}

std::string drainsTowardWords(DrainsTo nodes) {
  switch (nodes) {
    case DrainsTo::PoplitealNodes: return "the popliteal nodes behind the knee";
    case DrainsTo::InguinalNodes: return "the inguinal nodes in the groin";
    case DrainsTo::Unknown: break;
  }
  return "its nodes";
}

std::string drainsTowardWords(const LegModel& leg, RuleResult& r) {
  r.drainsTo = drainsToAt(leg, r.where);
  return drainsTowardWords(r.drainsTo);
}

std::string placeWords(const LegModel& leg, const glm::vec3& p) {
  for (const anatomy::Region& r : leg.description().regions)
    if (r.kind == "region" && leg.inRegion(r, p)) return "on the " + lowerFirst(r.name);
  return "here";
}

// One piece of a working path: its direction, length and the skin there.
struct Piece {
  glm::vec3 direction, middle, normal;
  float length;
};

std::vector<Piece> piecesOf(const Stroke& stroke) {
  std::vector<Piece> pieces;
  for (size_t i = 1; i < stroke.working.size(); ++i) {
    const StrokeSample& a = stroke.working[i - 1];
    const StrokeSample& b = stroke.working[i];
    const float length = glm::length(b.position - a.position);
    if (length < 1e-5f) continue;
    pieces.push_back({(b.position - a.position) / length, 0.5f * (a.position + b.position),
                      glm::normalize(a.normal + b.normal + glm::vec3(1e-6f)), length});
  }
  return pieces;
}

// The share of the stroke's length whose pieces lie within `toleranceDegrees` of the
// direction `referenceAt(piece)` gives, into r.measured, with the piece that strays most
// in r.where and r.passed against r.required. A piece with no reference there (a zero
// vector) is left out; false when no piece had one, and then the rule holds.
template <typename ReferenceAt>
bool measureShare(const Stroke& stroke, ReferenceAt referenceAt, float toleranceDegrees, RuleResult& r) {
  float total = 0, within = 0, worst = -1;
  for (const Piece& piece : piecesOf(stroke)) {
    const glm::vec3 reference = referenceAt(piece);
    if (reference == glm::vec3(0.0f)) continue;
    const float angle = degreesBetween(piece.direction, reference);
    total += piece.length;
    if (angle <= toleranceDegrees) within += piece.length;
    if (angle > worst) worst = angle, r.where = piece.middle;
  }
  if (total <= 0) return false;
  r.measured = within / total;
  r.passed = r.measured >= r.required;
  return true;
}

// The lymph's course at a piece, or zero where the field knows none.
glm::vec3 flowAt(const LegModel& leg, const Piece& piece) {
  const glm::vec3 flow = leg.lymphFlow().at(piece.middle, piece.normal);
  return glm::length(flow) < 0.5f ? glm::vec3(0.0f) : flow;
}

RuleResult withLymphFlow(const LegModel& leg, const Stroke& stroke) {
  RuleResult r{Rule::WithLymphFlow, true, 1.0f, kShareWithFlowRequired, "", {}};
  const auto flow = [&](const Piece& piece) { return flowAt(leg, piece); };
  if (measureShare(stroke, flow, kWithFlowDegrees, r) && !r.passed)
    r.message = "this stroke runs with the lymph flow over only " + percent(r.measured) + " of its length (at least " +
                percent(kShareWithFlowRequired) + " is needed): " + placeWords(leg, r.where) + " lymph drains toward " +
                drainsTowardWords(leg, r) + ", so start further from them and move toward them";
  return r;
}

// Gliding runs along its target toward the nodes: up the limb, or down the lower abdomen.
RuleResult alongTarget(const LegModel& leg, const Stroke& stroke) {
  RuleResult r{Rule::AlongTarget, true, 1.0f, kShareAlongTargetRequired, "", {}};
  const anatomy::Region* region = stroke.region.empty() ? nullptr : leg.findRegion(stroke.region);
  const float sign = region ? towardNodesSign(leg, *region) : 1.0f;
  const auto axisAt = [&](const Piece& piece) {
    glm::vec3 axis = sign * limbAxisAt(leg, piece.middle);
    axis -= piece.normal * glm::dot(axis, piece.normal);
    // Where the skin faces along the limb (the sole) there is no course to judge.
    return glm::length(axis) < 0.2f ? glm::vec3(0.0f) : glm::normalize(axis);
  };
  if (measureShare(stroke, axisAt, kAlongTargetDegrees, r) && !r.passed)
    r.message = "this glide runs along its target toward " + std::string(sign < 0 ? "the groin" : "the heart") + " over only " +
                percent(r.measured) + " of its length (at least " + percent(kShareAlongTargetRequired) +
                " is needed): start at the " + (sign < 0 ? "upper" : "distal") + " end of the " +
                (region ? lowerFirst(region->name) : std::string("muscle")) + " and glide along it toward " +
                drainsTowardWords(leg, r);
  return r;
}

// A glide or a deep stroke may lean across the lymph's course, but never push it back.
RuleResult notAgainstLymph(const LegModel& leg, const Stroke& stroke) {
  RuleResult r{Rule::NotAgainstLymph, true, 1.0f, kShareNotAgainstLymphRequired, "", {}};
  const auto flow = [&](const Piece& piece) { return flowAt(leg, piece); };
  if (measureShare(stroke, flow, kAgainstLymphDegrees, r) && !r.passed)
    r.message = "this stroke pushes lymph backward over " + percent(1.0f - r.measured) + " of its length: " +
                placeWords(leg, r.where) + " lymph drains toward " + drainsTowardWords(leg, r) +
                ", so glide toward them, not away";
  return r;
}

RuleResult alongFibres(const LegModel& leg, const Stroke& stroke) {
  RuleResult r{Rule::AlongFibres, true, 1.0f, kShareAlongFibresRequired, "", {}};
  const auto fibreAt = [&](const Piece& piece) {
    // A stroke on the skin can only follow the fibres' course along the skin; fibres diving
    // straight into the depth have none. Fibres are lines: either way along them counts.
    glm::vec3 fibre = leg.fibreAt(stroke.tissue, piece.middle);
    fibre -= piece.normal * glm::dot(fibre, piece.normal);
    if (glm::length(fibre) < 0.2f) return glm::vec3(0.0f);
    fibre = glm::normalize(fibre);
    return glm::dot(piece.direction, fibre) < 0 ? -fibre : fibre;
  };
  if (measureShare(stroke, fibreAt, kFibreToleranceDegrees, r) && !r.passed)
    r.message = "this stroke crosses the fibres of " + leg.scene().tissues[stroke.tissue].name + ": only " +
                percent(r.measured) + " of it stays within " + std::to_string(int(kFibreToleranceDegrees)) +
                "° of them; follow the length of the muscle";
  return r;
}

RuleResult towardOrigin(const LegModel& leg, const Stroke& stroke) {
  RuleResult r{Rule::TowardOrigin, true, 0, 0, "", {}};
  const scene::Tissue& tissue = leg.scene().tissues[stroke.tissue];
  if (!tissue.anatomy.origin || stroke.working.size() < 2) return r;
  const glm::vec3 origin = tissue.anatomy.origin->point;
  const float before = glm::length(stroke.working.front().position - origin);
  const float after = glm::length(stroke.working.back().position - origin);
  r.measured = before - after;  // metres gained toward the origin
  r.passed = r.measured > 0;
  r.where = stroke.working.back().position;
  if (!r.passed)
    r.message = "this stroke ends further from the origin of " + tissue.name + " than it began: start near its insertion (" +
                (tissue.anatomy.insertion ? tissue.anatomy.insertion->area : std::string("its lower end")) +
                ") and move toward its origin";
  return r;
}

RuleResult distalToProximal(const Stroke& stroke) {
  RuleResult r{Rule::DistalToProximal, true, 0, kShareAscendingRequired, "", {}};
  if (stroke.working.size() < 2) return r;
  float total = 0, rising = 0;
  for (size_t i = 1; i < stroke.working.size(); ++i) {
    const glm::vec3 step = stroke.working[i].position - stroke.working[i - 1].position;
    total += glm::length(step);
    if (step.y >= -0.0005f) rising += glm::length(step);
  }
  const float climb = stroke.working.back().position.y - stroke.working.front().position.y;
  r.measured = total > 0 ? rising / total : 1.0f;
  r.passed = climb > 0 && r.measured >= kShareAscendingRequired;
  r.where = stroke.working.front().position;
  if (!r.passed)
    r.message = "the grips should advance from distal to proximal along the belly, but they move " +
                std::string(climb > 0 ? "down as much as up" : "down the leg") + ": begin near the lower end of the belly and work upward";
  return r;
}

RuleResult awayFromEndangermentSites(const LegModel& leg, const Stroke& stroke) {
  RuleResult r{Rule::EndangermentSite, true, 0, 0, "", {}};
  for (const StrokeSample& s : stroke.working) {
    const anatomy::Region* site = barringSiteAt(leg, *stroke.technique, stroke.pressure, s.position);
    if (!site) continue;
    r.measured += 1;
    if (!r.passed) continue;
    r.passed = false;
    r.where = s.position;
    r.message = std::string(stroke.technique->name) + " at " + pressureName(stroke.pressure) +
                " pressure passes over the " + lowerFirst(site->name) + ", an endangerment site where " +
                barredBecause(*site, *stroke.technique, stroke.pressure) + " (" + site->why +
                ") — keep the stroke off it (leave out the path and the planner stops short of it), or use what it allows: " +
                siteAllowance(*site);
  }
  return r;
}

}  // namespace

RuleResult checkOnTarget(const LegModel& leg, const Stroke& stroke) {
  RuleResult r{Rule::OnTarget, true, 1.0f, kShareOnTargetRequired, "", {}};
  if (stroke.tissue < 0 || static_cast<size_t>(stroke.tissue) >= leg.scene().tissues.size()) return r;
  int on = 0, counted = 0;
  for (const StrokeSample& s : stroke.working) {
    ++counted;
    if (contactOver(leg, *stroke.technique, stroke.tissue, {s.position, s.normal})) ++on;
    else r.where = s.position;
  }
  if (counted == 0) return r;
  r.measured = float(on) / float(counted);
  r.passed = r.measured >= kShareOnTargetRequired;
  if (!r.passed)
    r.message = "only " + percent(r.measured) + " of this stroke lies over " + leg.scene().tissues[stroke.tissue].name +
                " (at least " + percent(kShareOnTargetRequired) + " is needed); keep the contact on it from start to end, " +
                "or leave out the path so the stroke follows the " + (stroke.technique->reachesMuscle ? "muscle" : "tissue") + " itself";
  return r;
}

RuleResult checkInRegion(const LegModel& leg, const Stroke& stroke, const anatomy::Region& region) {
  RuleResult r{Rule::OnTarget, true, 1.0f, kShareOnTargetRequired, "", {}};
  if (stroke.working.empty()) return r;
  int inside = 0;
  for (const StrokeSample& s : stroke.working) {
    if (leg.inRegion(region, s.position)) ++inside;
    else r.where = s.position;
  }
  r.measured = float(inside) / float(stroke.working.size());
  r.passed = r.measured >= kShareOnTargetRequired;
  if (!r.passed)
    r.message = "only " + percent(r.measured) + " of this stroke lies on the " + lowerFirst(region.name) +
                " (at least " + percent(kShareOnTargetRequired) + " is needed); keep it within the region you mean to work";
  return r;
}

RuleResult checkTempo(const Stroke& stroke, float expectedSpeed) {
  RuleResult r{Rule::Tempo, true, 0, expectedSpeed, "", {}};
  if (stroke.working.size() < 2 || expectedSpeed <= 0) return r;
  const float seconds = stroke.working.back().time - stroke.working.front().time;
  r.where = stroke.working.front().position;
  if (seconds <= 0) {
    r.passed = false;
    r.message = "the stroke has no timing, so its tempo cannot be judged: give each sample its time in seconds";
    return r;
  }
  r.measured = stroke.workingLength() / seconds;
  const float ratio = r.measured / expectedSpeed;
  r.passed = ratio >= 0.5f && ratio <= 2.0f;
  if (!r.passed)
    r.message = std::string(ratio > 1 ? "too fast" : "too slow") + ": " + std::to_string(int(std::lround(r.measured * 100))) +
                " cm/s where about " + std::to_string(int(std::lround(expectedSpeed * 100))) + " cm/s is right (" +
                std::string(stroke.technique->name) + " goes at about one cycle a second)";
  return r;
}

namespace {

RuleResult pressureAllowed(const Stroke& stroke) {
  const Technique& t = *stroke.technique;
  RuleResult r{Rule::Pressure, true, float(stroke.pressure), float(t.firmest), "", {}};
  if (stroke.pressure > t.firmest)
    r.passed = false, r.message = std::string(t.name) + " is at most " + pressureName(t.firmest) +
                                  ", not " + pressureName(stroke.pressure) + ": " + std::string(t.depthWords) + " is all it works";
  else if (stroke.pressure < t.lightest)
    r.passed = false, r.message = std::string(t.name) + " needs at least " + pressureName(t.lightest) +
                                  " pressure to reach " + std::string(t.depthWords);
  if (!stroke.working.empty()) r.where = stroke.working.front().position;
  return r;
}

bool isDrainage(const Technique& t) { return std::string_view(t.id).starts_with("mld_"); }

}  // namespace

std::vector<RuleResult> checkStroke(const LegModel& leg, const Stroke& stroke) {
  std::vector<RuleResult> results{pressureAllowed(stroke), awayFromEndangermentSites(leg, stroke)};
  const Technique& t = *stroke.technique;
  const bool onMuscle = stroke.tissue >= 0 && stroke.region.empty();
  switch (t.reference) {
    case Reference::LymphFlow: results.push_back(withLymphFlow(leg, stroke)); break;
    case Reference::AlongTarget:
      results.push_back(alongTarget(leg, stroke)), results.push_back(notAgainstLymph(leg, stroke));
      break;
    case Reference::FibreDirection:
      if (onMuscle) results.push_back(alongFibres(leg, stroke)), results.push_back(towardOrigin(leg, stroke));
      results.push_back(notAgainstLymph(leg, stroke));
      break;
    // Kneading lifts and squeezes in place as the grips advance: it does not slide over
    // the skin, so the lymph's course does not judge it.
    case Reference::BellyProgression: results.push_back(distalToProximal(stroke)); break;
    case Reference::None: break;
  }
  // A stroke that names a tissue or a region stays over it (a resting pad has no course).
  if (t.motion != Motion::Rest) {
    if (onMuscle && t.reference != Reference::LymphFlow) results.push_back(checkOnTarget(leg, stroke));
    if (const anatomy::Region* region = stroke.region.empty() ? nullptr : leg.findRegion(stroke.region))
      results.push_back(checkInRegion(leg, stroke, *region));
  }
  return results;
}

int drainageZone(const LegModel& leg, const glm::vec3& p) {
  const auto lowEdge = [&](const char* id, float fallback) {
    const anatomy::Region* r = leg.findRegion(id);
    return r && r->heightRange ? r->heightRange->x : fallback;
  };
  const auto highEdge = [&](const char* id, float fallback) {
    const anatomy::Region* r = leg.findRegion(id);
    return r && r->heightRange ? r->heightRange->y : fallback;
  };
  if (p.y >= lowEdge("inguinal_region", -0.11f)) return 0;
  if (p.y >= highEdge("knee_anterior", -0.33f)) return 1;
  if (p.y >= lowEdge("knee_anterior", -0.48f)) return 2;
  if (p.y >= highEdge("ankle", -0.77f)) return 3;
  return 4;
}

std::string_view drainageZoneName(int zone) {
  static constexpr std::string_view kNames[] = {"the inguinal nodes", "the thigh", "the knee", "the lower leg",
                                                "the foot and ankle"};
  return kNames[std::clamp(zone, 0, 4)];
}

std::vector<LessonProblem> checkDrainageOrder(const LegModel& leg, const Lesson& lesson,
                                              const std::vector<Stroke>& strokes) {
  std::vector<LessonProblem> results;
  std::set<int> cleared;
  for (int step = 0; step < static_cast<int>(lesson.steps.size()); ++step) {
    if (!isDrainage(*lesson.steps[step].technique)) continue;
    glm::vec3 sum(0.0f);
    int count = 0;
    for (const Stroke& s : strokes)
      if (s.step == step)
        for (const StrokeSample& sample : s.working) sum += sample.position, ++count;
    if (count == 0) continue;
    const glm::vec3 centre = sum / float(count);
    const int zone = drainageZone(leg, centre);
    for (int above = 0; above < zone; ++above) {
      if (cleared.count(above)) continue;
      results.push_back({step, -1, {Rule::DrainageOrder, false, float(zone), float(above),
                         "step " + std::to_string(step + 1) + " drains " + std::string(drainageZoneName(zone)) +
                             " before " + std::string(drainageZoneName(above)) +
                             " has been cleared: empty the zones nearer the groin first, so the lymph sent up has somewhere to go",
                         centre}});
      break;
    }
    cleared.insert(zone);
  }
  return results;
}

std::vector<LessonProblem> checkLesson(const LegModel& leg, const Lesson& lesson, const std::vector<Stroke>& strokes) {
  std::vector<LessonProblem> problems;
  std::set<std::pair<int, Rule>> reported;  // one report per step and rule: passes repeat each other
  for (int i = 0; i < static_cast<int>(strokes.size()); ++i) {
    for (RuleResult& r : checkStroke(leg, strokes[i])) {
      if (r.passed || !reported.insert({strokes[i].step, r.rule}).second) continue;
      problems.push_back({strokes[i].step, i, std::move(r)});
    }
  }
  for (LessonProblem& p : checkDrainageOrder(leg, lesson, strokes)) problems.push_back(std::move(p));
  std::stable_sort(problems.begin(), problems.end(), [](auto& a, auto& b) { return a.step < b.step; });
  return problems;
}

}  // namespace legatlas::technique
