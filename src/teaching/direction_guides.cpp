#include "teaching/direction_guides.h"

#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <sstream>

#include "core/error.h"
#include "geometry/sweep.h"
#include "technique/stroke_planner.h"

namespace legatlas::teaching {
namespace {

constexpr float kStreamlineLength = 0.06f;
constexpr float kSeedHeightStep = 0.05f;
constexpr float kSeedAngleStep = 30.0f;
constexpr float kFlowDriftPerSecond = 0.6f;  // dashes travel along a streamline this many lengths a second
constexpr float kPulseSpacing = 0.1f, kPulseSpeed = 0.04f, kPulseLength = 0.015f;
constexpr float kVeinArrowSpacing = 0.07f;
constexpr float kFibreArrowLength = 0.018f;
// Fibre arrows stand at least this far apart, so a slender tendon gets a file of them, not
// a thicket; a muscle's surface is thinned to about kMostFibreSamples vertices first.
constexpr float kFibreArrowSpacing = 0.015f;
constexpr size_t kMostFibreSamples = 4000;
constexpr float kAboveSurface = 0.001f;
const glm::vec3 kFlowColor{0.55f, 0.95f, 0.45f};
const glm::vec3 kPulseColor{0.85f, 1.0f, 0.5f};
const glm::vec3 kVeinColor{0.35f, 0.55f, 1.0f};
const glm::vec3 kFibreColor{1.0f, 1.0f, 1.0f};

using geometry::pathLength;

// The point `distance` along a path, and the direction there.
std::pair<glm::vec3, glm::vec3> along(const std::vector<glm::vec3>& path, float distance) {
  for (size_t i = 1; i < path.size(); ++i) {
    const float segment = glm::length(path[i] - path[i - 1]);
    if (distance <= segment && segment > 0) {
      const glm::vec3 direction = (path[i] - path[i - 1]) / segment;
      return {path[i - 1] + direction * distance, direction};
    }
    distance -= segment;
  }
  const glm::vec3 last = path.size() > 1 ? glm::normalize(path.back() - path[path.size() - 2]) : glm::vec3(0, 1, 0);
  return {path.back(), last};
}

scene::TintedSurface paintTerritories(const technique::LegModel& leg) {
  scene::TintedSurface tint;
  const scene::Scene& scene = leg.scene();
  // The skin as the renderer draws it up close: a coarser copy lies a few millimetres off
  // it in places, and there the opaque skin would hide the paint in torn patches.
  const int detail = 0;
  const auto& names = leg.lymphFlow().territories();
  for (const scene::SceneMesh& m : scene.meshes) {
    if (scene.tissues[m.tissueIndex].layer != anatomy::Layer::Skin || m.detail != detail) continue;
    const auto base = static_cast<uint32_t>(tint.positions.size());
    for (size_t i = 0; i < m.mesh.positions.size(); ++i) {
      const glm::vec3 normal = i < m.mesh.normals.size() ? m.mesh.normals[i] : glm::vec3(0.0f);
      tint.positions.push_back(m.mesh.positions[i] + normal * kAboveSurface);
      const int territory = leg.lymphFlow().territoryAt(m.mesh.positions[i]);
      const glm::vec3 color = territory >= 0 ? DirectionGuides::territoryColor(names[territory]) : glm::vec3(0.5f);
      tint.colors.emplace_back(color, 0.3f);
    }
    for (uint32_t index : m.mesh.indices) tint.indices.push_back(base + index);
  }
  return tint;
}

}  // namespace

GuideToggles GuideToggles::parse(const std::string& list, const std::string& option) {
  GuideToggles on;
  std::stringstream words(list);
  std::string word;
  while (std::getline(words, word, ',')) {
    if (word.empty()) continue;
    if (word == "all") on = {true, true, true, true, true};
    else if (word == "lymph") on.lymphFlow = true;
    else if (word == "territories") on.territories = true;
    else if (word == "fibres") on.fibres = true;
    else if (word == "pulses") on.lymphPulses = true;
    else if (word == "veins") on.venousReturn = true;
    else throw InputError(option, word, "unknown guide", "use lymph, territories, fibres, pulses, veins or all");
  }
  return on;
}

std::string GuideToggles::list() const {
  std::string out;
  const auto add = [&](bool on, const char* word) {
    if (!on) return;
    if (!out.empty()) out += ',';
    out += word;
  };
  add(lymphFlow, "lymph"), add(territories, "territories"), add(fibres, "fibres"), add(lymphPulses, "pulses"),
      add(venousReturn, "veins");
  return out;
}

glm::vec3 DirectionGuides::territoryColor(const std::string& group) {
  if (group == "popliteal") return {0.75f, 0.45f, 0.95f};             // drains behind the knee
  if (group.find("inguinal") != std::string::npos) return {0.25f, 0.8f, 0.85f};  // drains to the groin
  return {0.9f, 0.8f, 0.3f};
}

DirectionGuides::DirectionGuides(const technique::LegModel& leg) : leg_(leg) {
  const geometry::Bounds box = leg.scene().bounds();
  for (float y = box.min.y + kSeedHeightStep; y < box.max.y - kSeedHeightStep; y += kSeedHeightStep) {
    for (float angle = -180.0f; angle < 180.0f; angle += kSeedAngleStep) {
      const float a = glm::radians(angle + (std::fmod(y * 100.0f, 2.0f) < 1.0f ? 0.0f : kSeedAngleStep * 0.5f));
      const technique::SkinPoint seed = leg.skinToward(leg.limbCentre(y), {std::sin(a), 0.0f, std::cos(a)});
      auto line = technique::followLymphFlow(leg, seed, kStreamlineLength);
      if (line.size() >= 4) streamlines_.push_back(std::move(line));
    }
  }
  territories_ = paintTerritories(leg);
  for (const scene::Tissue& t : leg.scene().tissues) {
    if (t.anatomy.path.size() < 2) continue;
    if (t.layer == anatomy::Layer::Lymph) lymphPaths_.push_back(t.anatomy.path);
    if (t.layer == anatomy::Layer::Vessel) veinPaths_.push_back(t.anatomy.path);
  }
}

void DirectionGuides::addStreamlines(scene::Overlays& overlays, double time) const {
  for (const auto& line : streamlines_) {
    scene::Trail trail{{}, kFlowColor};
    for (size_t k = 0; k < line.size(); ++k) {
      // A bright dash drifts along each streamline, in the direction lymph goes.
      const float phase = std::fmod(float(k) / float(line.size()) - float(time) * kFlowDriftPerSecond + 8.0f, 1.0f);
      trail.points.push_back({line[k].position, line[k].normal, 0.15f + 0.85f * phase * phase});
    }
    overlays.trails.push_back(std::move(trail));
    const auto& end = line.back();
    const glm::vec3 direction = glm::normalize(end.position - line[line.size() - 2].position);
    overlays.arrows.push_back({end.position, direction, end.normal, 0.012f, kFlowColor, true});
  }
}

void DirectionGuides::addPulses(scene::Overlays& overlays, double time) const {
  for (const auto& path : lymphPaths_) {
    const float length = pathLength(path);
    for (float s = std::fmod(float(time) * kPulseSpeed, kPulseSpacing); s + kPulseLength < length; s += kPulseSpacing) {
      scene::Trail pulse{{}, kPulseColor};
      for (float d : {0.0f, kPulseLength * 0.5f, kPulseLength}) {
        const auto [point, direction] = along(path, s + d);
        const glm::vec3 out = glm::normalize(point - leg_.limbCentre(point.y) + glm::vec3(1e-6f));
        pulse.points.push_back({point, out, d == kPulseLength ? 1.0f : 0.5f});
      }
      overlays.trails.push_back(std::move(pulse));
    }
  }
}

void DirectionGuides::addVeinArrows(scene::Overlays& overlays) const {
  for (const auto& path : veinPaths_) {
    const float length = pathLength(path);
    for (float s = kVeinArrowSpacing; s < length; s += kVeinArrowSpacing) {
      const auto [point, direction] = along(path, s);
      const glm::vec3 out = glm::normalize(point - leg_.limbCentre(point.y) + glm::vec3(1e-6f));
      overlays.arrows.push_back({point + out * 0.004f, direction, out, 0.03f, kVeinColor, true});
    }
  }
}

void DirectionGuides::addFibres(scene::Overlays& overlays, int tissue) {
  auto cached = fibreArrows_.find(tissue);
  if (cached == fibreArrows_.end()) cached = fibreArrows_.emplace(tissue, fibreArrows(tissue)).first;
  overlays.arrows.insert(overlays.arrows.end(), cached->second.begin(), cached->second.end());
}

std::vector<scene::DirectionArrow> DirectionGuides::fibreArrows(int tissue) const {
  std::vector<scene::DirectionArrow> arrows;
  const auto nearAnother = [&](const glm::vec3& p) {
    for (const scene::DirectionArrow& a : arrows)
      if (glm::distance(a.tip, p) < kFibreArrowSpacing) return true;
    return false;
  };
  for (const scene::SceneMesh& m : leg_.scene().meshes) {
    if (m.tissueIndex != tissue || m.detail != 0 || m.mesh.tangents.size() != m.mesh.positions.size()) continue;
    const size_t stride = std::max<size_t>(1, m.mesh.positions.size() / kMostFibreSamples);
    for (size_t i = 0; i < m.mesh.positions.size(); i += stride) {
      const glm::vec3 p = m.mesh.positions[i], normal = m.mesh.normals[i];
      if (nearAnother(p)) continue;
      const glm::vec3 fibre = leg_.fibreAt(tissue, p);  // oriented toward the origin
      const glm::vec3 onSurface = fibre - normal * glm::dot(fibre, normal);
      if (glm::length(onSurface) < 0.3f) continue;
      arrows.push_back({p + normal * 0.0015f, glm::normalize(onSurface), normal, kFibreArrowLength, kFibreColor, true});
    }
  }
  return arrows;
}

void DirectionGuides::addTo(scene::Overlays& overlays, const GuideToggles& on, double time, int selectedTissue) {
  if (on.territories) overlays.tint = &territories_;
  if (on.lymphFlow) addStreamlines(overlays, time);
  if (on.lymphPulses) addPulses(overlays, time);
  if (on.venousReturn) addVeinArrows(overlays);
  if (on.fibres && selectedTissue >= 0) addFibres(overlays, selectedTissue);
}

}  // namespace legatlas::teaching
