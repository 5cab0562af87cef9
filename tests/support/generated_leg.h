#pragma once
// The built-in leg, described and generated once per test process (generation takes
// seconds, and several test files look at the same result).
#include <string>

#include "anatomy/model_generator.h"

namespace legatlas::testing {

const anatomy::Description& leg();
const anatomy::GeneratedModel& generatedModel();
// The mesh of the tissue with this id; throws when there is none.
const geometry::Mesh& tissueMesh(const std::string& id);
const anatomy::GeneratedTissue& tissue(const std::string& id);

}  // namespace legatlas::testing
