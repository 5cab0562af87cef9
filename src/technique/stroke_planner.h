#pragma once
// Turns the steps of a lesson into strokes on the leg. Where a stroke goes comes from the
// lesson; which way it goes comes from the anatomy: the lymph flow for gliding and lymph
// drainage, the muscle fibres (insertion toward origin) for thumb, forearm and stone, and
// distal toward proximal along the belly for kneading.
#include <vector>

#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::technique {

// Plans every stroke of the lesson, one after another from time 0. Throws InputError
// naming the lesson file, the line and the field when a step names something the leg
// does not have or asks for a path its technique cannot take.
std::vector<Stroke> planLesson(const Lesson& lesson, const LegModel& leg);

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

}  // namespace legatlas::technique
