#include "simulation/condition.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::simulation {
namespace {

// A whole limb holds a few litres of excess fluid at the very worst.
constexpr double kMostExcessMl = 10000.0;
constexpr size_t kMostConditions = 50, kMostLevels = 50;

const std::vector<std::string> kConditionFields{"id", "name", "about", "excess_ml", "collectors_full", "levels", "regions"};

int lineOf(const YAML::Node& node) { return node.IsDefined() ? node.Mark().line + 1 : 0; }

class ConditionReader {
 public:
  explicit ConditionReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& field, const std::string& reason,
                         const std::string& fix) const {
    const int line = lineOf(at);
    std::string place = line > 0 ? "line " + std::to_string(line) : "";
    if (!field.empty()) place += (place.empty() ? "" : ", ") + field;
    throw InputError(file_, place, reason, fix);
  }

  std::vector<Condition> read(const YAML::Node& root) {
    const YAML::Node list = root.IsMap() ? root["conditions"] : YAML::Node();
    if (!list.IsDefined() || !list.IsSequence() || list.size() == 0)
      fail(root, "conditions", "a conditions file must hold a list 'conditions:' with at least one condition",
           "start from assets/simulation/conditions.yaml");
    if (list.size() > kMostConditions)
      fail(list, "conditions", "more than " + std::to_string(kMostConditions) + " conditions", "split the file");
    std::vector<Condition> out;
    for (size_t i = 0; i < list.size(); ++i) out.push_back(condition(list[i], "conditions[" + std::to_string(i) + "]"));
    return out;
  }

 private:
  Condition condition(const YAML::Node& node, const std::string& field) const {
    if (!node.IsMap()) fail(node, field, "a condition must be a set of fields", "write '- id: ...' and the fields below it");
    for (const auto& item : node) {
      const std::string key = item.first.IsScalar() ? item.first.Scalar() : "?";
      if (std::find(kConditionFields.begin(), kConditionFields.end(), key) != kConditionFields.end()) continue;
      const std::string near = nearestName(key, kConditionFields);
      fail(item.first, field + "." + key, "unknown field '" + key + "'",
           near.empty() ? "the fields are " + joinAsChoices(kConditionFields) : "did you mean '" + near + "'?");
    }
    Condition c;
    c.file = file_;
    c.id = text(node, "id", field);
    c.name = text(node, "name", field);
    c.about = node["about"].IsDefined() ? text(node, "about", field) : "";
    c.excessMl = number(node, "excess_ml", field, 1.0, kMostExcessMl, "millilitres");
    c.collectorsFull = node["collectors_full"].IsDefined() ? number(node, "collectors_full", field, 0.0, 1.0, "share") : 0.5;
    const YAML::Node levels = node["levels"];
    if (!levels.IsDefined() || !levels.IsSequence() || levels.size() == 0 || levels.size() > kMostLevels)
      fail(levels.IsDefined() ? levels : node, field + ".levels",
           "levels must be a list of 1 to " + std::to_string(kMostLevels) + " heights", "write '- {at: medial_malleolus, amount: 1}'");
    for (size_t i = 0; i < levels.size(); ++i) {
      const std::string at = field + ".levels[" + std::to_string(i) + "]";
      if (!levels[i].IsMap()) fail(levels[i], at, "a level must be {at: LANDMARK, amount: N}", "write '- {at: medial_malleolus, amount: 1}'");
      c.levels.push_back({text(levels[i], "at", at), number(levels[i], "amount", at, 0.0, 1000.0, "relative amount"), lineOf(levels[i])});
    }
    const YAML::Node regions = node["regions"];
    if (regions.IsDefined()) {
      if (!regions.IsSequence()) fail(regions, field + ".regions", "regions must be a list", "write '- {region: calf_posterior, times: 2}'");
      for (size_t i = 0; i < regions.size() && i < kMostLevels; ++i) {
        const std::string at = field + ".regions[" + std::to_string(i) + "]";
        if (!regions[i].IsMap()) fail(regions[i], at, "a region must be {region: ID, times: N}", "write '- {region: calf_posterior, times: 2}'");
        c.regions.push_back({text(regions[i], "region", at), number(regions[i], "times", at, 0.0, 100.0, "factor"), lineOf(regions[i])});
      }
    }
    return c;
  }

  std::string text(const YAML::Node& map, const std::string& key, const std::string& field) const {
    const YAML::Node value = map[key];
    if (!value.IsDefined() || !value.IsScalar() || value.Scalar().empty() || value.Scalar().size() > 2000)
      fail(value.IsDefined() ? value : map, field + "." + key, "'" + key + "' must be a line of text",
           "write '" + key + ": ...'");
    return value.Scalar();
  }

  double number(const YAML::Node& map, const std::string& key, const std::string& field, double least, double most,
                const std::string& what) const {
    const YAML::Node value = map[key];
    double v = std::nan("");
    if (value.IsDefined() && value.IsScalar()) {
      try {
        v = value.as<double>();
      } catch (const YAML::Exception&) {
      }
    }
    if (!(v >= least && v <= most))
      fail(value.IsDefined() ? value : map, field + "." + key,
           "'" + key + "' must be a " + what + " from " + formatNumber(least) + " to " + formatNumber(most),
           "write a number there");
    return v;
  }

  static std::string formatNumber(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }

  std::string file_;
};

}  // namespace

std::vector<Condition> parseConditions(const std::string& text, const std::string& file) {
  try {
    return ConditionReader(file).read(YAML::Load(text));
  } catch (const YAML::DeepRecursion& e) {
    throw InputError(file, "line " + std::to_string(e.mark.line + 1), "lists or sets are nested too deeply",
                     "a condition needs only a few levels: see assets/simulation/conditions.yaml");
  } catch (const YAML::Exception& e) {
    const std::string place = e.mark.is_null() ? "" : "line " + std::to_string(e.mark.line + 1);
    throw InputError(file, place, "not readable as YAML: " + e.msg, "check the indentation and the colons there");
  }
}

std::vector<Condition> readConditions(const std::string& file) { return parseConditions(readFile(file), file); }

std::vector<double> startingSwelling(const Condition& condition, const technique::LegModel& leg, const SkinGraph& skin) {
  // The levels, by height: fluid per area between two is interpolated, beyond the ends held.
  std::vector<std::pair<float, double>> byHeight;
  for (const SwellingLevel& level : condition.levels) {
    const std::optional<glm::vec3> at = leg.namedPoint(level.landmark);
    if (!at) {
      const std::string near = nearestName(level.landmark, leg.namedPointIds());
      throw InputError(condition.file, "line " + std::to_string(level.line) + ", " + condition.id,
                       "the leg has no landmark '" + level.landmark + "'",
                       near.empty() ? "use one of `legatlas landmarks`" : "did you mean '" + near + "'?");
    }
    byHeight.emplace_back(at->y, level.amount);
  }
  std::stable_sort(byHeight.begin(), byHeight.end());
  std::vector<const anatomy::Region*> regions;
  for (const SwellingRegion& r : condition.regions) {
    regions.push_back(leg.findRegion(r.region));
    if (!regions.back())
      throw InputError(condition.file, "line " + std::to_string(r.line) + ", " + condition.id,
                       "the leg has no region '" + r.region + "'", "use a region of assets/anatomy/regions.json");
  }
  const auto amountAt = [&](const glm::vec3& p) {
    double a = byHeight.front().second;
    if (p.y >= byHeight.back().first) a = byHeight.back().second;
    for (size_t k = 0; k + 1 < byHeight.size(); ++k) {
      const auto [y0, a0] = byHeight[k];
      const auto [y1, a1] = byHeight[k + 1];
      if (p.y < y0 || p.y > y1) continue;
      a = y1 > y0 ? a0 + (a1 - a0) * (p.y - y0) / (y1 - y0) : a1;
      break;
    }
    for (size_t r = 0; r < regions.size(); ++r)
      if (leg.inRegion(*regions[r], p)) a *= condition.regions[r].times;
    return a;
  };
  std::vector<double> ml(skin.size(), 0.0);
  double total = 0;
  for (size_t i = 0; i < skin.size(); ++i) {
    ml[i] = amountAt(skin.positions[i]) * skin.areas[i];
    total += ml[i];
  }
  if (!(total > 0))
    throw InputError(condition.file, condition.id, "no skin of the leg lies where the swelling is",
                     "give a level with an amount above 0 at a height the leg reaches");
  for (double& v : ml) v *= condition.excessMl / total;
  return ml;
}

}  // namespace legatlas::simulation
