#include "gl_fixture.h"

#include <unistd.h>

#include <filesystem>

#include "scene/model_loader.h"

namespace legatlas::testing {

namespace fs = std::filesystem;

void GlTest::SetUp() {
  context_ = std::make_unique<render::GlContext>(render::ContextOptions{kWidth, kHeight, false, true, false, "test", true});
  renderer_ = std::make_unique<render::Renderer>(4);
  const fs::path dir = fs::temp_directory_path() / ("legatlas_gl_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string glb = (dir / "limb.glb").string();
  writeLayeredLimb(makeLayeredLimb(1), glb);
  const anatomy::TissueMap map = anatomy::TissueMap::load((dir / "limb.tissues.json").string());
  scene_ = scene::loadModel(glb, &map);
  fs::remove_all(dir);
  renderer_->setScene(scene_);
}

void GlTest::TearDown() {
  context_->checkErrors("test");
  EXPECT_EQ(context_->errorCount(), 0);
  for (const std::string& message : context_->errorMessages()) ADD_FAILURE() << message;
  renderer_.reset();  // GPU objects before the context
  context_.reset();
}

int GlTest::tissue(const std::string& id) const {
  const int index = scene_.findTissue(id);
  EXPECT_GE(index, 0) << "no tissue " << id;
  return index;
}

render::FrameInputs GlTest::frameFrom(scene::ViewPreset preset) {
  camera_.setPreset(preset);
  camera_.frame(scene_.bounds(), static_cast<float>(kWidth) / kHeight);
  return render::FrameInputs{&camera_, scene::LayerVisibility::defaults(), -1};
}

}  // namespace legatlas::testing
