#pragma once
// The "why" of stroke direction drawn on the leg, each part switchable: the lymph flow
// on the skin as moving streamlines, the lymph territories (which nodes drain which
// skin), the fibres of the selected muscle, pulses running along the lymph vessels, and
// venous return arrows on the saphenous veins.
#include <map>
#include <string>
#include <vector>

#include "scene/overlays.h"
#include "technique/leg_model.h"

namespace legatlas::teaching {

struct GuideToggles {
  bool lymphFlow = false, territories = false, fibres = false, lymphPulses = false, venousReturn = false;

  bool any() const { return lymphFlow || territories || fibres || lymphPulses || venousReturn; }
  // "lymph,territories,fibres,pulses,veins" (or "all"); throws InputError naming `option`.
  static GuideToggles parse(const std::string& list, const std::string& option);
  std::string list() const;  // the inverse of parse
};

class DirectionGuides {
 public:
  // The leg must outlive the guides.
  explicit DirectionGuides(const technique::LegModel& leg);

  // Adds the switched-on guides at `time` seconds (they move) to `overlays`.
  void addTo(scene::Overlays& overlays, const GuideToggles& on, double time, int selectedTissue);

  // The colour a lymph territory is painted in, and its name in words.
  static glm::vec3 territoryColor(const std::string& group);

 private:
  void addStreamlines(scene::Overlays& overlays, double time) const;
  void addPulses(scene::Overlays& overlays, double time) const;
  void addVeinArrows(scene::Overlays& overlays) const;
  void addFibres(scene::Overlays& overlays, int tissue);
  std::vector<scene::DirectionArrow> fibreArrows(int tissue) const;

  const technique::LegModel& leg_;
  std::vector<std::vector<technique::SkinPoint>> streamlines_;
  scene::TintedSurface territories_;
  std::vector<std::vector<glm::vec3>> lymphPaths_, veinPaths_;
  std::map<int, std::vector<scene::DirectionArrow>> fibreArrows_;  // by tissue, made on first use
};

}  // namespace legatlas::teaching
