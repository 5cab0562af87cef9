#pragma once
// Turns the steps of a lesson into strokes on the leg. Where a stroke goes comes from the
// lesson; which way it goes comes from the anatomy: the lymph flow for gliding and lymph
// drainage, the muscle fibres (insertion toward origin) for thumb, forearm and stone, and
// distal toward proximal along the belly for kneading.
#include <vector>

#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/skin_lanes.h"
#include "technique/stroke.h"

namespace legatlas::technique {

// Plans every stroke of the lesson, one after another from time 0. Throws InputError
// naming the lesson file, the line and the field when a step names something the leg
// does not have or asks for a path its technique cannot take.
std::vector<Stroke> planLesson(const Lesson& lesson, const LegModel& leg);
// Plans one step on its own, from time 0 (a practice task, say). `source` names the step
// in messages, as a lesson's file does.
std::vector<Stroke> planStep(const LessonStep& step, const LegModel& leg, const std::string& source);

}  // namespace legatlas::technique
