#pragma once
// The room a lesson is shown in: the client lying on a massage table in the position of
// the step, as a faint body around the leg, with an arrow on the table toward the heart.
// The upright leg stays available: a room that is not on shows nothing.
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "teaching/lesson_playback.h"
#include "scene/overlays.h"
#include "scene/scene.h"
#include "technique/treatment_table.h"

namespace legatlas::teaching {

class TreatmentRoom {
 public:
  // Reads the body from `bodyPath`; a missing or broken file leaves the table without a
  // body, and problem() says why.
  TreatmentRoom(const scene::Scene& leg, const std::string& bodyPath);

  // The table, the body and the arrow for the position (built once per position).
  const scene::Surroundings& surroundings(technique::ClientPosition position);
  glm::vec3 up(technique::ClientPosition position) const { return technique::roomUp(position); }
  const std::string& problem() const { return problem_; }

 private:
  geometry::Mesh body_;
  std::vector<glm::vec3> points_;  // the leg's skin and the body, for placing the table
  std::map<technique::ClientPosition, scene::Surroundings> built_;
  std::string problem_;
};

// assets/body/body.mesh, beside the other assets.
std::string builtInBodyPath();
// The room around `leg` with the built-in body; a body that cannot be read is reported on
// standard error as a warning, and the table is shown without it.
std::unique_ptr<TreatmentRoom> openTreatmentRoom(const scene::Scene& leg);

// Shows a step: the camera aimed at it (from `view`, or as a therapist at the table sees
// it) and, when a room is given, the client on the table in the step's position; with no
// room the leg stands upright. The depth range covers the leg and whatever surrounds it.
// Returns what surrounds the leg (the table and the body), or null for the upright leg.
const scene::Surroundings* showStep(scene::Camera& camera, const LessonPlayback& playback, int step, float aspect,
                                    std::optional<scene::ViewPreset> view, TreatmentRoom* room,
                                    const geometry::Bounds& legBounds);

}  // namespace legatlas::teaching
