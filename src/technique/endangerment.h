#pragma once
// Endangerment sites as data: each entry of regions.json with kind "endangerment" says the
// firmest pressure any technique may use over it and the techniques it bars at every
// pressure. The planner keeps strokes off the sites that bar them and the checker fails
// the strokes that cross one anyway; both ask the same questions here.
#include <glm/vec3.hpp>
#include <string>

#include "technique/catalogue.h"
#include "technique/leg_model.h"

namespace legatlas::technique {

// Does the site bar this technique at this pressure? False for a plain region.
bool siteBars(const anatomy::Region& site, const Technique& technique, Pressure pressure);

// The first site at p that bars the technique at the pressure, or nullptr.
const anatomy::Region* barringSiteAt(const LegModel& leg, const Technique& technique, Pressure pressure,
                                     const glm::vec3& p);

// Why the site bars it, in words: "kneading is not allowed there at any pressure" or
// "at most light pressure is allowed there, not firm".
std::string barredBecause(const anatomy::Region& site, const Technique& technique, Pressure pressure);

// What a site allows, in a sentence for the docs and the Info panel.
std::string siteAllowance(const anatomy::Region& site);

// Throws InputError naming regions.json when a site bars a technique the catalogue does
// not know (a typing slip would otherwise silently bar nothing).
void checkSiteEntries(const anatomy::Description& description);

}  // namespace legatlas::technique
