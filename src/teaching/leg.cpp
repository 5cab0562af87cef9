#include "teaching/leg.h"

namespace legatlas::teaching {

Leg::Leg(std::shared_ptr<const scene::Scene> scene, anatomy::Description description)
    : parts_(std::make_unique<Parts>(Parts{std::move(scene), std::move(description), nullptr})) {
  parts_->model = std::make_unique<technique::LegModel>(*parts_->scene, parts_->description);
}

Leg::Leg(scene::Scene scene, anatomy::Description description)
    : Leg(std::make_shared<const scene::Scene>(std::move(scene)), std::move(description)) {}

}  // namespace legatlas::teaching
