#pragma once
// One leg, whole and owned: the loaded model tagged with tissues, the anatomical
// description it carries, and the queries strokes are planned with (which refer to both).
// A Leg moves as one value; no caller keeps the parts alive for it. The scene may be
// shared with what draws it (the renderer is given the same scene, not a copy).
#include <memory>

#include "anatomy/description.h"
#include "scene/scene.h"
#include "technique/leg_model.h"

namespace legatlas::teaching {

class Leg {
 public:
  // Builds the queries over `scene` and `description`. Throws InputError when the scene
  // cannot carry strokes (e.g. it has no skin).
  Leg(std::shared_ptr<const scene::Scene> scene, anatomy::Description description);
  Leg(scene::Scene scene, anatomy::Description description);

  const scene::Scene& scene() const { return *parts_->scene; }
  const std::shared_ptr<const scene::Scene>& sharedScene() const { return parts_->scene; }
  const anatomy::Description& description() const { return parts_->description; }
  const technique::LegModel& model() const { return *parts_->model; }

 private:
  struct Parts {
    std::shared_ptr<const scene::Scene> scene;
    anatomy::Description description;
    std::unique_ptr<technique::LegModel> model;
  };
  // On the heap: the queries refer to the description, which must not move.
  std::unique_ptr<Parts> parts_;
};

}  // namespace legatlas::teaching
