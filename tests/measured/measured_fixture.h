#pragma once
// The measured legs the build generates (assets/models/female.glb and male.glb), loaded
// once per test process, and every built-in lesson planned on them.
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "anatomy/measured_leg.h"
#include "geometry/mesh.h"
#include "scene/scene.h"
#include "teaching/leg.h"
#include "technique/leg_model.h"
#include "technique/lesson.h"
#include "technique/stroke_planner.h"

namespace legatlas::measured_test {

struct BuiltMeasuredLeg {
  anatomy::Description described;
  anatomy::MeasuredLeg measured;
  std::shared_ptr<const scene::Scene> loaded;  // shared with the leg lessons are planned on

  const scene::Scene& scene() const { return *loaded; }
};

// "female" or "male".
const BuiltMeasuredLeg& built(const std::string& subject);

const scene::Tissue* tissue(const scene::Scene& s, const std::string& id);

// The tissue's full-detail mesh (belly and tendon together), in the model frame.
geometry::Mesh meshOf(const scene::Scene& s, const std::string& id);

std::vector<std::filesystem::path> builtInLessons();

// Every built-in lesson planned on one leg, once for the tests that read the plans.
struct PlannedLessons {
  std::unique_ptr<teaching::Leg> leg;
  const technique::LegModel& model() const { return leg->model(); }
  std::vector<std::pair<technique::Lesson, std::vector<technique::Stroke>>> lessons;
};

const PlannedLessons& planned(const std::string& subject);

}  // namespace legatlas::measured_test
