#include "app/json_output.h"

#include <cmath>

namespace legatlas::app {

Json frameDescription() {
  return {{"units", "m"},
          {"x", "lateral (the subject's right)"},
          {"y", "superior"},
          {"z", "anterior"},
          {"origin", "centre of the right femoral head"}};
}

double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Json vectorJson(const glm::vec3& v) { return Json::array({rounded(v.x, 4), rounded(v.y, 4), rounded(v.z, 4)}); }

}  // namespace legatlas::app
