#include "technique/quiz.h"

#include <algorithm>
#include <glm/geometric.hpp>
#include <random>

#include "core/text.h"
#include "technique/stroke_planner.h"

namespace legatlas::technique {
namespace {

constexpr int kChoices = 4;

// Muscles a student can see and name: superficial and intermediate, by their names.
std::vector<int> nameableMuscles(const LegModel& leg) {
  std::vector<int> muscles;
  for (int i = 0; i < static_cast<int>(leg.scene().tissues.size()); ++i)
    if (leg.scene().tissues[i].layer == anatomy::Layer::SuperficialMuscle) muscles.push_back(i);
  return muscles;
}

QuizQuestion nameTheMuscle(const LegModel& leg, std::mt19937& random) {
  std::vector<int> muscles = nameableMuscles(leg);
  std::shuffle(muscles.begin(), muscles.end(), random);
  muscles.resize(std::min<size_t>(muscles.size(), kChoices));
  QuizQuestion q;
  q.kind = QuizQuestion::Kind::NameTheMuscle;
  q.tissue = muscles.front();
  q.prompt = "Which muscle is highlighted?";
  std::vector<int> order = muscles;
  std::shuffle(order.begin(), order.end(), random);
  for (int m : order) q.choices.push_back(leg.scene().tissues[m].name);
  q.answer = static_cast<int>(std::find(order.begin(), order.end(), q.tissue) - order.begin());
  for (const anatomy::Fact& f : leg.scene().tissues[q.tissue].facts)
    if (f.label == "Action") q.why = leg.scene().tissues[q.tissue].name + ": " + f.text;
  return q;
}

struct DirectionTask {
  const char* technique;
  const char* region;
  const char* place;  // the region in words
};

// Where the planned stroke goes, in the words of the choices.
int directionChoice(const Stroke& s) {
  const glm::vec3 travel = s.working.back().position - s.working.front().position;
  if (std::abs(travel.y) < 0.5f * glm::length(glm::vec2(travel.x, travel.z))) return 2;  // mostly around the limb
  return travel.y > 0 ? 0 : 1;
}

QuizQuestion pickTheDirection(const LegModel& leg, std::mt19937& random) {
  static constexpr DirectionTask kTasks[] = {
      {"gliding", "leg_anterior", "the front of the shin"},  {"gliding", "thigh_medial", "the inner thigh"},
      {"mld_pump", "thigh_lateral", "the outer thigh"},       {"gliding", "calf_posterior", "the back of the calf"},
      {"mld_scoop", "calf_posterior", "the calf"},            {"mld_pump", "leg_anterior", "the front of the lower leg"},
  };
  const DirectionTask& task = kTasks[std::uniform_int_distribution<size_t>(0, std::size(kTasks) - 1)(random)];
  Lesson lesson;
  lesson.file = "quiz";
  LessonStep step;
  step.technique = findTechnique(task.technique);
  step.target = {Target::Kind::Region, {task.region}};
  step.passes = 1;
  step.pressure = step.technique->pressure;
  lesson.steps.push_back(step);
  const Stroke stroke = planLesson(lesson, leg).front();
  QuizQuestion q;
  q.kind = QuizQuestion::Kind::PickTheDirection;
  q.prompt = "Which way does " + lowerFirst(std::string(step.technique->name)) + " go on " + task.place + "?";
  q.choices = {"Upward, toward the nodes it drains to", "Downward, toward the foot", "Around the leg, across it"};
  q.answer = directionChoice(stroke);
  q.why = std::string(step.technique->why);
  return q;
}

}  // namespace

std::vector<QuizQuestion> makeQuiz(const LegModel& leg, unsigned seed, int count) {
  std::mt19937 random(seed);
  std::vector<QuizQuestion> quiz;
  for (int i = 0; i < count; ++i)
    quiz.push_back(i % 2 == 0 && nameableMuscles(leg).size() >= kChoices ? nameTheMuscle(leg, random) : pickTheDirection(leg, random));
  return quiz;
}

}  // namespace legatlas::technique
