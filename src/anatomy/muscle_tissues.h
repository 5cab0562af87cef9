#pragma once
// The muscles of a leg: measured bellies as they are, with the tendons the data lack
// (laid on the foot's bones, divided into slips for the toes), and the muscles the data
// lack swept from the description, deepest first, each kept clear of what is placed.
#include <set>
#include <string>

#include "anatomy/description.h"
#include "anatomy/model_generator.h"
#include "anatomy/tissue_fitting.h"

namespace legatlas::anatomy {

// Appends the muscles to the model (whose bones are placed already); `used` gathers the
// measured surfaces taken.
void addMuscles(GeneratedModel& model, const Description& d, const MeasuredSource& source, std::set<std::string>& used,
                PlacedTissues& placed);

}  // namespace legatlas::anatomy
