#include "app/simulate_command.h"

#include <cstdio>
#include <iostream>

#include "app/json_output.h"
#include "core/error.h"
#include "teaching/lesson_library.h"
#include "technique/lesson.h"

namespace legatlas::app {
namespace {

const char* orderId(teaching::StepOrder order) {
  switch (order) {
    case teaching::StepOrder::ProximalFirst: return "proximal-first";
    case teaching::StepOrder::DistalFirst: return "distal-first";
    case teaching::StepOrder::AsWritten: break;
  }
  return "as-written";
}

Json tapeJson(const std::vector<simulation::TapeMark>& tape) {
  Json out = Json::array();
  for (const simulation::TapeMark& m : tape)
    out.push_back({{"above_ankle_cm", rounded(m.aboveAnkle * 100.0, 1)}, {"circumference_cm", rounded(m.circumference * 100.0, 2)}});
  return out;
}

Json reportJson(const teaching::SimulationReport& r) {
  Json out = {{"lesson", r.lesson},
              {"condition", r.condition},
              {"reverse", r.options.reverse},
              {"order", orderId(r.options.order)},
              {"units", "ml of excess fluid in the tissue; tape volume by the frustum formula over the unswollen limb's"},
              {"start", {{"excess_ml", rounded(r.startMl, 2)}, {"tape_excess_ml", rounded(r.startTapeExcessMl, 1)},
                         {"tape", tapeJson(r.startTape)}}},
              {"steps", Json::array()}};
  for (const teaching::SimulatedStep& s : r.steps)
    out["steps"].push_back({{"step", s.step + 1},
                            {"technique", s.technique},
                            {"target", s.target},
                            {"session_minutes", rounded(s.sessionMinutes, 2)},
                            {"excess_ml", rounded(s.tissueMl, 2)},
                            {"taken_up_ml", rounded(s.takenUpMl, 2)},
                            {"tape_excess_ml", rounded(s.tapeExcessMl, 1)},
                            {"tape", tapeJson(s.tape)}});
  out["removed_share"] = rounded(r.removedShare(), 4);
  out["unaccounted_ml"] = r.unaccountedMl;
  return out;
}

// The circumferences a therapist writes down: every other mark, to keep a line short.
std::string tapeLine(const std::vector<simulation::TapeMark>& tape) {
  std::string line;
  char cell[16];
  for (size_t k = 0; k < tape.size(); k += 2) {
    std::snprintf(cell, sizeof cell, "%6.1f", tape[k].circumference * 100.0);
    line += cell;
  }
  return line;
}

void printReport(const teaching::SimulationReport& r) {
  std::printf("%s on %s%s, steps %s\n", r.lesson.c_str(), r.condition.c_str(), r.options.reverse ? ", every stroke reversed" : "",
              orderId(r.options.order));
  std::string heights;
  char cell[16];
  for (size_t k = 0; k < r.startTape.size(); k += 2) {
    std::snprintf(cell, sizeof cell, "%6.0f", r.startTape[k].aboveAnkle * 100.0);
    heights += cell;
  }
  std::printf("%-5s %-14s %-40s %7s %10s %9s   circumference (cm) at cm above the ankle:\n", "step", "technique", "target",
              "minutes", "excess ml", "tape ml");
  std::printf("%-5s %-14s %-40s %7s %10s %9s %s\n", "", "", "", "", "", "", heights.c_str());
  std::printf("%-5s %-14s %-40s %7.1f %10.1f %9.0f %s\n", "start", "", "", 0.0, r.startMl, r.startTapeExcessMl,
              tapeLine(r.startTape).c_str());
  for (const teaching::SimulatedStep& s : r.steps)
    std::printf("%-5d %-14s %-40.40s %7.1f %10.1f %9.0f %s\n", s.step + 1, s.technique.c_str(), s.target.c_str(),
                s.sessionMinutes, s.tissueMl, s.tapeExcessMl, tapeLine(s.tape).c_str());
  std::printf("removed %.1f %% of the excess (%.1f of %.1f ml); fluid unaccounted for: %.2g ml\n", r.removedShare() * 100.0,
              r.startMl - r.endMl(), r.startMl, r.unaccountedMl);
}

}  // namespace

int runSimulate(const SimulateOptions& options) {
  const technique::Lesson lesson = technique::loadLesson(teaching::lessonFile(options.lesson));
  const simulation::Condition condition =
      teaching::findCondition(options.condition.empty() ? teaching::kDefaultCondition : options.condition);
  const teaching::Leg leg = teaching::loadLeg(options.model, options.anatomyDir);
  teaching::SimulationOptions how;
  how.reverse = options.reverse;
  how.order = options.order == "proximal-first" ? teaching::StepOrder::ProximalFirst
              : options.order == "distal-first" ? teaching::StepOrder::DistalFirst
                                                : teaching::StepOrder::AsWritten;
  const teaching::SimulationReport report = teaching::simulateLesson(leg, lesson, condition, how);
  if (options.json)
    std::cout << reportJson(report).dump(1) << '\n';
  else
    printReport(report);
  return kExitOk;
}

}  // namespace legatlas::app
