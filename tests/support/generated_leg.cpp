#include "generated_leg.h"

#include <stdexcept>

namespace legatlas::testing {

const anatomy::Description& leg() {
  static const anatomy::Description d = anatomy::loadDescription(std::string(LEGATLAS_SOURCE_DIR) + "/assets/anatomy");
  return d;
}

const anatomy::GeneratedModel& generatedModel() {
  static const anatomy::GeneratedModel m = anatomy::generateModel(leg());
  return m;
}

const anatomy::GeneratedTissue& tissue(const std::string& id) {
  for (const auto& t : generatedModel().tissues) {
    if (t.entry.id == id) return t;
  }
  throw std::runtime_error("the generated leg has no tissue " + id);
}

const geometry::Mesh& tissueMesh(const std::string& id) { return tissue(id).mesh; }

}  // namespace legatlas::testing
