#pragma once
// Scores a stroke a student drew (or a script wrote) against the same rules the lesson
// checker uses: direction, staying on the target, tempo for lymph drainage, and the
// endangerment sites. Gives a score out of 100, the rule results, plain-language
// feedback, and the stroke as it should go.
#include <glm/vec4.hpp>
#include <string>
#include <vector>

#include "technique/leg_model.h"
#include "technique/rule_checker.h"
#include "technique/stroke.h"

namespace legatlas::technique {

struct PracticeTask {
  const Technique* technique = nullptr;
  std::string target;  // a tissue id or a region id
};

struct PracticeScore {
  int score = 0;  // 0..100
  std::vector<RuleResult> rules;
  std::vector<std::string> feedback;  // plain words, most important first
  Stroke drawn;                       // the student's stroke, laid on the skin
  Stroke correct;                     // the stroke planned for the same task
};

inline constexpr int kPassingScore = 70;
// Metres: a drawn path shorter than this has no direction to judge (a click, a tremor).
inline constexpr float kShortestScoredStroke = 0.01f;

// The length of a path of [x, y, z, t] samples, or of samples on the skin, in metres.
float pathLength(const std::vector<glm::vec4>& path);
float pathLength(const std::vector<StrokeSample>& samples);
// Each [x, y, z, t] point of a path moved to the nearest skin, with the skin's normal there.
std::vector<StrokeSample> layOnSkin(const LegModel& leg, const std::vector<glm::vec4>& path);

// Scores samples drawn on the skin (positions on it, with its normals). Throws InputError
// naming `task.target` when the leg has no such tissue or region, or the technique cannot
// work on it.
PracticeScore scorePractice(const LegModel& leg, const PracticeTask& task, const std::vector<StrokeSample>& drawnOnSkin);
// Scores a path of [x, y, z, t] points (from a file or a script), each laid on the skin first.
PracticeScore scorePractice(const LegModel& leg, const PracticeTask& task, const std::vector<glm::vec4>& path);

// A path of [x, y, z, t] samples from JSON text: a bare array, an object with "working"
// (one stroke of `legatlas strokes --json`) or with "path". Throws InputError naming
// `fileName` and the sample.
std::vector<glm::vec4> parseStrokePath(const std::string& json, const std::string& fileName);

}  // namespace legatlas::technique
