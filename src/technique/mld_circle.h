#pragma once
// A stationary lymph-drainage circle: the fingers stretch the skin round a spot and push
// only while the stretch runs with the lymph, then release round the rest of the circle.
// The pressure phase is the arc whose every part runs with the flow under it, so where the
// flow turns within the circle's reach (round the malleoli, where the vessels wrap the
// bone) it shortens and turns with the flow instead of pushing part of it back.
#include <glm/vec3.hpp>

#include "technique/leg_model.h"
#include "technique/skin_lanes.h"

namespace legatlas::technique {

struct CircleArcs {
  SkinPath pressure;  // in the order the fingers move
  SkinPath release;   // from the pressure's end round to its start
};

// The arcs of a circle of `radius` round `spot`, both on the skin. Empty when no lymph
// flow is known at the spot.
CircleArcs circleArcs(const LegModel& leg, const SkinPoint& spot, float radius, float sampleSpacing);

}  // namespace legatlas::technique
