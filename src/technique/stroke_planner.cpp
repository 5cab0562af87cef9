#include "technique/stroke_planner.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtx/rotate_vector.hpp>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "technique/client_position.h"
#include "technique/endangerment.h"
#include "technique/mld_circle.h"
#include "technique/skin_lanes.h"
#include "technique/stroke_trimming.h"

namespace legatlas::technique {
namespace {


constexpr float kSampleSpacing = 0.005f;  // metres between samples: two per centimetre
constexpr float kLiftOff = 0.02f;         // how far the hand leaves the skin on a lifted return
constexpr float kCircleRadius = 0.015f;   // stationary circles move the skin about this much
constexpr float kPushLength = 0.06f;      // one pump or scoop
constexpr float kPushSpacing = 0.08f;     // between pump spots
constexpr float kScoopTurnDegrees = 35.0f;
constexpr float kLongestGlide = 0.5f;
constexpr float kGripAdvance = 0.03f;     // metres the kneading grips move up the belly each second
constexpr float kRestSampleSeconds = 5.0f;
constexpr float kPauseBetweenStrokes = 0.2f;

using Path = SkinPath;

// Up the shin, from the ankle toward the knee: the way a calf stretch draws the foot.
glm::vec3 shinAxis(const LegModel& leg) {
  const auto knee = leg.namedPoint("knee_joint_centre"), ankle = leg.namedPoint("ankle_joint_centre");
  return knee && ankle && glm::length(*knee - *ankle) > 1e-3f ? glm::normalize(*knee - *ankle) : glm::vec3(0, 1, 0);
}

glm::vec3 aroundLimb(float degrees) {
  const float a = glm::radians(degrees);
  return {std::sin(a), 0.0f, std::cos(a)};
}

}  // namespace

float Stroke::workingLength() const {
  float length = 0;
  for (size_t i = 1; i < working.size(); ++i) length += glm::length(working[i].position - working[i - 1].position);
  return length;
}

namespace {

// ---- one step -------------------------------------------------------------------------

class StepPlanner {
 public:
  StepPlanner(const Lesson& lesson, int index, const LegModel& leg, float& clock)
      : lesson_(lesson), index_(index), step_(lesson.steps[index]), technique_(*step_.technique), leg_(leg), clock_(clock) {}

  std::vector<Stroke> plan() {
    resolveTarget();
    const bool placesSpots = technique_.motion == Motion::Circles || technique_.motion == Motion::ShortPushes ||
                             technique_.motion == Motion::SpiralScoops;
    if (step_.sequence && (!placesSpots || !region_ || !step_.path.at.empty()))
      fail("sequence", "a sequence places the circles, pumps or scoops of lymph drainage over a region",
           "target a region with one of them, or remove the sequence");
    switch (technique_.motion) {
      case Motion::LongGlide:
      case Motion::Grips: planGlides(); break;
      case Motion::Circles: planCircles(); break;
      case Motion::ShortPushes: planPushes(0.0f); break;
      case Motion::SpiralScoops: planPushes(kScoopTurnDegrees); break;
      case Motion::Rest: planRest(); break;
    }
    if (strokes_.empty())
      fail("target", "no stroke fits on the skin over this target", "choose a larger region or another tissue");
    return std::move(strokes_);
  }

 private:
  [[noreturn]] void fail(const std::string& field, const std::string& reason, const std::string& fix) const {
    throw InputError(lesson_.file, placeOf(step_, index_, field), reason, fix);
  }

  // ---- the target ----

  void resolveTarget() {
    const Target& t = step_.target;
    switch (t.kind) {
      case Target::Kind::Tissue:
      case Target::Kind::Tissues:
        for (const std::string& id : t.ids) tissues_.push_back(tissueIndex(id));
        break;
      case Target::Kind::Compartment: resolveCompartment(t.ids.front()); break;
      case Target::Kind::Region: resolveRegion(t.ids.front()); break;
      case Target::Kind::Nodes: resolveNodes(t.ids.front()); break;
    }
  }

  int tissueIndex(const std::string& id) const {
    const int index = leg_.scene().findTissue(id);
    if (index >= 0) return index;
    std::vector<std::string> ids;
    for (const scene::Tissue& t : leg_.scene().tissues) ids.push_back(t.id);
    const std::string near = nearestName(id, ids);
    fail("target", "the leg has no tissue '" + id + "'",
         near.empty() ? "see 'legatlas model-info' for the tissue ids" : "did you mean '" + near + "'?");
  }

  void resolveCompartment(const std::string& id) {
    std::vector<std::string> known;
    for (const anatomy::Muscle& m : leg_.description().muscles) {
      if (std::find(known.begin(), known.end(), m.compartment) == known.end()) known.push_back(m.compartment);
      if (m.compartment == id && leg_.scene().findTissue(m.id) >= 0) tissues_.push_back(leg_.scene().findTissue(m.id));
    }
    if (!tissues_.empty()) return;
    const std::string near = nearestName(id, known);
    fail("target", "no muscle of the leg is in a compartment '" + id + "'",
         near.empty() ? "use one of " + joinAsChoices(known) : "did you mean '" + near + "'?");
  }

  void resolveRegion(const std::string& id) {
    region_ = leg_.findRegion(id);
    if (region_) return;
    std::vector<std::string> ids;
    for (const anatomy::Region& r : leg_.description().regions) ids.push_back(r.id);
    const std::string near = nearestName(id, ids);
    fail("target", "there is no region '" + id + "'",
         near.empty() ? "use one of " + joinAsChoices(ids) : "did you mean '" + near + "'?");
  }

  void resolveNodes(const std::string& group) {
    nodes_ = leg_.nodeGroup(group);
    if (!nodes_.empty()) return;
    std::vector<std::string> groups;
    for (const anatomy::LymphNode& n : leg_.description().nodes)
      if (std::find(groups.begin(), groups.end(), n.group) == groups.end()) groups.push_back(n.group);
    const std::string near = nearestName(group, groups);
    fail("target", "there is no lymph node group '" + group + "'",
         near.empty() ? "use one of " + joinAsChoices(groups) : "did you mean '" + near + "'?");
  }

  PathSpec::Kind pathKind() const {
    if (step_.path.kind != PathSpec::Kind::Default) return step_.path.kind;
    switch (technique_.motion) {
      case Motion::Circles:
      case Motion::Rest: return PathSpec::Kind::At;
      default: break;
    }
    switch (technique_.reference) {
      case Reference::LymphFlow: return PathSpec::Kind::FollowLymphFlow;
      case Reference::AlongTarget: return PathSpec::Kind::AlongTarget;
      default: return PathSpec::Kind::AlongFibres;
    }
  }

  // ---- where the hands go ----

  // The lanes a travelling stroke runs along, with the tissue each works on.
  std::vector<std::pair<Path, int>> lanes() {
    switch (pathKind()) {
      case PathSpec::Kind::Route: return {{route(), -1}};
      case PathSpec::Kind::AlongFibres: return fibreLanes();
      case PathSpec::Kind::AlongTarget: return targetLanes();
      case PathSpec::Kind::FollowLymphFlow: return flowLanes(step_.passes);
      default: break;
    }
    fail("path", std::string(technique_.name) + " travels over the skin; it cannot stay at one spot",
         "write 'path: {along: fibres}' or leave the path out");
  }

  // The stretch of a path the technique may take at this step's pressure: outside every
  // endangerment site that bars it, and over the tissue it works.
  Path allowedPart(const Path& path, int tissue) const {
    return longestRun(path, [&](const SkinPoint& p) {
      return !barringSiteAt(leg_, technique_, step_.pressure, p.position) &&
             (tissue < 0 || contactOver(leg_, technique_, tissue, p)) && (!region_ || leg_.inRegion(*region_, p.position));
    });
  }

  void orientDistalToProximal(Path& path) const {
    if (path.size() > 1 && path.front().position.y > path.back().position.y) std::reverse(path.begin(), path.end());
  }

  // Gliding: up the region along the limb, or along the muscle or tendon named.
  std::vector<std::pair<Path, int>> targetLanes() {
    std::vector<std::pair<Path, int>> out;
    if (region_) {
      for (Path& lane : regionLanes(leg_, *region_, step_.passes))
        if (Path kept = notAgainstLymph(leg_, allowedPart(lane, -1)); kept.size() >= 2) out.emplace_back(std::move(kept), -1);
      return out;
    }
    if (tissues_.empty())
      fail("target", std::string(technique_.name) + " runs along a region or a muscle", "target a region or a tissue");
    for (int tissue : tissues_) {
      Path strip = skinOverExposedTissue(leg_, tissue, sideDirection(step_.path.over));
      orientDistalToProximal(strip);
      if (Path kept = notAgainstLymph(leg_, allowedPart(strip, tissue)); kept.size() >= 2) out.emplace_back(std::move(kept), tissue);
      else noStripFor(tissue);
    }
    return out;
  }

  [[noreturn]] void noStripFor(int tissue) const {
    fail("target", "'" + leg_.scene().tissues[tissue].id + "' has no stretch under the skin where " +
                       lowerFirst(std::string(technique_.name)) + " at " + std::string(pressureId(step_.pressure)) +
                       " pressure can work it",
         "target a muscle that lies under the skin, or a region");
  }

  std::vector<std::pair<Path, int>> fibreLanes() {
    if (tissues_.empty())
      fail("target", std::string(technique_.name) + " goes along a muscle, and the target is not one",
           "target a muscle, e.g. 'target: {tissue: tibialis_anterior}'");
    std::vector<std::pair<Path, int>> out;
    for (int tissue : tissues_) {
      Path path;
      if (technique_.reference == Reference::BellyProgression) {
        // Kneading grasps the whole belly, covered or not, and moves up the limb.
        path = skinOverBelly(leg_, tissue);
        orientDistalToProximal(path);
      } else {
        // Stripping works where the muscle lies under the skin, insertion toward origin.
        path = skinOverExposedTissue(leg_, tissue, sideDirection(step_.path.over));
        const anatomy::TissueAnatomy& a = leg_.scene().tissues[tissue].anatomy;
        if (path.size() > 1 && a.origin &&
            glm::length(path.front().position - a.origin->point) < glm::length(path.back().position - a.origin->point))
          std::reverse(path.begin(), path.end());
        path = allowedPart(path, tissue);
        // From the insertion end of that strip along the fibres themselves, as long as they
        // stay over the muscle; the strip's centre line where the fibres leave it at once.
        if (path.size() > 1) {
          Path fibres = allowedPart(followFibres(leg_, tissue, path.front(), lengthOf(path)), tissue);
          if (lengthOf(fibres) >= 0.6f * lengthOf(path)) path = std::move(fibres);
        }
      }
      path = allowedPart(path, tissue);
      if (technique_.reference != Reference::BellyProgression) path = notAgainstLymph(leg_, alongFibresPart(leg_, std::move(path), tissue));
      if (path.size() < 2) noStripFor(tissue);
      out.emplace_back(std::move(path), tissue);
    }
    return out;
  }

  // Streamlines of the lymph flow: across a region from its distal edge, or up each
  // targeted muscle from its distal end.
  std::vector<std::pair<Path, int>> flowLanes(int count) {
    std::vector<std::pair<Path, int>> out;
    for (const auto& [seed, tissue, top] : flowSeeds(count)) {
      Path path = followLymphFlow(leg_, seed, kLongestGlide);
      while (path.size() > 2 && path.back().position.y > top) path.pop_back();
      path = allowedPart(path, -1);
      if (path.size() >= 2) out.emplace_back(std::move(path), tissue);
    }
    return out;
  }

  struct Seed {
    SkinPoint at;
    int tissue;
    float top;  // the glide ends above this height
  };

  std::vector<Seed> flowSeeds(int count) {
    std::vector<Seed> seeds;
    if (region_) {
      const glm::vec2 heights = region_->heightRange.value_or(glm::vec2(-10.0f, 10.0f));
      for (const SkinPoint& p : regionSpots(count, heights.x + 0.01f)) seeds.push_back({p, -1, heights.y});
      return seeds;
    }
    for (int tissue : tissues_) {
      Path belly = skinOverBelly(leg_, tissue);
      if (belly.size() < 2) continue;
      const auto lowest = std::min_element(belly.begin(), belly.end(), [](auto& a, auto& b) { return a.position.y < b.position.y; });
      const auto highest = std::max_element(belly.begin(), belly.end(), [](auto& a, auto& b) { return a.position.y < b.position.y; });
      seeds.push_back({*lowest, tissue, highest->position.y});
    }
    if (seeds.empty())
      fail("target", std::string(technique_.name) + " follows the lymph flow over a region or a muscle",
           "target a region, e.g. 'target: {region: leg_anterior}', or a muscle");
    return seeds;
  }

  // `count` points on the skin of the region at height y, spread across its width.
  std::vector<SkinPoint> regionSpots(int count, float y) const {
    std::vector<SkinPoint> spots;
    for (int i = 0; i < count; ++i) {
      const float f = (i + 0.5f) / count;
      const glm::vec3 centre = leg_.limbCentre(y);
      if (region_->angleDegrees) {
        const float angle = glm::mix(region_->angleDegrees->x, region_->angleDegrees->y, f);
        spots.push_back(leg_.skinToward(centre, aroundLimb(angle)));
      } else if (region_->depthRange) {
        // The foot: the top of the foot faces up, the heel faces back.
        const glm::vec2 z = *region_->depthRange;
        const bool dorsum = z.x + z.y > 0;
        const glm::vec3 inside(centre.x + (f - 0.5f) * 0.04f, y, dorsum ? glm::mix(z.y, z.x, 0.2f) : glm::mix(z.x, z.y, 0.5f));
        spots.push_back(leg_.skinToward(inside, dorsum ? glm::vec3(0, 1, 0) : glm::vec3(0, 0, -1)));
      } else {
        spots.push_back(leg_.skinToward(centre, aroundLimb(360.0f * f)));
      }
    }
    return spots;
  }

  Path route() {
    const auto point = [&](const std::string& id, const std::string& field) {
      if (auto p = leg_.namedPoint(id)) return *p;
      const std::string near = nearestName(id, leg_.namedPointIds());
      fail(field, "there is no landmark or lymph node '" + id + "'",
           near.empty() ? "see 'legatlas landmarks' for the ids" : "did you mean '" + near + "'?");
    };
    const glm::vec3 from = point(step_.path.from, "path"), to = point(step_.path.to, "path");
    const std::optional<glm::vec3> side = sideDirection(step_.path.over);
    std::vector<glm::vec3> line;
    const int n = std::max(2, static_cast<int>(glm::length(to - from) / kSampleSpacing) + 1);
    for (int i = 0; i < n; ++i) {
      const glm::vec3 p = glm::mix(from, to, float(i) / float(n - 1));
      const glm::vec3 outward = side ? *side : p - leg_.limbCentre(p.y);
      line.push_back(glm::length(outward) > 1e-6f ? leg_.skinToward(p, outward).position : leg_.skinNear(p).position);
    }
    return resampleOnSkin(leg_, smoothed(line, 3), kSampleSpacing);
  }

  std::optional<glm::vec3> sideDirection(const std::string& over) const {
    if (over.empty()) return std::nullopt;
    const std::vector<std::pair<std::string, glm::vec3>> words{
        {"antero", {0, 0, 1}}, {"anterior", {0, 0, 1}}, {"postero", {0, 0, -1}}, {"posterior", {0, 0, -1}},
        {"medial", {-1, 0, 0}}, {"lateral", {1, 0, 0}}, {"medio", {-1, 0, 0}}, {"latero", {1, 0, 0}}};
    glm::vec3 sum(0.0f);
    std::string rest = over;
    while (!rest.empty()) {
      bool matched = false;
      for (const auto& [word, direction] : words) {
        if (!rest.starts_with(word)) continue;
        sum += direction, rest = rest.substr(word.size()), matched = true;
        break;
      }
      if (!matched)
        fail("path", "unknown side '" + over + "'", "use anterior, posterior, medial, lateral or a mix such as anteromedial");
    }
    if (glm::length(sum) < 1e-6f) fail("path", "the side '" + over + "' points nowhere", "name one side, e.g. anterior");
    return glm::normalize(sum);
  }

  // Spots for circles and rest.
  std::vector<std::pair<SkinPoint, int>> spots() {
    if (pathKind() == PathSpec::Kind::At && !step_.path.at.empty()) {
      const auto p = leg_.namedPoint(step_.path.at);
      if (!p) {
        const std::string near = nearestName(step_.path.at, leg_.namedPointIds());
        fail("path", "there is no landmark or lymph node '" + step_.path.at + "'",
             near.empty() ? "see 'legatlas landmarks' for the ids" : "did you mean '" + near + "'?");
      }
      return {{leg_.skinNear(*p), tissues_.empty() ? -1 : tissues_.front()}};
    }
    if (pathKind() != PathSpec::Kind::At)
      fail("path", std::string(technique_.name) + " stays at one spot", "write 'path: {at: ID}' or leave the path out");
    if (!nodes_.empty()) {
      glm::vec3 centre(0.0f);
      for (const glm::vec3& n : nodes_) centre += n;
      return {{leg_.skinNear(centre / float(nodes_.size())), -1}};
    }
    if (region_ && step_.sequence) return inSequence(spotsAlongRegion(2 * kCircleRadius, 2 * kCircleRadius));
    if (region_) {
      const glm::vec2 heights = region_->heightRange.value_or(glm::vec2(leg_.limbCentre(0).y));
      return {{regionSpots(1, 0.5f * (heights.x + heights.y)).front(), -1}};
    }
    std::vector<std::pair<SkinPoint, int>> out;
    for (int tissue : tissues_) {
      const Path belly = skinOverBelly(leg_, tissue);
      if (!belly.empty()) out.emplace_back(belly[belly.size() / 2], tissue);
    }
    return out;
  }

  // ---- timing ----

  Stroke newStroke(int tissue) const {
    Stroke s;
    s.step = index_;
    s.pass = static_cast<int>(strokes_.size());
    s.technique = &technique_;
    s.pressure = step_.pressure;
    s.tissue = tissue;
    if (region_) s.region = region_->id;
    return s;
  }

  void addWorking(Stroke& s, const Path& path, float seconds) {
    const float length = std::max(lengthOf(path), 1e-6f);
    float along = 0;
    for (size_t i = 0; i < path.size(); ++i) {
      if (i > 0) along += glm::length(path[i].position - path[i - 1].position);
      s.working.push_back({path[i].position, path[i].normal, clock_ + seconds * along / length, -1});
    }
    clock_ += seconds;
  }

  // Back to the start: light strokes glide back on the skin, the others lift off.
  void addReturn(Stroke& s, const Path& path, float seconds, bool lifted) {
    const float length = std::max(lengthOf(path), 1e-6f);
    float along = 0;
    for (size_t k = 0; k < path.size(); ++k) {
      const size_t i = path.size() - 1 - k;
      if (k > 0) along += glm::length(path[i].position - path[i + 1].position);
      const glm::vec3 lift = lifted ? path[i].normal * (kLiftOff * std::sin(glm::pi<float>() * along / length)) : glm::vec3(0.0f);
      s.back.push_back({path[i].position + lift, path[i].normal, clock_ + seconds * along / length, -1});
    }
    clock_ += seconds + kPauseBetweenStrokes;
  }

  bool liftsOff() const { return technique_.reachesMuscle || technique_.contact == Contact::Stone; }

  void planGlides() {
    for (auto& [path, tissue] : lanes()) {
      // Over a region each pass has a lane of its own, spread across it.
      const bool lanePerPass = region_ && (pathKind() == PathSpec::Kind::FollowLymphFlow || pathKind() == PathSpec::Kind::AlongTarget);
      const int passes = lanePerPass ? 1 : step_.passes;
      for (int pass = 0; pass < passes; ++pass) {
        Stroke s = newStroke(tissue);
        const float length = lengthOf(path);
        const float speed = technique_.motion == Motion::Grips ? kGripAdvance : technique_.speed;
        addWorking(s, path, step_.durationSeconds.value_or(length / speed));
        addReturn(s, path, length / (liftsOff() ? 0.25f : 0.2f), liftsOff());
        strokes_.push_back(std::move(s));
      }
    }
  }

  void planCircles() {
    for (const auto& [spot, tissue] : spots()) {
      const CircleArcs circle = circleArcs(leg_, spot, kCircleRadius, kSampleSpacing);
      if (circle.pressure.empty()) fail("target", "no lymph flow is known at this spot", "choose a spot on the leg's skin");
      const float cycle = step_.durationSeconds.value_or(1.0f / technique_.cyclesPerSecond);
      for (int pass = 0; pass < step_.passes; ++pass) {
        Stroke s = newStroke(tissue);
        addWorking(s, circle.pressure, cycle * 0.5f);
        Path back(circle.release.rbegin(), circle.release.rend());  // addReturn walks it backwards again
        addReturn(s, back, cycle * 0.5f, false);
        strokes_.push_back(std::move(s));
      }
    }
  }

  // Pumps and scoops: short pushes with the flow, at spots worked from proximal to distal
  // unless the step gives a sequence. Scoops turn toward the inner side of the limb, where
  // the ventromedial bundle carries most of the leg's lymph.
  void planPushes(float turnDegrees) {
    for (const auto& [spot, tissue] : pushSpots()) {
      float turn = turnDegrees;
      if (turn != 0.0f) {
        const glm::vec3 flow = leg_.lymphFlow().at(spot.position, spot.normal);
        if (glm::rotate(flow, glm::radians(-turn), spot.normal).x < glm::rotate(flow, glm::radians(turn), spot.normal).x) turn = -turn;
      }
      Path path = followLymphFlow(leg_, spot, kPushLength, turn);
      if (region_) path = longestRun(path, [&](const SkinPoint& p) { return leg_.inRegion(*region_, p.position); });
      if (path.size() < 2) continue;
      for (int pass = 0; pass < step_.passes; ++pass) {
        Stroke s = newStroke(tissue);
        addWorking(s, path, step_.durationSeconds.value_or(0.5f / technique_.cyclesPerSecond));
        addReturn(s, path, 0.5f / technique_.cyclesPerSecond, true);
        strokes_.push_back(std::move(s));
      }
    }
  }

  // Spots every push spacing along the middle of the region, nearest its nodes first;
  // `keepBeforeEnd` metres at the proximal end stay free for the push itself.
  std::vector<std::pair<SkinPoint, int>> spotsAlongRegion(float keepBeforeEnd, float keepAfterStart = 0.0f) const {
    std::vector<std::pair<SkinPoint, int>> out;
    const std::vector<Path> middle = regionLanes(leg_, *region_, 1);
    if (middle.empty()) return out;
    const Path& lane = middle.front();  // distal to proximal
    // A sequence moves along even on a short region: then the ends are kept half as free.
    if (step_.sequence && lengthOf(lane) - keepBeforeEnd - keepAfterStart < kPushSpacing)
      keepBeforeEnd *= 0.5f, keepAfterStart *= 0.5f;
    const float usable = std::max(0.0f, lengthOf(lane) - keepBeforeEnd - keepAfterStart);
    const int count = std::max(step_.sequence ? 2 : 1, static_cast<int>(usable / kPushSpacing) + 1);
    std::vector<float> distances;
    for (int i = 0; i < count; ++i)
      distances.push_back(keepAfterStart + (count == 1 ? 0.0f : usable * float(i) / float(count - 1)));
    float along = 0;
    size_t next = 0;
    for (size_t i = 0; i < lane.size() && next < distances.size(); ++i) {
      if (i > 0) along += glm::length(lane[i].position - lane[i - 1].position);
      if (along + 1e-6f >= distances[next]) out.emplace_back(lane[i], -1), ++next;
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

  // The spots again, in the order the step's sequence places them.
  std::vector<std::pair<SkinPoint, int>> inSequence(std::vector<std::pair<SkinPoint, int>> spots) const {
    if (!step_.sequence) return spots;
    const glm::vec3 from = stopPoint(step_.sequence->from), to = stopPoint(step_.sequence->to);
    const auto along = [&](const SkinPoint& p) { return glm::dot(p.position - from, to - from); };
    std::stable_sort(spots.begin(), spots.end(), [&](auto& a, auto& b) { return along(a.first) < along(b.first); });
    return spots;
  }

  glm::vec3 stopPoint(const std::string& stop) const {
    const char* landmark = stop == "toes"    ? "lesser_toes_dorsum"
                           : stop == "ankle" ? "ankle_joint_centre"
                           : stop == "knee"  ? "knee_joint_centre"
                                             : "saphenous_opening";
    if (const auto p = leg_.namedPoint(landmark)) return *p;
    fail("sequence", "the leg has no landmark '" + std::string(landmark) + "' to place the " + stop + " by",
         "add it to landmarks.json, or leave the sequence out");
  }

  std::vector<std::pair<SkinPoint, int>> pushSpots() {
    std::vector<std::pair<SkinPoint, int>> out;
    if (pathKind() != PathSpec::Kind::FollowLymphFlow)
      fail("path", std::string(technique_.name) + " pushes with the lymph flow", "write 'path: {follow: lymph_flow}' or leave it out");
    if (region_) {
      out = spotsAlongRegion(kPushLength);
      if (out.empty()) fail("target", "the region '" + region_->id + "' has no skin to push along", "choose another region");
      return inSequence(std::move(out));
    }
    for (int tissue : tissues_) {
      Path belly = skinOverBelly(leg_, tissue);
      if (belly.size() < 2) continue;
      if (belly.front().position.y < belly.back().position.y) std::reverse(belly.begin(), belly.end());
      const int count = std::max(2, static_cast<int>(lengthOf(belly) / kPushSpacing));
      for (int i = 0; i < count; ++i) out.emplace_back(belly[i * (belly.size() - 1) / std::max(1, count - 1)], tissue);
    }
    return inSequence(std::move(out));
  }

  void planRest() {
    const auto where = spots();
    if (where.empty()) return;
    glm::vec3 centre(0.0f);
    for (const auto& [spot, tissue] : where) centre += spot.position;
    SkinPoint spot = leg_.skinNear(centre / float(where.size()));
    // A stretch pushes the foot up toward the shin: the palm is on the sole, the side of the
    // foot facing away from the push.
    if (technique_.contact == Contact::HeelAndSole) {
      // From inside the foot (the landmark, e.g. the head of the first metatarsal) out
      // through the sole.
      const std::optional<glm::vec3> inside = step_.path.at.empty() ? std::nullopt : leg_.namedPoint(step_.path.at);
      spot = leg_.skinToward(inside.value_or(spot.position - spot.normal * 0.02f), -shinAxis(leg_));
    }
    const float seconds = step_.durationSeconds.value_or(technique_.holdSeconds);
    for (int pass = 0; pass < step_.passes; ++pass) {
      Stroke s = newStroke(where.front().second);
      const int samples = std::max(2, static_cast<int>(seconds / kRestSampleSeconds) + 1);
      for (int i = 0; i < samples; ++i)
        s.working.push_back({spot.position, spot.normal, clock_ + seconds * float(i) / float(samples - 1), -1});
      clock_ += seconds + kPauseBetweenStrokes;
      strokes_.push_back(std::move(s));
    }
  }

  const Lesson& lesson_;
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

// For a region or node target, the tissue worked on is the one most often under the hand.
void noteTissuesBeneath(const LegModel& leg, Stroke& stroke) {
  std::map<int, int> counts;
  for (StrokeSample& s : stroke.working) {
    s.beneath = leg.tissueBeneath({s.position, s.normal});
    if (s.beneath >= 0) counts[s.beneath]++;
  }
  if (stroke.tissue >= 0 || counts.empty()) return;
  stroke.tissue = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

}  // namespace

std::vector<Stroke> planLesson(const Lesson& lesson, const LegModel& leg) {
  std::vector<Stroke> strokes;
  float clock = 0;
  for (int i = 0; i < static_cast<int>(lesson.steps.size()); ++i) {
    std::vector<Stroke> step = StepPlanner(lesson, i, leg, clock).plan();
    for (Stroke& s : step) noteTissuesBeneath(leg, s);
    const ClientPosition position = stepPosition(leg, lesson.steps[i], step);
    for (Stroke& s : step) {
      s.position = position;
      strokes.push_back(std::move(s));
    }
  }
  return strokes;
}

}  // namespace legatlas::technique
