#include "app/soak.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "anatomy/description.h"
#include "app/lesson_commands.h"
#include "teaching/lesson_library.h"
#include "teaching/lesson_playback.h"
#include "teaching/leg_source.h"
#include "core/error.h"
#include "render/gl_context.h"
#include "render/gl_objects.h"
#include "render/renderer.h"

namespace legatlas::app {
namespace {

// Lesson time per frame: fast enough that every lesson comes round several times in a
// long run, slow enough that every stroke is drawn in many frames.
constexpr float kLessonSecondsPerFrame = 0.2f;
constexpr double kWarmUpShare = 0.1;        // memory is compared from here on
constexpr double kMostMemoryGrowth = 0.01;  // 1 %

double residentMegabytes() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

}  // namespace

int runSoak(const SoakOptions& options) {
  const teaching::Leg whole = teaching::loadLeg(options.model);
  const scene::Scene& scene = whole.scene();
  std::vector<teaching::LessonPlayback> lessons;
  for (const std::string& file : teaching::builtInLessonFiles())
    lessons.push_back(teaching::planPlayback(file, whole.model()));
  render::GlContext context({options.width, options.height, false, false, false, "LegAtlas soak", true});
  render::Renderer renderer(1);
  renderer.setScene(scene);
  scene::Camera camera;
  scene::Overlays overlays;
  render::FrameInputs frame{&camera, scene::LayerVisibility::defaults(), -1};
  frame.layers[anatomy::Layer::Skin] = {true, 0.3f};
  frame.overlays = &overlays;
  const float aspect = static_cast<float>(options.width) / static_cast<float>(options.height);

  size_t lessonIndex = 0;
  float lessonTime = 0;
  int aimed = -1;
  double warmMemory = 0, peakMemory = 0;
  long warmObjects = -1, fewestObjects = 0, mostObjects = 0;
  const long warmUpFrame = static_cast<long>(options.frames * kWarmUpShare);
  std::printf("frame rss_mb gl_objects lesson\n");
  for (long i = 0; i < options.frames; ++i) {
    const teaching::LessonPlayback& playback = lessons[lessonIndex];
    const int step = playback.stepAt(lessonTime);
    if (step != aimed) teaching::aimAtStep(camera, playback, step, aspect), aimed = step;
    overlays = teaching::overlaysAt(playback, lessonTime);
    renderer.renderImage(frame, options.width, options.height);
    lessonTime += kLessonSecondsPerFrame;
    if (lessonTime > playback.duration()) lessonTime = 0, aimed = -1, lessonIndex = (lessonIndex + 1) % lessons.size();
    if (i % options.reportEvery != 0 && i + 1 != options.frames) continue;
    const double memory = residentMegabytes();
    const long objects = render::liveGlObjectCount();
    std::printf("%ld %.1f %ld %s\n", i, memory, objects, playback.lesson.id.c_str());
    std::fflush(stdout);
    if (i < warmUpFrame) continue;
    if (warmObjects < 0) warmMemory = memory, warmObjects = fewestObjects = mostObjects = objects;
    peakMemory = std::max(peakMemory, memory);
    fewestObjects = std::min(fewestObjects, objects), mostObjects = std::max(mostObjects, objects);
  }
  context.checkErrors("soak");
  const double growth = warmMemory > 0 ? (peakMemory - warmMemory) / warmMemory : 0.0;
  std::printf("frames: %ld\nrss_after_warm_up_mb: %.1f\nrss_peak_mb: %.1f\nrss_growth_percent: %.2f\n"
              "gl_objects_min: %ld\ngl_objects_max: %ld\ngl_errors: %d\n",
              options.frames, warmMemory, peakMemory, 100.0 * growth, fewestObjects, mostObjects, context.errorCount());
  const bool ok = growth < kMostMemoryGrowth && fewestObjects == mostObjects && context.errorCount() == 0;
  std::printf("%s\n", ok ? "no leak seen" : "LEAK or GL errors: see above");
  return ok ? kExitOk : kExitInputError;
}

}  // namespace legatlas::app
