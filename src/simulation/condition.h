#pragma once
// A swelling to start the edema simulation from, as data (assets/simulation/
// conditions.yaml): how much excess fluid, where it lies along the limb (relative
// amounts per area of skin at the heights of named landmarks), more of it in named
// regions, and how full the collectors already are.
#include <string>
#include <vector>

#include "simulation/skin_graph.h"
#include "technique/leg_model.h"

namespace legatlas::simulation {

struct SwellingLevel {
  std::string landmark;  // a landmark or lymph node of the leg
  double amount = 0;     // relative fluid per area of skin at its height
  int line = 0;          // in the file, for messages
};

struct SwellingRegion {
  std::string region;  // a region of the anatomical description
  double times = 1;    // the amount within it, times this
  int line = 0;
};

struct Condition {
  std::string id, name, about;
  std::string file;             // where it was read, for messages
  double excessMl = 0;          // millilitres of excess fluid in the tissue at the start
  double collectorsFull = 0.5;  // share of the collectors' capacity already full
  std::vector<SwellingLevel> levels;
  std::vector<SwellingRegion> regions;
};

// The conditions of a file. Throws InputError naming the file, the line and the field.
std::vector<Condition> readConditions(const std::string& file);
std::vector<Condition> parseConditions(const std::string& text, const std::string& file);

// The fluid each skin vertex holds at the start, in millilitres, adding up to the
// condition's excess. Throws InputError (at the condition's line) when a landmark or
// region is not one of the leg's, or when no skin lies where the swelling is.
std::vector<double> startingSwelling(const Condition& condition, const technique::LegModel& leg, const SkinGraph& skin);

}  // namespace legatlas::simulation
