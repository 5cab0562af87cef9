#pragma once
// Where on the skin a stroke can run over its target: lanes up a region along the limb,
// the strip of skin over the part of a muscle that is not covered by another, and the
// tests that tell whether a contact is over its target and which way is proximal.
#include <optional>
#include <vector>

#include "technique/catalogue.h"
#include "technique/leg_model.h"

namespace legatlas::technique {

using SkinPath = std::vector<SkinPoint>;

// The limb's long axis at p, pointing proximally: up the thigh and leg toward the hip, and
// on the foot from the toes toward the ankle. Unit; not yet laid in the skin's plane.
glm::vec3 limbAxisAt(const LegModel& leg, const glm::vec3& p);

// +1 when the lymph of the region runs up the limb to its nodes, -1 when its nodes lie
// below it (the lower abdominal wall drains down to the groin).
float towardNodesSign(const LegModel& leg, const anatomy::Region& region);

// `count` lanes up the region along the limb's axis, spread across its width, each kept
// inside the region and ordered toward the region's nodes.
std::vector<SkinPath> regionLanes(const LegModel& leg, const anatomy::Region& region, int count);

// The skin over the part of a tissue that lies directly under the skin, along its length
// from distal to proximal. Where it is exposed on several sides (soleus on both sides of
// the gastrocnemius), the side nearest `side` (a direction around the limb) or else the
// widest strip. Empty when no part of it lies under the skin.
SkinPath skinOverExposedTissue(const LegModel& leg, int tissue, std::optional<glm::vec3> side = std::nullopt);

// Is the contact of this technique at p over the tissue: for a grasp (kneading) the
// muscle lies within the grip's reach, for every other contact the tissue is the first
// one under some part of the contact patch.
bool contactOver(const LegModel& leg, const Technique& technique, int tissue, const SkinPoint& p);

// Evenly spaced points along a polyline, each put on the skin.
SkinPath resampleOnSkin(const LegModel& leg, const std::vector<glm::vec3>& points, float spacing);
// Moving average, so that a path projected point by point does not zigzag between faces.
std::vector<glm::vec3> smoothed(std::vector<glm::vec3> points, int passes);
std::vector<glm::vec3> positionsOf(const SkinPath& path);
float lengthOf(const SkinPath& path);

// The skin path over a muscle's belly, ordered from its insertion end toward its origin
// end, sampled every few millimetres. Empty when the tissue has no belly to follow.
std::vector<SkinPoint> skinOverBelly(const LegModel& leg, int tissue);

// A path on the skin along a muscle's fibres from `start`, toward its origin, for at most
// `length` metres.
std::vector<SkinPoint> followFibres(const LegModel& leg, int tissue, const SkinPoint& start, float length);

// A path on the skin following the lymph flow from `start` for at most `length` metres,
// turned by `turnDegrees` about the skin normal (scoops spiral); stops early at the
// nodes or where the flow stalls.
std::vector<SkinPoint> followLymphFlow(const LegModel& leg, const SkinPoint& start, float length, float turnDegrees = 0);

// The longest run of the path for which `keep` holds.
template <typename Keep>
SkinPath longestRun(const SkinPath& path, Keep keep) {
  size_t bestStart = 0, bestLength = 0, start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i < path.size() && keep(path[i])) continue;
    if (i - start > bestLength) bestStart = start, bestLength = i - start;
    start = i + 1;
  }
  return SkinPath(path.begin() + static_cast<long>(bestStart), path.begin() + static_cast<long>(bestStart + bestLength));
}

}  // namespace legatlas::technique
