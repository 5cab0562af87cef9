#pragma once
// JSON pieces every command prints the same way.
#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

namespace legatlas::app {

using Json = nlohmann::ordered_json;

// The model frame of DESIGN.md, said in words.
Json frameDescription();
// [x, y, z] rounded to a tenth of a millimetre: what the description holds, without noise.
Json vectorJson(const glm::vec3& v);
// Rounds to `decimals` places for printing.
double rounded(double value, int decimals);

}  // namespace legatlas::app
