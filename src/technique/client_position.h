#pragma once
// The client on the table: the position each step is worked in, and how often a lesson
// makes the client turn over. A lesson that turns the client more than twice wastes the
// session and chills the client; `check` warns about it.
#include <string>
#include <vector>

#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke.h"

namespace legatlas::technique {

inline constexpr int kMostTurns = 2;

// The step's own position if it gives one; else its region's; else, for a muscle or
// node target, prone when the strokes lie on the back of the limb and supine otherwise.
ClientPosition stepPosition(const LegModel& leg, const LessonStep& step, const std::vector<Stroke>& strokes);

// The position of every step, from the planned strokes (each carries its step's).
std::vector<ClientPosition> stepPositions(const Lesson& lesson, const std::vector<Stroke>& strokes);

// How many times the client changes position from one step to the next.
int turnsOf(const std::vector<ClientPosition>& positions);

// What `check` warns about without failing: a lesson that turns the client more than
// twice, with the positions in order and the fix.
std::vector<std::string> lessonWarnings(const Lesson& lesson, const std::vector<Stroke>& strokes);

}  // namespace legatlas::technique
