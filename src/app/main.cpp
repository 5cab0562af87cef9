// legatlas: the viewer, and the commands that render, benchmark and inspect.
#include <CLI/CLI.hpp>

#include <chrono>
#include <csignal>
#include <iostream>

#include "app/commands.h"
#include "app/inspect_commands.h"
#include "app/lesson_commands.h"
#include "app/soak.h"
#include "app/viewer.h"
#include "core/error.h"

namespace {

using namespace legatlas;

// Taken during static initialisation, before main: the benchmark's "process start".
const auto kProcessStart = std::chrono::steady_clock::now();

// "1920x1080" -> width, height.
void addSizeOption(CLI::App& command, int& width, int& height, const std::string& defaultText) {
  command
      .add_option_function<std::string>(
          "--size",
          [&width, &height](const std::string& text) {
            const auto x = text.find_first_of("xX");
            try {
              if (x == std::string::npos) throw std::invalid_argument(text);
              size_t used = 0;
              width = std::stoi(text.substr(0, x), &used);
              if (used != x) throw std::invalid_argument(text);
              height = std::stoi(text.substr(x + 1), &used);
              if (used != text.size() - x - 1) throw std::invalid_argument(text);
            } catch (const std::exception&) {
              throw CLI::ValidationError("--size", "write WIDTHxHEIGHT, e.g. 1920x1080, not \"" + text + "\"");
            }
            if (width < 16 || height < 16 || width > 8192 || height > 8192) {
              throw CLI::ValidationError("--size", "each side must be from 16 to 8192 pixels");
            }
          },
          "Image size in pixels, WIDTHxHEIGHT")
      ->default_str(defaultText)
      ->type_name("WxH");
}

void addModelOptions(CLI::App& command, app::ModelOptions& model) {
  CLI::Option* modelOption =
      command.add_option("--model", model.modelPath, "Model file (glTF/GLB, FBX, OBJ); default: the built-in leg")
          ->type_name("FILE");
  command
      .add_option("--leg", model.leg,
                  "The built-in leg: the measured female or male (Visible Human surfaces), or described (drawn "
                  "wholly from the anatomical description); default: " + app::defaultLeg())
      ->check(CLI::IsMember({"described", "female", "male"}))
      ->excludes(modelOption);
  command
      .add_option("--tissue-map", model.tissueMapPath,
                  "Tissue map JSON (mesh name patterns -> tissue, layer); default: <model>.tissues.json")
      ->type_name("FILE");
}

void addSamplesOption(CLI::App& command, int& samples) {
  command
      .add_option("--msaa", samples,
                  "Anti-aliasing samples per pixel; 0 = automatic (4 on a GPU, 1 on a software renderer)")
      ->check(CLI::Range(0, 16))
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  // A pipe whose reader has gone (ffmpeg refusing the video's path, `legatlas lessons | head`)
  // must fail the write with EPIPE, which is reported, not end the program with a signal.
  std::signal(SIGPIPE, SIG_IGN);
  CLI::App cli{"LegAtlas: a 3D leg for learning which way each massage stroke goes, and why."};
  cli.set_version_flag("--version", LEGATLAS_VERSION);
  cli.footer("Run a command with --help for its options. Exit codes: 0 ok, 1 bad input file or value, "
             "2 bad command line, 3 graphics driver problem.");

  app::ViewerOptions viewer;
  addModelOptions(cli, viewer.model);
  addSamplesOption(cli, viewer.samples);
  cli.add_option("--record", viewer.recordPath, "Record the mouse and keys, frame by frame, into a file (Ctrl+Q quits)")
      ->type_name("FILE");
  cli.add_option("--replay", viewer.replayPath, "Replay recorded input, then quit")->type_name("FILE");
  cli.add_flag("--upright", viewer.upright, "Start with the leg standing, not the client on the massage table (T toggles)");
  cli.add_option("--lesson", viewer.lesson,
                 "The lesson to play on start: a built-in lesson's name or a file (default: the last one, at first "
                 "circulation)")
      ->type_name("NAME|FILE");

  app::RenderOptions render;
  CLI::App* renderCommand = cli.add_subcommand("render", "Render one view to a PNG without opening a window");
  addModelOptions(*renderCommand, render.model);
  renderCommand->add_option("--view", render.view,
                            "anterior, posterior, lateral, medial, superior or inferior (default: anterior, or the view "
                            "facing the lesson step)");
  renderCommand->add_option("--lesson", render.lesson, "Show a lesson's hands and strokes: a built-in lesson's name or a file")
      ->type_name("NAME|FILE");
  renderCommand->add_option("--step", render.step, "With --lesson: the step (from 1) that --time counts from")
      ->check(CLI::Range(1, 1000));
  renderCommand->add_option("--time", render.time, "With --lesson: seconds into the lesson (or into --step)")
      ->check(CLI::Range(0.0, 1e6));
  renderCommand->add_option("--guides", render.guides,
                            "Direction guides: lymph (flow on the skin), territories, fibres (of --select), pulses, veins, "
                            "or all")
      ->type_name("LIST");
  renderCommand->add_option("--fps", render.fps, "Frames a second of a video (--out FILE.mp4, .webm or .gif)")
      ->check(CLI::Range(1, 120))
      ->capture_default_str();
  renderCommand->add_option("--layers", render.layers,
                            "Layers to show, e.g. skin=0.3,muscles,bones (default: all, skin at 0.3)");
  renderCommand->add_option("--select", render.select, "Outline the tissue with this id")->type_name("TISSUE");
  renderCommand->add_option("--focus", render.focus,
                            "Frame these tissues (ids, comma-separated) instead of the whole leg, e.g. "
                            "calcaneus,talus for the ankle")
      ->type_name("TISSUES")
      ->excludes("--lesson");
  addSizeOption(*renderCommand, render.width, render.height, "1920x1080");
  addSamplesOption(*renderCommand, render.samples);
  renderCommand->add_flag("--debug-gl", render.debugGl, "Enable GL debug output; any GL error fails the command");
  renderCommand->add_flag("--upright", render.upright,
                          "With --lesson: the leg standing, not the client on the massage table in the step's position");
  renderCommand->add_option("--out", render.outPath, "PNG file to write, or a video (.mp4, .webm, .gif) of --lesson")->required()->type_name("FILE");

  app::BenchOptions bench;
  CLI::App* benchCommand = cli.add_subcommand("bench", "Time frames of the viewer's renderer in a window");
  addModelOptions(*benchCommand, bench.model);
  benchCommand->add_option("--frames", bench.frames, "Frames to time")->check(CLI::Range(1, 100000))->capture_default_str();
  addSizeOption(*benchCommand, bench.width, bench.height, "1280x720");
  addSamplesOption(*benchCommand, bench.samples);
  benchCommand->add_option("--lesson", bench.lesson, "Play a lesson while timing, 30 lesson frames a second")
      ->type_name("NAME|FILE");
  benchCommand->add_flag("--reference-lambert", bench.referenceLambert,
                         "Time a bare Lambert render (one opaque pass, no layers) of the same triangles instead");

  app::InspectOptions landmarks;
  CLI::App* landmarksCommand =
      cli.add_subcommand("landmarks", "List the landmarks of a leg (model frame, metres)");
  landmarksCommand->add_flag("--json", landmarks.json, "Print JSON");
  landmarksCommand->add_option("--anatomy", landmarks.anatomyDir, "Description folder (default: the built-in one)")
      ->type_name("DIR");
  landmarksCommand->add_option("--leg", landmarks.leg,
                               "The leg whose landmarks to list: a measured leg's are measured on its own bones or "
                               "carried from the description; default: " + app::defaultLeg())
      ->check(CLI::IsMember({"described", "female", "male"}));

  app::ModelInfoOptions modelInfo;
  CLI::App* modelInfoCommand = cli.add_subcommand(
      "model-info", "List every tissue of a model: layer, triangles, bounding box (model frame, metres), attachments "
                    "and lymph flow from its tissue map");
  addModelOptions(*modelInfoCommand, modelInfo.model);
  modelInfoCommand->add_flag("--json", modelInfo.json, "Print JSON");

  std::string buildAnatomy, buildOut;
  CLI::App* buildCommand =
      cli.add_subcommand("build-model", "Generate the leg's meshes from the anatomical description into a GLB");
  buildCommand->add_option("--anatomy", buildAnatomy, "Description folder (default: the built-in one)")->type_name("DIR");
  std::string buildLeg;
  buildCommand->add_option("--leg", buildLeg, "Build a measured leg: the subject's measured bones and muscles, the rest generated")
      ->check(CLI::IsMember({"female", "male"}));
  buildCommand->add_option("--out", buildOut, "GLB file to write; its tissue map goes beside it")
      ->required()
      ->type_name("FILE");

  bool techniquesJson = false;
  CLI::App* techniquesCommand = cli.add_subcommand("techniques", "List the massage techniques and the reference each obeys");
  techniquesCommand->add_flag("--json", techniquesJson, "Print JSON");

  bool lessonsJson = false;
  CLI::App* lessonsCommand = cli.add_subcommand("lessons", "List the built-in lessons with their condition, safety notes and steps");
  lessonsCommand->add_flag("--json", lessonsJson, "Print JSON");

  app::LessonOptions strokes;
  CLI::App* strokesCommand = cli.add_subcommand(
      "strokes", "Plan a lesson's strokes on the leg and print their contact paths ([x, y, z, t], model frame)");
  addModelOptions(*strokesCommand, strokes.model);
  strokesCommand->add_option("--lesson", strokes.lesson, "A built-in lesson's name, or a lesson file")
      ->required()
      ->type_name("NAME|FILE");
  strokesCommand->add_option("--anatomy", strokes.anatomyDir, "Description folder (default: the built-in one)")
      ->type_name("DIR");
  strokesCommand->add_flag("--json", strokes.json, "Print JSON");

  app::LessonOptions check;
  CLI::App* checkCommand = cli.add_subcommand(
      "check", "Check a lesson: read it, plan its strokes and check each against the anatomy; exits 1 on any problem");
  checkCommand->add_option("lesson", check.lesson, "A lesson file, or a built-in lesson's name")
      ->required()
      ->type_name("FILE");
  addModelOptions(*checkCommand, check.model);
  checkCommand->add_option("--anatomy", check.anatomyDir, "Description folder (default: the built-in one)")->type_name("DIR");
  checkCommand->add_flag("--json", check.json, "Print JSON");

  app::SoakOptions soak;
  CLI::App* soakCommand = cli.add_subcommand(
      "soak", "Play every built-in lesson in a loop, headless, watching memory and GL objects for leaks");
  addModelOptions(*soakCommand, soak.model);
  soakCommand->add_option("--frames", soak.frames, "Frames to play")->check(CLI::Range(10L, 100000000L))->capture_default_str();
  soakCommand->add_option("--report-every", soak.reportEvery, "Print memory and GL objects every N frames")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  addSizeOption(*soakCommand, soak.width, soak.height, "320x240");

  app::ScoreOptions score;
  CLI::App* scoreCommand = cli.add_subcommand(
      "score", "Score a drawn stroke ([x, y, z, t] samples, model frame) for a technique on a tissue or region");
  scoreCommand->add_option("--technique", score.technique, "The technique, e.g. gliding")->required()->type_name("ID");
  scoreCommand->add_option("--target", score.target, "The tissue or region id")->required()->type_name("ID");
  scoreCommand->add_option("--path", score.pathFile, "JSON file of [x, y, z, t] samples")->required()->type_name("FILE");
  addModelOptions(*scoreCommand, score.model);
  scoreCommand->add_option("--anatomy", score.anatomyDir, "Description folder (default: the built-in one)")->type_name("DIR");
  scoreCommand->add_flag("--json", score.json, "Print JSON");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "legatlas: " << e.what() << "\nRun 'legatlas --help' for the commands and options.\n";
    return kExitUsageError;
  }

  try {
    if (*renderCommand) return app::runRender(render);
    if (*benchCommand) return app::runBench(bench, kProcessStart);
    if (*landmarksCommand) return app::runLandmarks(landmarks);
    if (*modelInfoCommand) return app::runModelInfo(modelInfo);
    if (*buildCommand) return app::runBuildModel(buildAnatomy, buildLeg, buildOut);
    if (*techniquesCommand) return app::runTechniques(techniquesJson);
    if (*lessonsCommand) return app::runLessons(lessonsJson);
    if (*strokesCommand) return app::runStrokes(strokes);
    if (*checkCommand) return app::runCheck(check);
    if (*scoreCommand) return app::runScore(score);
    if (*soakCommand) return app::runSoak(soak);
    // A file to replay or record into is checked before a window opens.
    app::InputScript input = !viewer.replayPath.empty()   ? app::InputScript::replay(viewer.replayPath)
                             : !viewer.recordPath.empty() ? app::InputScript::record(viewer.recordPath)
                                                          : app::InputScript();
    app::Viewer window(viewer, std::move(input));
    return window.run();
  } catch (const InputError& e) {
    std::cerr << "legatlas: " << e.what() << '\n';
    return kExitInputError;
  } catch (const GraphicsError& e) {
    std::cerr << "legatlas: " << e.what() << '\n';
    return kExitGraphicsError;
  }
}
