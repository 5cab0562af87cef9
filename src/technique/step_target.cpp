#include "technique/step_planner.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/constants.hpp>
#include <glm/gtx/rotate_vector.hpp>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "technique/client_position.h"
#include "technique/endangerment.h"
#include "technique/mld_circle.h"
#include "technique/skin_lanes.h"
#include "technique/stroke_trimming.h"

namespace legatlas::technique::planning {

void StepPlanner::fail(const std::string& field, const std::string& reason, const std::string& fix) const {
  throw InputError(file_, placeOf(step_, index_, field), reason, fix);
}

void StepPlanner::resolveTarget() {
  const Target& t = step_.target;
  switch (t.kind) {
    case Target::Kind::Tissue:
    case Target::Kind::Tissues:
      for (const std::string& id : t.ids) tissues_.push_back(tissueIndex(id));
      break;
    case Target::Kind::Compartment: resolveCompartment(t.ids.front()); break;
    case Target::Kind::Region: resolveRegion(t.ids.front()); break;
    case Target::Kind::Nodes: resolveNodes(t.ids.front()); break;
  }
}

int StepPlanner::tissueIndex(const std::string& id) const {
  const int index = leg_.scene().findTissue(id);
  if (index >= 0) return index;
  std::vector<std::string> ids;
  for (const scene::Tissue& t : leg_.scene().tissues) ids.push_back(t.id);
  const std::string near = nearestName(id, ids);
  fail("target", "the leg has no tissue '" + id + "'",
       near.empty() ? "see 'legatlas model-info' for the tissue ids" : "did you mean '" + near + "'?");
}

void StepPlanner::resolveCompartment(const std::string& id) {
  std::vector<std::string> known;
  for (const anatomy::Muscle& m : leg_.description().muscles) {
    if (std::find(known.begin(), known.end(), m.compartment) == known.end()) known.push_back(m.compartment);
    if (m.compartment == id && leg_.scene().findTissue(m.id) >= 0) tissues_.push_back(leg_.scene().findTissue(m.id));
  }
  if (!tissues_.empty()) return;
  const std::string near = nearestName(id, known);
  fail("target", "no muscle of the leg is in a compartment '" + id + "'",
       near.empty() ? "use one of " + joinAsChoices(known) : "did you mean '" + near + "'?");
}

void StepPlanner::resolveRegion(const std::string& id) {
  region_ = leg_.findRegion(id);
  if (region_) return;
  std::vector<std::string> ids;
  for (const anatomy::Region& r : leg_.description().regions) ids.push_back(r.id);
  const std::string near = nearestName(id, ids);
  fail("target", "there is no region '" + id + "'",
       near.empty() ? "use one of " + joinAsChoices(ids) : "did you mean '" + near + "'?");
}

void StepPlanner::resolveNodes(const std::string& group) {
  nodes_ = leg_.nodeGroup(group);
  if (!nodes_.empty()) return;
  std::vector<std::string> groups;
  for (const anatomy::LymphNode& n : leg_.description().nodes)
    if (std::find(groups.begin(), groups.end(), n.group) == groups.end()) groups.push_back(n.group);
  const std::string near = nearestName(group, groups);
  fail("target", "there is no lymph node group '" + group + "'",
       near.empty() ? "use one of " + joinAsChoices(groups) : "did you mean '" + near + "'?");
}

PathSpec::Kind StepPlanner::pathKind() const {
  if (step_.path.kind != PathSpec::Kind::Default) return step_.path.kind;
  switch (technique_.motion) {
    case Motion::Circles:
    case Motion::Rest: return PathSpec::Kind::At;
    default: break;
  }
  switch (technique_.reference) {
    case Reference::LymphFlow: return PathSpec::Kind::FollowLymphFlow;
    case Reference::AlongTarget: return PathSpec::Kind::AlongTarget;
    default: return PathSpec::Kind::AlongFibres;
  }
}

}  // namespace legatlas::technique::planning
