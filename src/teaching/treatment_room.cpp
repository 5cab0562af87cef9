#include "teaching/treatment_room.h"

#include <iostream>

#include "teaching/leg_source.h"
#include "core/error.h"
#include "scene/body_mesh.h"

namespace legatlas::teaching {
namespace {

constexpr size_t kMostSkinPoints = 20000;  // enough to place a table, cheap to scan
constexpr float kStepSurround = 0.12f;     // metres of limb and table around a step
// The floor of the leg the body was fitted to (assets/body/README.md: the described
// leg's sole): a shorter or taller leg gets a body scaled to match, about the hip.
constexpr float kBodyFittedFloor = -0.9f;
const glm::vec3 kHeartArrowColor{0.85f, 0.2f, 0.25f};

}  // namespace

std::string builtInBodyPath() { return assetPath("body/body.mesh"); }

std::unique_ptr<TreatmentRoom> openTreatmentRoom(const scene::Scene& leg) {
  auto room = std::make_unique<TreatmentRoom>(leg, builtInBodyPath());
  if (!room->problem().empty()) std::cerr << "warning: the table is shown without the body: " << room->problem() << '\n';
  return room;
}

TreatmentRoom::TreatmentRoom(const scene::Scene& leg, const std::string& bodyPath) {
  try {
    body_ = scene::loadBodyMesh(bodyPath);
  } catch (const InputError& e) {
    problem_ = e.what();
  }
  geometry::Bounds skin;
  for (const scene::SceneMesh& m : leg.meshes) {
    if (m.detail != 0 || leg.tissues[m.tissueIndex].layer != anatomy::Layer::Skin) continue;
    const size_t stride = std::max<size_t>(1, m.mesh.positions.size() / kMostSkinPoints);
    for (size_t i = 0; i < m.mesh.positions.size(); i += stride) points_.push_back(m.mesh.positions[i]);
    skin.add(m.mesh.bounds());
  }
  // The measured female is a head shorter than the described leg: her body too.
  if (!skin.empty() && skin.min.y < -0.5f) {
    const float scale = skin.min.y / kBodyFittedFloor;
    for (glm::vec3& p : body_.positions) p *= scale;
  }
  points_.insert(points_.end(), body_.positions.begin(), body_.positions.end());
}

const scene::Surroundings& TreatmentRoom::surroundings(technique::ClientPosition position) {
  const auto found = built_.find(position);
  if (found != built_.end()) return found->second;
  const technique::TableSetting table = technique::setTable(position, points_);
  scene::Surroundings& room = built_[position];
  room.table = table.table;
  room.table.computeNormals();
  room.body = body_;
  scene::DirectionArrow arrow;
  arrow.tip = table.heartArrowTip;
  arrow.direction = table.heartArrowDirection;
  arrow.normal = table.up;
  arrow.length = table.heartArrowLength;
  arrow.color = kHeartArrowColor;
  arrow.hiddenBehindTissue = true;
  room.arrows.push_back(arrow);
  room.version = static_cast<int>(position) + 1;
  return room;
}

const scene::Surroundings* showStep(scene::Camera& camera, const LessonPlayback& playback, int step, float aspect,
                                    std::optional<scene::ViewPreset> view, TreatmentRoom* room,
                                    const geometry::Bounds& legBounds) {
  geometry::Bounds everything = legBounds;
  const scene::Surroundings* shown = nullptr;
  if (room) {
    const technique::ClientPosition position = stepPosition(playback, step).value_or(technique::ClientPosition::Supine);
    const scene::Surroundings& around = room->surroundings(position);
    shown = &around;
    everything.add(around.table.bounds());
    everything.add(around.body.bounds());
    aimAtStep(camera, playback, step, aspect, view, room->up(position));
    if (!view) {
      // The step with the limb around it, and the arrow toward the heart: the head end
      // shows however close the view is.
      geometry::Bounds framed = playback.stepBounds(step);
      if (!framed.empty()) {
        framed.add(framed.min - glm::vec3(kStepSurround));
        framed.add(framed.max + glm::vec3(kStepSurround));
      }
      for (const scene::DirectionArrow& arrow : around.arrows) {
        framed.add(arrow.tip);
        framed.add(arrow.tip - arrow.direction * arrow.length);
      }
      camera.frame(framed, aspect);
    }
  } else {
    aimAtStep(camera, playback, step, aspect, view);
  }
  camera.setSceneBounds(everything);
  return shown;
}

}  // namespace legatlas::teaching
