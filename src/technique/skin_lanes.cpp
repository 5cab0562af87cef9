#include "technique/skin_lanes.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtx/rotate_vector.hpp>
#include <glm/trigonometric.hpp>
#include <map>

namespace legatlas::technique {
namespace {

constexpr float kLaneSpacing = 0.005f;   // metres between the samples of a lane
constexpr float kSampleSpacing = 0.005f;  // metres between the steps of a followed path
// Laid on the skin, a step longer than this many spacings is a jump across a crease.
constexpr float kLongestStep = 1.9f;
constexpr int kMostGapSplits = 4;
constexpr int kCreaseSmoothing = 6;  // further smoothing passes of a region's lanes
constexpr float kBellyBin = 0.01f;        // slices along a muscle when finding its belly
constexpr float kBellyShare = 0.5f;       // a slice is belly when at least this share of the widest
constexpr float kNearNode = 0.015f;       // the flow has arrived
constexpr float kLaneInset = 0.012f;     // lanes start and end this far inside a region's edges
constexpr float kStripBin = 0.01f;       // slices along the limb when finding an exposed strip
constexpr int kMostStripVertices = 4000;  // a muscle's vertices are thinned to about this many
constexpr float kGripReach = 0.04f;      // kneading grasps a muscle this far under the skin
constexpr int kAngleBins = 36;
constexpr float kSideWindow = 65.0f;

glm::vec3 aroundLimb(float degrees) {
  const float a = glm::radians(degrees);
  return {std::sin(a), 0.0f, std::cos(a)};
}

float landmarkY(const LegModel& leg, const char* id, float fallback) {
  const auto p = leg.namedPoint(id);
  return p ? p->y : fallback;
}

// The points of a lane, on the skin and evenly spaced, ordered from `from` to `to`.
SkinPath laneThrough(const LegModel& leg, const std::vector<glm::vec3>& points) {
  if (points.size() < 2) return {};
  const SkinPath rough = resampleOnSkin(leg, points, kLaneSpacing);
  return resampleOnSkin(leg, smoothed(positionsOf(rough), 4), kLaneSpacing);
}

// The skin over each (sampled) vertex of a tissue where that tissue is the first beneath
// it, with its angle around the limb; a side asked for keeps the skin within kSideWindow
// degrees of it.
struct ExposedSkin {
  std::vector<glm::vec3> points;
  std::vector<float> angles;
};

ExposedSkin exposedSkin(const LegModel& leg, int tissue, std::optional<glm::vec3> side) {
  std::vector<glm::vec3> vertices;
  for (const scene::SceneMesh& m : leg.scene().meshes)
    if (m.tissueIndex == tissue && m.detail == 0)
      vertices.insert(vertices.end(), m.mesh.positions.begin(), m.mesh.positions.end());
  // In one order, each point once: the same points however the tissue's surface is
  // divided into meshes (a belly and its tendon share the line where they meet).
  const auto before = [](const glm::vec3& a, const glm::vec3& b) {
    return a.x != b.x ? a.x < b.x : a.y != b.y ? a.y < b.y : a.z < b.z;
  };
  std::sort(vertices.begin(), vertices.end(), before);
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  const size_t stride = std::max<size_t>(1, vertices.size() / kMostStripVertices);
  const float sideAngle = side ? glm::degrees(std::atan2(side->x, side->z)) : 0.0f;
  ExposedSkin skin;
  for (size_t i = 0; i < vertices.size(); i += stride) {
    const SkinPoint p = leg.skinNear(vertices[i]);
    const float angle = leg.angleAround(p.position);
    if (side && std::abs(std::remainder(angle - sideAngle, 360.0f)) > kSideWindow) continue;
    if (leg.tissueBeneath(p) != tissue) continue;
    skin.points.push_back(p.position);
    skin.angles.push_back(angle);
  }
  return skin;
}

// Which points belong to the strip worked: the points are grouped by angle around the
// limb, each run of occupied bins a strip of its own (soleus shows on both sides of the
// gastrocnemius); the one nearest `side`, or else the largest.
std::vector<bool> chosenStrip(const std::vector<float>& angles, std::optional<glm::vec3> side) {
  const auto binOf = [](float angle) { return int(std::floor((angle + 180.0f) / (360.0f / kAngleBins))) % kAngleBins; };
  std::vector<int> counts(kAngleBins, 0);
  for (float a : angles) counts[binOf(a)]++;
  // One empty bin between two occupied ones does not part a strip: a muscle's skin seen
  // from the limb's axis can miss one bin where its surface turns from front to side.
  std::vector<int> occupied(kAngleBins, 0);
  for (int b = 0; b < kAngleBins; ++b)
    occupied[b] = counts[b] > 0 || (counts[(b + kAngleBins - 1) % kAngleBins] > 0 && counts[(b + 1) % kAngleBins] > 0);
  const int firstEmpty = int(std::find(occupied.begin(), occupied.end(), 0) - occupied.begin());
  std::vector<int> strip(kAngleBins, firstEmpty == kAngleBins ? 0 : -1);  // all round: one strip
  int strips = firstEmpty == kAngleBins ? 1 : 0;
  for (int k = 1; firstEmpty < kAngleBins && k <= kAngleBins; ++k) {
    const int b = (firstEmpty + k) % kAngleBins, previous = (b + kAngleBins - 1) % kAngleBins;
    if (occupied[b]) strip[b] = occupied[previous] && strip[previous] >= 0 ? strip[previous] : strips++;
  }
  std::vector<int> sizes(strips, 0);
  std::vector<glm::vec2> directions(strips, glm::vec2(0.0f));
  for (float a : angles) {
    sizes[strip[binOf(a)]]++;
    directions[strip[binOf(a)]] += glm::vec2(std::sin(glm::radians(a)), std::cos(glm::radians(a)));
  }
  int chosen = int(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
  if (side && strips > 1) {
    const glm::vec2 want = glm::normalize(glm::vec2(side->x, side->z));
    float best = -2.0f;
    for (int s = 0; s < strips; ++s) {
      const float agree = glm::dot(glm::normalize(directions[s] + glm::vec2(1e-6f)), want);
      if (sizes[s] >= 4 && agree > best) best = agree, chosen = s;
    }
  }
  std::vector<bool> in;
  for (float a : angles) in.push_back(strip[binOf(a)] == chosen);
  return in;
}

// The centre of a strip slice by slice up the limb: the longest unbroken stretch.
std::vector<glm::vec3> centreLine(const std::vector<glm::vec3>& strip) {
  std::map<int, std::pair<glm::vec3, int>> slices;
  for (const glm::vec3& p : strip) {
    auto& [sum, n] = slices[int(std::floor(p.y / kStripBin))];
    sum += p, ++n;
  }
  std::vector<glm::vec3> best, run;
  int previous = 0;
  for (const auto& [slice, entry] : slices) {
    if (!run.empty() && slice - previous > 2) {
      if (run.size() > best.size()) best = run;
      run.clear();
    }
    run.push_back(entry.first / float(entry.second));
    previous = slice;
  }
  return run.size() > best.size() ? run : best;
}

}  // namespace

namespace {

// Points laid on the skin one by one jump across a crease (the dorsum of the foot between
// two tendons): the nearest skin point of a line's sample is on one side, of the next on
// the other. Skin points between them fill the jump.
void appendFillingGap(const LegModel& leg, SkinPath& path, const SkinPoint& next, float spacing, int depth = 0) {
  const SkinPoint& last = path.back();
  if (depth < kMostGapSplits && glm::length(next.position - last.position) > kLongestStep * spacing) {
    const SkinPoint middle = leg.skinNear(0.5f * (last.position + next.position));
    const bool between = glm::length(middle.position - last.position) < glm::length(next.position - last.position) &&
                         glm::length(middle.position - next.position) < glm::length(next.position - last.position);
    if (between) {
      appendFillingGap(leg, path, middle, spacing, depth + 1);
      appendFillingGap(leg, path, next, spacing, depth + 1);
      return;
    }
  }
  path.push_back(next);
}

// The path with every jump across a crease filled by skin points between its ends.
SkinPath withoutJumps(const LegModel& leg, const SkinPath& path, float spacing) {
  SkinPath filled;
  for (const SkinPoint& p : path) {
    if (filled.empty()) filled.push_back(p);
    else appendFillingGap(leg, filled, p, spacing);
  }
  return filled;
}

}  // namespace

SkinPath resampleOnSkin(const LegModel& leg, const std::vector<glm::vec3>& points, float spacing) {
  SkinPath out;
  if (points.empty()) return out;
  out.push_back(leg.skinNear(points.front()));
  float carried = 0;
  for (size_t i = 1; i < points.size(); ++i) {
    const glm::vec3 a = points[i - 1], b = points[i];
    const float segment = glm::length(b - a);
    float at = spacing - carried;
    while (at <= segment) {
      out.push_back(leg.skinNear(a + (b - a) * (at / segment)));
      at += spacing;
    }
    carried = segment - (at - spacing);
  }
  if (carried > spacing * 0.25f) out.push_back(leg.skinNear(points.back()));
  return out;
}

std::vector<glm::vec3> smoothed(std::vector<glm::vec3> points, int passes) {
  for (int pass = 0; pass < passes; ++pass) {
    std::vector<glm::vec3> next = points;
    for (size_t i = 1; i + 1 < points.size(); ++i) next[i] = (points[i - 1] + 2.0f * points[i] + points[i + 1]) * 0.25f;
    points = std::move(next);
  }
  return points;
}

std::vector<glm::vec3> positionsOf(const SkinPath& path) {
  std::vector<glm::vec3> out;
  for (const SkinPoint& p : path) out.push_back(p.position);
  return out;
}

float lengthOf(const SkinPath& path) {
  float length = 0;
  for (size_t i = 1; i < path.size(); ++i) length += glm::length(path[i].position - path[i - 1].position);
  return length;
}

glm::vec3 limbAxisAt(const LegModel& leg, const glm::vec3& p) {
  const glm::vec3 ankle = leg.namedPoint("ankle_joint_centre").value_or(glm::vec3(-0.04f, -0.83f, 0.0f));
  // The sole and the low forefoot: proximal is back toward the heel; the rest of the foot in
  // front of the ankle: toward the ankle.
  if (p.y < ankle.y - 0.04f) return {0.0f, 0.0f, -1.0f};
  if (p.y < ankle.y + 0.01f && p.z > ankle.z + 0.03f) {
    const glm::vec3 toAnkle = ankle - p;
    if (glm::length(toAnkle) > 1e-4f) return glm::normalize(toAnkle);
  }
  const glm::vec3 up = leg.limbCentre(p.y + 0.02f) - leg.limbCentre(p.y - 0.02f);
  return glm::length(up) > 1e-6f ? glm::normalize(up) : glm::vec3(0, 1, 0);
}

float towardNodesSign(const LegModel& leg, const anatomy::Region& region) {
  const std::vector<glm::vec3> nodes = leg.nodeGroup(region.drainsTo);
  if (nodes.empty() || !region.heightRange) return 1.0f;
  float y = 0;
  for (const glm::vec3& n : nodes) y += n.y;
  y /= float(nodes.size());
  return y < region.heightRange->x ? -1.0f : 1.0f;
}

std::vector<SkinPath> regionLanes(const LegModel& leg, const anatomy::Region& region, int count) {
  std::vector<SkinPath> lanes;
  const glm::vec2 h = region.heightRange.value_or(glm::vec2(landmarkY(leg, "ankle_joint_centre", -0.83f),
                                                            landmarkY(leg, "knee_joint_centre", -0.41f)));
  const float low = h.x + kLaneInset, high = h.y - kLaneInset;
  for (int i = 0; i < count; ++i) {
    const float f = (i + 0.5f) / float(count);
    std::vector<glm::vec3> points;
    if (region.depthRange && region.facing != "posterior") {
      // The top of the foot and the sole: lanes run from the toes back toward the heel.
      const glm::vec2 z = *region.depthRange;
      const bool sole = region.facing == "inferior";
      const glm::vec3 outward = sole ? glm::vec3(0, -1, 0) : glm::vec3(0, 1, 0);
      const float x = leg.limbCentre(h.x).x + (f - 0.5f) * 0.05f;
      const float y = 0.5f * (h.x + h.y);
      for (float zz = z.y - kLaneInset; zz >= z.x + kLaneInset; zz -= 0.01f)
        points.push_back(leg.skinToward({x, y, zz}, outward).position);
    } else {
      const float around = region.angleDegrees ? glm::mix(region.angleDegrees->x, region.angleDegrees->y, f)
                           : region.facing == "posterior" ? 180.0f + (f - 0.5f) * 40.0f
                                                          : 360.0f * f;
      for (float y = low; y <= high; y += 0.01f) {
        glm::vec3 centre = leg.limbCentre(y);
        if (region.depthRange) centre.z = 0.5f * (region.depthRange->x + region.depthRange->y) + 0.03f;
        points.push_back(leg.skinToward(centre, aroundLimb(around)).position);
      }
      if (towardNodesSign(leg, region) < 0) std::reverse(points.begin(), points.end());
    }
    // A lane across the foot crosses the tendons' creases: smoothed once more, and what
    // still jumps across one filled.
    const SkinPath laid = laneThrough(leg, points);
    const SkinPath even = resampleOnSkin(leg, smoothed(positionsOf(laid), kCreaseSmoothing), kLaneSpacing);
    SkinPath lane = longestRun(withoutJumps(leg, even, kLaneSpacing),
                               [&](const SkinPoint& p) { return leg.inRegion(region, p.position); });
    if (lane.size() >= 2) lanes.push_back(std::move(lane));
  }
  return lanes;
}

SkinPath skinOverExposedTissue(const LegModel& leg, int tissue, std::optional<glm::vec3> side) {
  const ExposedSkin skin = exposedSkin(leg, tissue, side);
  if (skin.points.size() < 4) return {};
  const std::vector<bool> chosen = chosenStrip(skin.angles, side);
  std::vector<glm::vec3> strip;
  for (size_t i = 0; i < skin.points.size(); ++i)
    if (chosen[i]) strip.push_back(skin.points[i]);
  const std::vector<glm::vec3> centre = centreLine(strip);
  return centre.size() < 2 ? SkinPath{} : laneThrough(leg, smoothed(centre, 6));
}

bool contactOver(const LegModel& leg, const Technique& technique, int tissue, const SkinPoint& p) {
  if (technique.motion == Motion::Grips) {
    const auto hit = leg.nearestOf(tissue, p.position);
    return hit && hit->distance <= kGripReach;
  }
  if (leg.tissueBeneath(p) == tissue) return true;
  // Points around the contact patch, half its radius out from the centre.
  const glm::vec3 a = glm::normalize(glm::cross(p.normal, std::abs(p.normal.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)));
  const glm::vec3 b = glm::cross(p.normal, a);
  const float r = 0.5f * technique.contactRadius;
  for (const glm::vec3& offset : {a * r, -a * r, b * r, -b * r})
    if (leg.tissueBeneath(leg.skinNear(p.position + offset)) == tissue) return true;
  return false;
}

std::vector<SkinPoint> followLymphFlow(const LegModel& leg, const SkinPoint& start, float length, float turnDegrees) {
  const float turn = glm::radians(turnDegrees);
  const auto flowAt = [&](const SkinPoint& p) {
    const glm::vec3 f = leg.lymphFlow().at(p.position, p.normal);
    return turn == 0.0f ? f : glm::rotate(f, turn, p.normal);
  };
  SkinPath path{start};
  float travelled = 0;
  while (travelled < length && path.size() < 1000) {
    const SkinPoint& here = path.back();
    const glm::vec3 f = flowAt(here);
    if (glm::length(f) < 0.5f) break;
    // Midpoint step, so that the path does not cut across where the flow turns.
    const SkinPoint middle = leg.skinNear(here.position + f * (kSampleSpacing * 0.5f));
    const glm::vec3 fm = flowAt(middle);
    const SkinPoint next = leg.skinNear(here.position + (glm::length(fm) > 0.5f ? fm : f) * kSampleSpacing);
    const float moved = glm::length(next.position - here.position);
    if (moved < kSampleSpacing * 0.25f) break;  // the flow stalls (e.g. at a watershed)
    path.push_back(next);
    travelled += moved;
    bool arrived = false;
    for (const anatomy::LymphNode& n : leg.description().nodes)
      arrived = arrived || glm::length(n.position - next.position) < kNearNode + std::max(n.radii.x, n.radii.y);
    if (arrived) break;
  }
  return path;
}

std::vector<SkinPoint> followFibres(const LegModel& leg, int tissue, const SkinPoint& start, float length) {
  const auto fibreOnSkin = [&](const SkinPoint& p) {
    glm::vec3 f = leg.fibreAt(tissue, p.position);
    f -= p.normal * glm::dot(f, p.normal);
    return glm::length(f) > 1e-3f ? glm::normalize(f) : glm::vec3(0.0f);
  };
  SkinPath path{start};
  float travelled = 0;
  while (travelled < length && path.size() < 1000) {
    const SkinPoint& here = path.back();
    const glm::vec3 f = fibreOnSkin(here);
    if (glm::length(f) < 0.5f) break;
    const SkinPoint middle = leg.skinNear(here.position + f * (kSampleSpacing * 0.5f));
    glm::vec3 fm = fibreOnSkin(middle);
    if (glm::dot(fm, f) < 0) fm = -fm;  // fibres are lines; keep going the same way
    const SkinPoint next = leg.skinNear(here.position + (glm::length(fm) > 0.5f ? fm : f) * kSampleSpacing);
    const float moved = glm::length(next.position - here.position);
    if (moved < kSampleSpacing * 0.25f) break;
    path.push_back(next);
    travelled += moved;
  }
  return path;
}

std::vector<SkinPoint> skinOverBelly(const LegModel& leg, int tissue) {
  const scene::Scene& scene = leg.scene();
  std::vector<glm::vec3> vertices;
  for (const scene::SceneMesh& m : scene.meshes)
    if (m.tissueIndex == tissue && m.detail == 0)
      vertices.insert(vertices.end(), m.mesh.positions.begin(), m.mesh.positions.end());
  if (vertices.size() < 8) return {};
  // The muscle's axis, from its insertion end to its origin end.
  const anatomy::TissueAnatomy& a = scene.tissues[tissue].anatomy;
  glm::vec3 from, to;
  if (a.origin && a.insertion) {
    from = a.insertion->point, to = a.origin->point;
  } else {
    geometry::Bounds box;
    for (const glm::vec3& v : vertices) box.add(v);
    const glm::vec3 size = box.size();
    const int axis = size.x >= size.y && size.x >= size.z ? 0 : (size.y >= size.z ? 1 : 2);
    from = to = box.center();
    from[axis] = box.min[axis], to[axis] = box.max[axis];
    if (from.y > to.y) std::swap(from, to);  // without attachments, distal to proximal
  }
  const float axisLength = glm::length(to - from);
  if (axisLength < 2 * kBellyBin) return {};
  const glm::vec3 axis = (to - from) / axisLength;
  const int bins = static_cast<int>(axisLength / kBellyBin) + 1;
  std::vector<glm::vec3> sums(bins, glm::vec3(0.0f));
  std::vector<int> counts(bins, 0);
  std::vector<float> widths(bins, 0.0f);
  const auto binOf = [&](const glm::vec3& v) {
    return std::clamp(static_cast<int>(glm::dot(v - from, axis) / kBellyBin), 0, bins - 1);
  };
  for (const glm::vec3& v : vertices) sums[binOf(v)] += v, counts[binOf(v)]++;
  for (const glm::vec3& v : vertices) {
    const int b = binOf(v);
    const glm::vec3 off = v - sums[b] / float(counts[b]);
    widths[b] = std::max(widths[b], glm::length(off - axis * glm::dot(off, axis)));
  }
  const float widest = *std::max_element(widths.begin(), widths.end());
  // The belly: the longest run of slices at least half as wide as the widest.
  int bestStart = 0, bestLength = 0, runStart = 0;
  for (int b = 0; b <= bins; ++b) {
    if (b < bins && counts[b] > 0 && widths[b] >= kBellyShare * widest) continue;
    if (b - runStart > bestLength) bestStart = runStart, bestLength = b - runStart;
    runStart = b + 1;
  }
  std::vector<glm::vec3> centres;
  for (int b = bestStart; b < bestStart + bestLength; ++b) centres.push_back(sums[b] / float(counts[b]));
  if (centres.size() < 2) return {};
  const SkinPath rough = resampleOnSkin(leg, centres, kSampleSpacing);
  return resampleOnSkin(leg, smoothed(positionsOf(rough), 6), kSampleSpacing);
}

}  // namespace legatlas::technique
