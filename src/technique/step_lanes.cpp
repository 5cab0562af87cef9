#include "technique/step_planner.h"

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

namespace legatlas::technique::planning {

std::vector<std::pair<Path, int>> StepPlanner::lanes() {
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

Path StepPlanner::allowedPart(const Path& path, int tissue) const {
  return longestRun(path, [&](const SkinPoint& p) {
    return !barringSiteAt(leg_, technique_, step_.pressure, p.position) &&
           (tissue < 0 || contactOver(leg_, technique_, tissue, p)) && (!region_ || leg_.inRegion(*region_, p.position));
  });
}

void StepPlanner::orientDistalToProximal(Path& path) const {
  if (path.size() > 1 && path.front().position.y > path.back().position.y) std::reverse(path.begin(), path.end());
}

std::vector<std::pair<Path, int>> StepPlanner::targetLanes() {
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

void StepPlanner::noStripFor(int tissue) const {
  fail("target", "'" + leg_.scene().tissues[tissue].id + "' has no stretch under the skin where " +
                     lowerFirst(std::string(technique_.name)) + " at " + pressureName(step_.pressure) +
                     " pressure can work it",
       "target a muscle that lies under the skin, or a region");
}

std::vector<std::pair<Path, int>> StepPlanner::fibreLanes() {
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
      path = fibresAlongStrip(allowedPart(path, tissue), tissue);
    }
    path = allowedPart(path, tissue);
    if (technique_.reference != Reference::BellyProgression) path = notAgainstLymph(leg_, alongFibresPart(leg_, std::move(path), tissue));
    if (path.size() < 2) noStripFor(tissue);
    out.emplace_back(std::move(path), tissue);
  }
  return out;
}

// From the insertion end of the strip along the fibres themselves, as long as they stay
// over the muscle and cover most of the strip. Where the fibres leave it at once (the
// strip's end lies on a tendon that turns, as tibialis anterior's does at the ankle) the
// start moves up the strip a centimetre at a time, over its lower third at most; the
// strip's centre line where the fibres never follow it.
Path StepPlanner::fibresAlongStrip(const Path& strip, int tissue) const {
  constexpr float kCovered = 0.6f, kStartStep = 0.01f, kFurthestStart = 1.0f / 3.0f;
  const float total = lengthOf(strip);
  float up = 0, nextStart = 0;
  for (size_t i = 0; i + 1 < strip.size() && up <= kFurthestStart * total; ++i) {
    if (i > 0) up += glm::distance(strip[i].position, strip[i - 1].position);
    if (up < nextStart) continue;
    nextStart = up + kStartStep;
    Path fibres = allowedPart(followFibres(leg_, tissue, strip[i], total - up), tissue);
    if (lengthOf(fibres) >= kCovered * total) return fibres;
  }
  return strip;
}

std::vector<std::pair<Path, int>> StepPlanner::flowLanes(int count) {
  std::vector<std::pair<Path, int>> out;
  for (const auto& [seed, tissue, top] : flowSeeds(count)) {
    Path path = followLymphFlow(leg_, seed, kLongestGlide);
    while (path.size() > 2 && path.back().position.y > top) path.pop_back();
    path = allowedPart(path, -1);
    if (path.size() >= 2) out.emplace_back(std::move(path), tissue);
  }
  return out;
}

std::vector<StepPlanner::Seed> StepPlanner::flowSeeds(int count) {
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

std::vector<SkinPoint> StepPlanner::regionSpots(int count, float y) const {
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

Path StepPlanner::route() {
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

std::optional<glm::vec3> StepPlanner::sideDirection(const std::string& over) const {
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

std::vector<std::pair<SkinPoint, int>> StepPlanner::spots() {
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

std::vector<std::pair<SkinPoint, int>> StepPlanner::spotsAlongRegion(float keepBeforeEnd, float keepAfterStart) const {
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

std::vector<std::pair<SkinPoint, int>> StepPlanner::inSequence(std::vector<std::pair<SkinPoint, int>> spots) const {
  if (!step_.sequence) return spots;
  const glm::vec3 from = stopPoint(step_.sequence->from), to = stopPoint(step_.sequence->to);
  const auto along = [&](const SkinPoint& p) { return glm::dot(p.position - from, to - from); };
  std::stable_sort(spots.begin(), spots.end(), [&](auto& a, auto& b) { return along(a.first) < along(b.first); });
  return spots;
}

glm::vec3 StepPlanner::stopPoint(const std::string& stop) const {
  const char* landmark = stop == "toes"    ? "lesser_toes_dorsum"
                         : stop == "ankle" ? "ankle_joint_centre"
                         : stop == "knee"  ? "knee_joint_centre"
                                           : "saphenous_opening";
  if (const auto p = leg_.namedPoint(landmark)) return *p;
  fail("sequence", "the leg has no landmark '" + std::string(landmark) + "' to place the " + stop + " by",
       "add it to landmarks.json, or leave the sequence out");
}

std::vector<std::pair<SkinPoint, int>> StepPlanner::pushSpots() {
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

}  // namespace legatlas::technique::planning
