#include "technique/endangerment.h"

#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "core/text.h"

namespace legatlas::technique {
namespace {

bool bars(const anatomy::Region& site, std::string_view techniqueId) {
  return std::find(site.barredTechniques.begin(), site.barredTechniques.end(), techniqueId) != site.barredTechniques.end();
}

Pressure highestOf(const anatomy::Region& site) {
  // The loader accepts only the five pressure words; a missing one allows nothing firmer than light.
  return pressureFromId(site.highestPressure).value_or(Pressure::Light);
}

}  // namespace

bool siteBars(const anatomy::Region& site, const Technique& technique, Pressure pressure) {
  if (site.kind != "endangerment") return false;
  return bars(site, technique.id) || pressure > highestOf(site);
}

const anatomy::Region* barringSiteAt(const LegModel& leg, const Technique& technique, Pressure pressure,
                                     const glm::vec3& p) {
  for (const anatomy::Region& site : leg.description().regions)
    if (siteBars(site, technique, pressure) && leg.inRegion(site, p)) return &site;
  return nullptr;
}

std::string barredBecause(const anatomy::Region& site, const Technique& technique, Pressure pressure) {
  if (bars(site, technique.id)) return lowerFirst(std::string(technique.name)) + " is not allowed there at any pressure";
  return "at most " + pressureName(highestOf(site)) + " pressure is allowed there, not " +
         pressureName(pressure);
}

std::string siteAllowance(const anatomy::Region& site) {
  std::string words = "at most " + pressureName(highestOf(site)) + " pressure";
  if (site.barredTechniques.empty()) return words;
  std::vector<std::string> names;
  for (const std::string& id : site.barredTechniques)
    if (const Technique* t = findTechnique(id)) names.push_back(lowerFirst(std::string(t->name)));
  return words + "; no " + joinAsChoices(names) + " at any pressure";
}

void checkSiteEntries(const anatomy::Description& description) {
  std::vector<std::string> ids;
  for (const Technique& t : catalogue()) ids.emplace_back(t.id);
  for (size_t i = 0; i < description.regions.size(); ++i) {
    const anatomy::Region& site = description.regions[i];
    for (size_t k = 0; k < site.barredTechniques.size(); ++k) {
      const std::string& id = site.barredTechniques[k];
      if (findTechnique(id)) continue;
      const std::string near = nearestName(id, ids);
      const std::string file = description.directory.empty()
                                   ? std::string("regions.json")
                                   : (std::filesystem::path(description.directory) / "regions.json").string();
      throw InputError(file, "regions[" + std::to_string(i) + "].bars[" + std::to_string(k) + "] (" + site.id + ")",
                       "unknown technique '" + id + "'",
                       near.empty() ? "use one of " + joinAsChoices(ids) : "did you mean '" + near + "'?");
    }
  }
}

}  // namespace legatlas::technique
