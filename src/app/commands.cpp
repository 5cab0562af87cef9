#include "app/commands.h"

#include <sys/resource.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <cstdio>
#include <future>
#include <optional>
#include <memory>
#include <iostream>
#include <vector>

#include "anatomy/description.h"
#include "app/video_export.h"
#include "core/error.h"
#include "core/text.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "teaching/direction_guides.h"
#include "teaching/leg_source.h"
#include "teaching/edema_session.h"
#include "teaching/lesson_playback.h"
#include "teaching/swelling_view.h"
#include "teaching/treatment_room.h"

namespace legatlas::app {

namespace {

using Clock = std::chrono::steady_clock;

constexpr float kLessonFramesPerSecond = 30.0f;

double milliseconds(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

scene::ViewPreset parseView(const std::string& name) {
  if (auto preset = scene::viewPresetFromName(name)) return *preset;
  throw InputError("--view", "\"" + name + "\"", "unknown view",
                   "use anterior, posterior, lateral, medial, superior or inferior");
}

// The full meshes of the named tissues ("calcaneus,talus"), for a close view.
geometry::Bounds focusBounds(const scene::Scene& scene, const std::string& ids) {
  geometry::Bounds bounds;
  const std::vector<std::string> named = commaSeparated(ids);
  if (named.empty()) throw InputError("--focus", "\"" + ids + "\"", "names no tissue", "give tissue ids, e.g. calcaneus,talus");
  for (const std::string& id : named) {
    const int tissue = scene.findTissue(id);
    if (tissue < 0) {
      std::vector<std::string> known;
      for (const scene::Tissue& t : scene.tissues) known.push_back(t.id);
      const std::string near = nearestName(id, known);
      throw InputError("--focus", "\"" + id + "\"", "no tissue with that id in the model",
                       near.empty() ? "use ids from model-info" : "did you mean \"" + near + "\"?");
    }
    for (const scene::SceneMesh& m : scene.meshes) {
      if (m.tissueIndex == tissue && m.detail == 0) bounds.add(m.mesh.bounds());
    }
  }
  return bounds;
}

double percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  const size_t index = std::min(values.size() - 1, static_cast<size_t>(fraction * (values.size() - 1) + 0.5));
  return values[index];
}

long peakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct PreparedScene {
  std::shared_ptr<const scene::Scene> scene;  // shared with the leg strokes are planned on
  render::GpuSceneData gpuData;
};

PreparedScene prepareScene(const teaching::LegSource& model) {
  PreparedScene prepared{std::make_shared<const scene::Scene>(teaching::loadScene(model)), {}};
  prepared.gpuData = render::GpuSceneData::from(*prepared.scene);
  return prepared;
}

// Opens the GL context while `loading` reads the model on another core. A problem with
// the user's file is reported before one with the graphics driver.
std::unique_ptr<render::GlContext> openContextWhileLoading(const render::ContextOptions& options,
                                                           std::future<PreparedScene>& loading) {
  try {
    return std::make_unique<render::GlContext>(options);
  } catch (const GraphicsError&) {
    loading.wait();
    loading.get();  // rethrows the load's InputError, if any
    throw;
  }
}


// A lesson shown at one moment: its hands, trail and dents, and a close view of the step.
struct LessonMoment {
  teaching::Leg leg;
  teaching::LessonPlayback playback;
  scene::Overlays overlays;
  int step = 0;
};

// The leg over the scene shown, for strokes and guides.
teaching::Leg legOver(const std::shared_ptr<const scene::Scene>& scene, const RenderOptions& options) {
  return teaching::Leg(scene, teaching::loadLegDescription(options.model, options.anatomyDir));
}

std::unique_ptr<LessonMoment> lessonMoment(const RenderOptions& options, const std::shared_ptr<const scene::Scene>& scene) {
  if (options.lesson.empty()) {
    if (options.step > 0 || options.time > 0)
      throw InputError("--step/--time", "", "a moment needs a lesson", "add --lesson NAME");
    return nullptr;
  }
  auto moment = std::make_unique<LessonMoment>(LessonMoment{legOver(scene, options), {}, {}, 0});
  moment->playback = teaching::planPlayback(options.lesson, moment->leg.model());
  const int steps = static_cast<int>(moment->playback.lesson.steps.size());
  if (options.step > steps)
    throw InputError("--step", std::to_string(options.step), "the lesson has " + std::to_string(steps) + " steps",
                     "give a step from 1 to " + std::to_string(steps));
  const float time = (options.step > 0 ? moment->playback.stepStart(options.step - 1) : 0.0f) + options.time;
  moment->step = moment->playback.stepAt(time);
  moment->overlays = teaching::overlaysAt(moment->playback, time, teaching::handOpacity(options.hands == "translucent"));
  return moment;
}

// A lesson's strokes acting on a swelling frame by frame, with the skin they swell.
struct SimulatedLesson {
  SimulatedLesson(const LessonMoment& moment, const scene::Scene& scene, const std::string& condition)
      : session(moment.leg.model(), teaching::findCondition(condition)),
        strokes(moment.playback.strokes, simulation::sessionScale(moment.playback.lesson, moment.playback.strokes)),
        view(scene, session.model().fluid().skin()) {
    view.update(session.model().fluid(), swelling);
  }
  void playTo(float time) {
    session.play(strokes, playedTo, time);
    playedTo = time;
    view.update(session.model().fluid(), swelling);
  }
  teaching::EdemaSession session;
  simulation::StrokesOnTissue strokes;
  teaching::SwellingView view;
  scene::Swelling swelling;
  float playedTo = 0;
};

// The swelling on the condition asked for: as the lesson's strokes have left it by the
// moment shown, or as it starts without a lesson.
std::optional<scene::Swelling> swellingAt(const RenderOptions& options, const LessonMoment* moment,
                                          const std::shared_ptr<const scene::Scene>& scene) {
  if (options.condition.empty()) return std::nullopt;
  if (moment) {
    SimulatedLesson simulated(*moment, *scene, options.condition);
    simulated.playTo((options.step > 0 ? moment->playback.stepStart(options.step - 1) : 0.0f) + options.time);
    return simulated.swelling;
  }
  const teaching::Leg leg = legOver(scene, options);
  const teaching::EdemaSession session(leg.model(), teaching::findCondition(options.condition));
  scene::Swelling shown;
  teaching::SwellingView(*scene, session.model().fluid().skin()).update(session.model().fluid(), shown);
  return shown;
}

// The lesson (or one step of it) as a video: the camera follows the steps unless a view
// was asked for; captions are burned in by ffmpeg.
void renderVideo(const RenderOptions& options, LessonMoment& moment, render::Renderer& renderer, scene::Camera& camera,
                 render::FrameInputs& frame, teaching::TreatmentRoom* room, const geometry::Bounds& legBounds) {
  const teaching::LessonPlayback& playback = moment.playback;
  const float from = options.step > 0 ? playback.stepStart(options.step - 1) : 0.0f;
  const float to = options.step > 0 ? playback.stepStart(options.step) : playback.duration();
  // A whole lesson fits in a few minutes; one step is shown whole unless it only rests.
  const technique::ShownTimeline shown = technique::showLesson(
      playback.lesson, playback.strokes, from, to, options.step > 0 ? 1e9f : technique::kLongestLessonVideo);
  const int frames = std::max(1, static_cast<int>(std::ceil(shown.duration() * options.fps)));
  const std::filesystem::path captions =
      std::filesystem::temp_directory_path() / ("legatlas-captions-" + std::to_string(::getpid()));
  std::error_code madeFolder;
  std::filesystem::create_directories(captions, madeFolder);
  if (madeFolder)
    throw InputError(captions.string(), "", "cannot make a folder for the video's captions: " + madeFolder.message(),
                     "free space in the temporary folder, or point TMPDIR at a writable one");
  VideoEncoder encoder(options.outPath, options.width, options.height, options.fps,
                       captionFilter(playback.lesson, shown, options.width, options.height, captions));
  const float aspect = static_cast<float>(options.width) / static_cast<float>(options.height);
  int aimed = -1;
  for (int i = 0; i < frames; ++i) {
    const float time = shown.realTimeAt(static_cast<float>(i) / static_cast<float>(options.fps));
    const int step = playback.stepAt(time);
    if (step != aimed)
      frame.surroundings = teaching::showStep(camera, playback, step, aspect,
               options.view.empty() ? std::nullopt : std::optional(parseView(options.view)), room, legBounds);
    aimed = step;
    moment.overlays = teaching::overlaysAt(playback, time, teaching::handOpacity(options.hands == "translucent"));
    encoder.add(renderer.renderImage(frame, options.width, options.height));
    showProgress(i + 1, frames);
  }
  encoder.finish();
  std::error_code ec;
  std::filesystem::remove_all(captions, ec);
}

// The standard view in which the model covers the most pixels, when the anterior one
// shows nothing of it (a flat model seen edge-on, say). Throws InputError when no view
// shows anything.
scene::ViewPreset fullestView(render::Renderer& renderer, render::FrameInputs frame, const geometry::Bounds& bounds,
                              const std::string& modelName) {
  constexpr int kProbeSize = 96;  // pixels a side: enough to see a model, cheap to draw six times
  scene::Camera probe;
  frame.camera = &probe;
  frame.overlays = nullptr;
  scene::ViewPreset best = scene::ViewPreset::Anterior;
  long bestCovered = 0;
  for (scene::ViewPreset preset : {scene::ViewPreset::Anterior, scene::ViewPreset::Lateral, scene::ViewPreset::Posterior,
                                   scene::ViewPreset::Medial, scene::ViewPreset::Superior, scene::ViewPreset::Inferior}) {
    probe.setPreset(preset);
    probe.frame(bounds, 1.0f);
    probe.setSceneBounds(bounds);
    const render::TissueIdBuffer ids = renderer.renderTissueIds(frame, kProbeSize, kProbeSize);
    const long covered = std::count_if(ids.ids.begin(), ids.ids.end(), [](uint32_t id) { return id != 0; });
    if (covered > bestCovered) bestCovered = covered, best = preset;
    if (preset == scene::ViewPreset::Anterior && covered > 0) return best;  // the usual view shows it
  }
  if (bestCovered == 0)
    throw InputError(modelName, "", "the model shows nothing from any side with these layers",
                     "check --layers, or that the model has triangles with some area");
  return best;
}

// The camera for a still or a video: the lesson's step (from the table's side, or the
// view asked for), else the view asked for, else the anterior view, or the one showing
// the most of a model the anterior view misses. Returns the room around the step.
const scene::Surroundings* aimCamera(const RenderOptions& options, const scene::Scene& scene, const LessonMoment* moment,
                                     teaching::TreatmentRoom* room, render::Renderer& renderer,
                                     const render::FrameInputs& frame, scene::Camera& camera) {
  const float aspect = static_cast<float>(options.width) / static_cast<float>(options.height);
  const std::optional<scene::ViewPreset> view =
      options.view.empty() ? std::nullopt : std::optional(parseView(options.view));
  // A swelling is about the whole limb: standing, it is framed whole rather than the step.
  const bool wholeLimb = !options.condition.empty() && options.upright;
  if (moment && !wholeLimb) return teaching::showStep(camera, moment->playback, moment->step, aspect, view, room, scene.bounds());
  const geometry::Bounds framed = options.focus.empty() ? scene.bounds() : focusBounds(scene, options.focus);
  camera.setPreset(view.value_or(fullestView(renderer, frame, framed, options.model.modelPath.empty()
                                                                           ? std::string("the built-in leg")
                                                                           : options.model.modelPath)));
  camera.frame(framed, aspect);
  return nullptr;
}

// Draws the direction guides asked for into `overlays` (the lesson's, if one shows).
// Returns what the overlays point into, which must live while they are drawn.
std::unique_ptr<teaching::DirectionGuides> addGuides(const RenderOptions& options, const PreparedScene& prepared,
                                                     LessonMoment* moment, int selected,
                                                     std::optional<teaching::Leg>& guideLeg, scene::Overlays& overlays) {
  const teaching::GuideToggles guides =
      options.guides.empty() ? teaching::GuideToggles{} : teaching::GuideToggles::parse(options.guides, "--guides");
  if (!guides.any()) return nullptr;
  if (!moment) guideLeg.emplace(legOver(prepared.scene, options));  // a lesson has built the leg already
  auto drawn = std::make_unique<teaching::DirectionGuides>(moment ? moment->leg.model() : guideLeg->model());
  drawn->addTo(overlays, guides, options.time, selected);
  return drawn;
}

// Writes the still; encoding overlaps with releasing the GPU objects and the context.
int writeStill(const RenderOptions& options, const render::FrameInputs& frame,
               std::unique_ptr<render::Renderer>& renderer, std::unique_ptr<render::GlContext>& context) {
  render::Image image = renderer->renderImage(frame, options.width, options.height);
  context->checkErrors("render");
  if (context->errorCount() > 0) {
    for (const std::string& message : context->errorMessages()) std::cerr << message << '\n';
    return kExitGraphicsError;
  }
  std::future<void> writing = std::async(std::launch::async, render::writePng, options.outPath, std::move(image));
  renderer.reset();
  context.reset();
  writing.get();
  return kExitOk;
}

}  // namespace

int runRender(const RenderOptions& options) {
  if (!options.view.empty()) parseView(options.view);  // a bad view is reported before any loading
  if (!isVideoPath(options.outPath) && fileExtension(options.outPath) != ".png")
    throw InputError("--out", options.outPath, "render writes a PNG image, or an MP4, WebM or GIF video",
                     "give a file name ending in .png, .mp4, .webm or .gif");
  const scene::LayerVisibility layers = options.layers.empty()
                                            ? scene::LayerVisibility::defaults()
                                            : scene::LayerVisibility::parse(options.layers, "--layers");
  // The model loads, and its GPU arrays are laid out, on a second core while this one
  // opens the GL context.
  std::future<PreparedScene> loading = std::async(std::launch::async, prepareScene, options.model);
  auto context = openContextWhileLoading(
      {options.width, options.height, false, options.debugGl, false, "LegAtlas render", true}, loading);
  const PreparedScene prepared = loading.get();
  const scene::Scene& scene = *prepared.scene;
  const int selected = options.select.empty() ? -1 : scene.findTissue(options.select);
  if (!options.select.empty() && selected < 0)
    throw InputError("--select", "\"" + options.select + "\"", "no tissue with that id in the model",
                     "use an id from the tissue map");
  const std::unique_ptr<LessonMoment> moment = lessonMoment(options, prepared.scene);
  auto renderer = std::make_unique<render::Renderer>(options.samples);
  renderer->setScene(scene, prepared.gpuData);
  scene::Camera camera;
  render::FrameInputs frame{&camera, layers, selected};
  // With a lesson, the client lies on the table in the step's position unless --upright.
  std::unique_ptr<teaching::TreatmentRoom> room;
  if (moment && !options.upright) room = teaching::openTreatmentRoom(scene);
  frame.surroundings = aimCamera(options, scene, moment.get(), room.get(), *renderer, frame, camera);
  scene::Overlays guideOverlays;
  scene::Overlays& overlays = moment ? moment->overlays : guideOverlays;
  std::optional<teaching::Leg> guideLeg;
  const auto guides = addGuides(options, prepared, moment.get(), selected, guideLeg, overlays);
  if (moment || guides) frame.overlays = &overlays;
  const std::optional<scene::Swelling> swelling = swellingAt(options, moment.get(), prepared.scene);
  if (swelling) frame.swelling = &*swelling;
  if (isVideoPath(options.outPath)) {
    if (!moment) throw InputError(options.outPath, "", "a video shows a lesson", "add --lesson NAME (and --step K for one step)");
    if (swelling) throw InputError("--condition", options.condition, "a swelling is drawn on stills only", "write a .png");
    renderVideo(options, *moment, *renderer, camera, frame, room.get(), scene.bounds());
    context->checkErrors("render");
    return context->errorCount() > 0 ? kExitGraphicsError : kExitOk;
  }
  const int exit = writeStill(options, frame, renderer, context);
  for (const std::string& warning : scene.warnings) std::cerr << "warning: " << warning << '\n';
  return exit;
}

int runBench(const BenchOptions& options, Clock::time_point processStart) {
  std::future<PreparedScene> loading = std::async(std::launch::async, prepareScene, options.model);
  const auto context = openContextWhileLoading(
      {options.width, options.height, true, false, false, "LegAtlas bench"}, loading);
  const PreparedScene prepared = loading.get();
  const scene::Scene& scene = *prepared.scene;
  render::Renderer renderer(options.samples);
  renderer.setScene(scene, prepared.gpuData);
  scene::Camera camera;
  camera.frame(scene.bounds(), static_cast<float>(options.width) / static_cast<float>(options.height));
  render::FrameInputs frame{&camera, scene::LayerVisibility::defaults(), -1};
  frame.layers[anatomy::Layer::Skin] = {true, 0.3f};  // every layer on, the skin see-through
  RenderOptions lessonOptions;
  lessonOptions.model = options.model;  // the lesson is planned on the leg benched, with its own description
  lessonOptions.lesson = options.lesson;
  const Clock::time_point planning = Clock::now();
  const std::unique_ptr<LessonMoment> moment = lessonMoment(lessonOptions, prepared.scene);
  const double planMs = milliseconds(Clock::now() - planning);
  if (moment) frame.overlays = &moment->overlays;
  // With a condition, the swelling follows the lesson frame by frame, as in the viewer.
  std::optional<SimulatedLesson> simulated;
  if (!options.condition.empty()) {
    if (!moment) throw InputError("--condition", options.condition, "the simulation follows a lesson", "add --lesson NAME");
    simulated.emplace(*moment, scene, options.condition);
    frame.swelling = &simulated->swelling;
  }

  std::vector<double> frameMs, simulationMs, lessonMs;
  double firstFrameMs = 0.0;
  size_t triangles = 0;
  for (int i = 0; i < options.frames + 1; ++i) {
    const Clock::time_point begin = Clock::now();
    int width = 0, height = 0;
    context->framebufferSize(width, height);
    camera.orbit(0.01f, 0.0f);  // a moving view, as when a student orbits
    if (moment) {
      const Clock::time_point posing = Clock::now();
      moment->overlays = teaching::overlaysAt(moment->playback, static_cast<float>(i) / kLessonFramesPerSecond);
      if (i > 0) lessonMs.push_back(milliseconds(Clock::now() - posing));
    }
    if (simulated) {
      const Clock::time_point simulating = Clock::now();
      simulated->playTo(static_cast<float>(i) / kLessonFramesPerSecond);
      if (i > 0) simulationMs.push_back(milliseconds(Clock::now() - simulating));
    }
    if (options.referenceLambert) {
      renderer.renderReferenceLambert(camera, 0, width, height);
      triangles = renderer.triangleCount();
    } else {
      renderer.render(frame, 0, width, height);
      triangles = renderer.lastTrianglesDrawn();
    }
    context->swapBuffers();
    context->finish();  // count the GPU's work in the frame, not only its submission
    context->pollEvents();
    const Clock::time_point end = Clock::now();
    if (i == 0) firstFrameMs = milliseconds(end - processStart);
    else frameMs.push_back(milliseconds(end - begin));  // the first frame includes warm-up
  }
  context->checkErrors("bench");
  std::printf("renderer: %s\n", options.referenceLambert ? "reference-lambert" : "legatlas");
  std::printf("gl_renderer: %s\n", context->rendererName().c_str());
  std::printf("size: %dx%d samples: %d\n", options.width, options.height, renderer.samples());
  std::printf("median_frame_ms: %.2f\n", percentile(frameMs, 0.5));
  std::printf("p95_frame_ms: %.2f\n", percentile(frameMs, 0.95));
  std::printf("first_frame_ms: %.1f\n", firstFrameMs);
  std::printf("triangles: %zu\n", triangles);
  if (moment)
    std::printf("lesson: %s strokes: %zu plan_ms: %.1f median_pose_ms: %.3f p95_pose_ms: %.3f\n",
                moment->playback.lesson.id.c_str(), moment->playback.strokes.size(), planMs, percentile(lessonMs, 0.5),
                percentile(lessonMs, 0.95));
  if (simulated)
    std::printf("simulation: %s median_simulation_ms: %.3f p95_simulation_ms: %.3f excess_ml: %.1f\n",
                options.condition.c_str(), percentile(simulationMs, 0.5), percentile(simulationMs, 0.95),
                simulated->session.model().fluid().held());
  std::printf("peak_rss_mb: %.1f\n", static_cast<double>(peakRssKilobytes()) / 1024.0);
  return context->errorCount() > 0 ? kExitGraphicsError : kExitOk;
}

}  // namespace legatlas::app
