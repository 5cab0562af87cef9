#pragma once
// The tendons drawn as tissues of their own (tendons.json): the iliotibial tract, the
// calcaneal and quadriceps tendons, the patellar ligament. Each is a band swept along its
// course, draped over what lies beneath it, its bony ends sunk into the bone they attach
// to, and kept as swept: a band a few millimetres thick meshed again on the fitting grid
// comes out with stepped edges.
#include <map>
#include <string>
#include <vector>

#include "anatomy/description.h"
#include "anatomy/model_generator.h"
#include "anatomy/tissue_fitting.h"

namespace legatlas::anatomy {

// Adds every tendon of `d` to `model`, clear of what is placed, and places it.
// `bones`: the model's bone tissues by id.
void addTendonBands(GeneratedModel& model, const Description& d, const std::map<std::string, size_t>& bones,
                    PlacedTissues& placed);

}  // namespace legatlas::anatomy
