#include "technique/client_position.h"

#include <cmath>

namespace legatlas::technique {
namespace {

// Degrees from straight forward beyond which the skin faces the table when supine.
constexpr float kBackOfLimbDegrees = 115.0f;

}  // namespace

ClientPosition stepPosition(const LegModel& leg, const LessonStep& step, const std::vector<Stroke>& strokes) {
  if (step.position) return *step.position;
  if (step.target.kind == Target::Kind::Region)
    if (const anatomy::Region* r = leg.findRegion(step.target.ids.front()); r && !r->position.empty())
      return clientPositionFromId(r->position).value_or(ClientPosition::Supine);
  // Where the hands are: on the back of the limb the client lies prone.
  int behind = 0, samples = 0;
  for (const Stroke& s : strokes)
    for (const StrokeSample& sample : s.working) {
      ++samples;
      if (std::abs(leg.angleAround(sample.position)) > kBackOfLimbDegrees) ++behind;
    }
  return samples > 0 && 2 * behind > samples ? ClientPosition::Prone : ClientPosition::Supine;
}

std::vector<ClientPosition> stepPositions(const Lesson& lesson, const std::vector<Stroke>& strokes) {
  std::vector<ClientPosition> positions(lesson.steps.size(), ClientPosition::Supine);
  for (const Stroke& s : strokes)
    if (s.step >= 0 && static_cast<size_t>(s.step) < positions.size()) positions[s.step] = s.position;
  return positions;
}

int turnsOf(const std::vector<ClientPosition>& positions) {
  int turns = 0;
  for (size_t i = 1; i < positions.size(); ++i) turns += positions[i] != positions[i - 1];
  return turns;
}

std::vector<std::string> lessonWarnings(const Lesson& lesson, const std::vector<Stroke>& strokes) {
  std::vector<std::string> warnings;
  const std::vector<ClientPosition> positions = stepPositions(lesson, strokes);
  const int turns = turnsOf(positions);
  if (turns <= kMostTurns) return warnings;
  std::string order;
  for (size_t i = 0; i < positions.size(); ++i)
    if (i == 0 || positions[i] != positions[i - 1])
      order += (order.empty() ? "" : ", ") + std::string(clientPositionId(positions[i])) + " from step " + std::to_string(i + 1);
  warnings.push_back("the client turns " + std::to_string(turns) + " times (" + order + "); group the steps by position " +
                     "(say every supine step, then every prone step) so that the client turns at most " +
                     std::to_string(kMostTurns) + " times, or give a step its 'position:'");
  return warnings;
}

}  // namespace legatlas::technique
