#include "app/command_line.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/inspect_commands.h"
#include "app/lesson_commands.h"
#include "app/simulate_command.h"
#include "app/soak.h"
#include "app/viewer.h"
#include "core/error.h"

namespace legatlas::app {

namespace {

// --- Options several commands share, each declared once -------------------------------

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

// --model, --leg and --tissue-map: which leg a command works on.
void addModelOptions(CLI::App& command, teaching::LegSource& model) {
  CLI::Option* modelOption =
      command.add_option("--model", model.modelPath, "Model file (glTF/GLB, FBX, OBJ); default: the built-in leg")
          ->type_name("FILE");
  command
      .add_option("--leg", model.leg,
                  "The built-in leg: the measured female or male (Visible Human surfaces), or described (drawn "
                  "wholly from the anatomical description); default: " + teaching::defaultLeg())
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

void addJsonFlag(CLI::App& command, bool& json) { command.add_flag("--json", json, "Print JSON"); }

void addAnatomyOption(CLI::App& command, std::string& directory) {
  command.add_option("--anatomy", directory, "Description folder (default: the built-in one)")->type_name("DIR");
}

void addOutOption(CLI::App& command, std::string& path, const std::string& what) {
  command.add_option("--out", path, what)->required()->type_name("FILE");
}

// --- The commands -----------------------------------------------------------------------

struct BuildModelOptions {
  std::string anatomyDir, leg, outPath;
};

// What the command line asked for, filled in by parsing.
struct Choices {
  ViewerOptions viewer;
  RenderOptions render;
  BenchOptions bench;
  InspectOptions landmarks;
  ModelInfoOptions modelInfo;
  BuildModelOptions build;
  bool techniquesJson = false, lessonsJson = false;
  LessonOptions strokes, check;
  SimulateOptions simulate;
  SoakOptions soak;
  ScoreOptions score;
};

struct Command {
  const char* name;
  const char* summary;
  std::function<void(CLI::App&)> declare;
  std::function<int()> run;
};

void addHandsOption(CLI::App& command, std::string& hands) {
  command.add_option("--hands", hands, "The therapist's hands opaque, or translucent so the worked muscle shows through")
      ->check(CLI::IsMember({"opaque", "translucent"}))
      ->capture_default_str();
}

void declareViewer(CLI::App& cli, ViewerOptions& viewer) {
  addModelOptions(cli, viewer.model);
  addSamplesOption(cli, viewer.samples);
  cli.add_option("--record", viewer.recordPath, "Record the mouse and keys, frame by frame, into a file (Ctrl+Q quits)")
      ->type_name("FILE");
  CLI::Option* replay =
      cli.add_option("--replay", viewer.replayPath, "Replay recorded input, then quit")->type_name("FILE");
  cli.add_option("--screenshot", viewer.screenshotPath, "With --replay: write the window as a PNG when the replay ends")
      ->type_name("FILE")
      ->needs(replay);
  cli.add_flag("--upright", viewer.upright, "Start with the leg standing, not the client on the massage table (T toggles)");
  addHandsOption(cli, viewer.hands);
  cli.add_option("--lesson", viewer.lesson,
                 "The lesson to play on start: a built-in lesson's name or a file (default: the last one, at first "
                 "circulation)")
      ->type_name("NAME|FILE");
}

void declareRender(CLI::App& command, RenderOptions& render) {
  addModelOptions(command, render.model);
  command.add_option("--view", render.view,
                     "anterior, posterior, lateral, medial, superior or inferior (default: anterior, or the view "
                     "facing the lesson step)");
  command.add_option("--lesson", render.lesson, "Show a lesson's hands and strokes: a built-in lesson's name or a file")
      ->type_name("NAME|FILE");
  command.add_option("--step", render.step, "With --lesson: the step (from 1) that --time counts from")
      ->check(CLI::Range(1, 1000));
  command.add_option("--time", render.time, "With --lesson: seconds into the lesson (or into --step)")
      ->check(CLI::Range(0.0, 1e6));
  command
      .add_option("--condition", render.condition,
                  "A swelling (ankle_lower_leg, post_exercise_calf, whole_limb, or a conditions file), the skin swollen "
                  "and coloured by the fluid: as it starts, or with --lesson as the strokes have left it by --time")
      ->type_name("ID|FILE");
  command.add_option("--guides", render.guides,
                     "Direction guides: lymph (flow on the skin), territories, fibres (of --select), pulses, veins, "
                     "or all")
      ->type_name("LIST");
  command.add_option("--fps", render.fps, "Frames a second of a video (--out FILE.mp4, .webm or .gif)")
      ->check(CLI::Range(1, 120))
      ->capture_default_str();
  command.add_option("--layers", render.layers, "Layers to show, e.g. skin=0.3,muscles,bones (default: all, skin at 0.3)");
  command.add_option("--select", render.select, "Outline the tissue with this id")->type_name("TISSUE");
  command.add_option("--focus", render.focus,
                     "Frame these tissues (ids, comma-separated) instead of the whole leg, e.g. calcaneus,talus for "
                     "the ankle")
      ->type_name("TISSUES")
      ->excludes("--lesson");
  addSizeOption(command, render.width, render.height, "1920x1080");
  addSamplesOption(command, render.samples);
  command.add_flag("--debug-gl", render.debugGl, "Enable GL debug output; any GL error fails the command");
  command.add_flag("--upright", render.upright,
                   "With --lesson: the leg standing, not the client on the massage table in the step's position");
  addHandsOption(command, render.hands);
  addOutOption(command, render.outPath, "PNG file to write, or a video (.mp4, .webm, .gif) of --lesson");
}

void declareBench(CLI::App& command, BenchOptions& bench) {
  addModelOptions(command, bench.model);
  command.add_option("--frames", bench.frames, "Frames to time")->check(CLI::Range(1, 100000))->capture_default_str();
  addSizeOption(command, bench.width, bench.height, "1280x720");
  addSamplesOption(command, bench.samples);
  command.add_option("--lesson", bench.lesson, "Play a lesson while timing, 30 lesson frames a second")
      ->type_name("NAME|FILE");
  command
      .add_option("--condition", bench.condition,
                  "With --lesson: simulate this swelling as the lesson plays, as the viewer does, and time it")
      ->type_name("ID|FILE");
  command.add_flag("--reference-lambert", bench.referenceLambert,
                   "Time a bare Lambert render (one opaque pass, no layers) of the same triangles instead");
}

void declareLessonCommand(CLI::App& command, LessonOptions& lesson) {
  addModelOptions(command, lesson.model);
  command.add_option("--lesson", lesson.lesson, "A built-in lesson's name, or a lesson file")
      ->required()
      ->type_name("NAME|FILE");
  addAnatomyOption(command, lesson.anatomyDir);
  addJsonFlag(command, lesson.json);
}

void declareSimulate(CLI::App& command, SimulateOptions& simulate) {
  addModelOptions(command, simulate.model);
  command.add_option("--lesson", simulate.lesson, "A built-in lesson's name, or a lesson file")
      ->required()
      ->type_name("NAME|FILE");
  command
      .add_option("--condition", simulate.condition,
                  "The swelling to start from: a built-in condition (ankle_lower_leg, post_exercise_calf, whole_limb) or "
                  "a conditions file; default: ankle_lower_leg")
      ->type_name("ID|FILE");
  command.add_flag("--reverse", simulate.reverse, "Play every stroke backwards, away from the nodes");
  command.add_option("--order", simulate.order, "Reorder the steps: from the groin down, or from the foot up")
      ->check(CLI::IsMember({"proximal-first", "distal-first"}));
  addAnatomyOption(command, simulate.anatomyDir);
  addJsonFlag(command, simulate.json);
}

void declareCheck(CLI::App& command, LessonOptions& check) {
  command.add_option("lesson", check.lesson, "A lesson file, or a built-in lesson's name")->required()->type_name("FILE");
  addModelOptions(command, check.model);
  addAnatomyOption(command, check.anatomyDir);
  addJsonFlag(command, check.json);
}

void declareSoak(CLI::App& command, SoakOptions& soak) {
  addModelOptions(command, soak.model);
  command.add_option("--frames", soak.frames, "Frames to play")->check(CLI::Range(10L, 100000000L))->capture_default_str();
  command.add_option("--report-every", soak.reportEvery, "Print memory and GL objects every N frames")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  addSizeOption(command, soak.width, soak.height, "320x240");
}

void declareScore(CLI::App& command, ScoreOptions& score) {
  command.add_option("--technique", score.technique, "The technique, e.g. gliding")->required()->type_name("ID");
  command.add_option("--target", score.target, "The tissue or region id")->required()->type_name("ID");
  command.add_option("--path", score.pathFile, "JSON file of [x, y, z, t] samples")->required()->type_name("FILE");
  addModelOptions(command, score.model);
  addAnatomyOption(command, score.anatomyDir);
  addJsonFlag(command, score.json);
}

std::vector<Command> commands(Choices& c, std::chrono::steady_clock::time_point processStart) {
  return {
      {"render", "Render one view to a PNG without opening a window",
       [&c](CLI::App& command) { declareRender(command, c.render); }, [&c] { return runRender(c.render); }},
      {"bench", "Time frames of the viewer's renderer in a window",
       [&c](CLI::App& command) { declareBench(command, c.bench); },
       [&c, processStart] { return runBench(c.bench, processStart); }},
      {"landmarks", "List the landmarks of a leg (model frame, metres)",
       [&c](CLI::App& command) {
         addJsonFlag(command, c.landmarks.json);
         addAnatomyOption(command, c.landmarks.anatomyDir);
         command.add_option("--leg", c.landmarks.leg,
                            "The leg whose landmarks to list: a measured leg's are measured on its own bones or "
                            "carried from the description; default: " + teaching::defaultLeg())
             ->check(CLI::IsMember({"described", "female", "male"}));
       },
       [&c] { return runLandmarks(c.landmarks); }},
      {"model-info",
       "List every tissue of a model: layer, triangles, bounding box (model frame, metres), attachments and lymph "
       "flow from its tissue map",
       [&c](CLI::App& command) {
         addModelOptions(command, c.modelInfo.model);
         addJsonFlag(command, c.modelInfo.json);
       },
       [&c] { return runModelInfo(c.modelInfo); }},
      {"build-model", "Generate the leg's meshes from the anatomical description into a GLB",
       [&c](CLI::App& command) {
         addAnatomyOption(command, c.build.anatomyDir);
         command.add_option("--leg", c.build.leg, "Build a measured leg: the subject's measured bones and muscles, the rest generated")
             ->check(CLI::IsMember({"female", "male"}));
         addOutOption(command, c.build.outPath, "GLB file to write; its tissue map goes beside it");
       },
       [&c] { return runBuildModel(c.build.anatomyDir, c.build.leg, c.build.outPath); }},
      {"techniques", "List the massage techniques and the reference each obeys",
       [&c](CLI::App& command) { addJsonFlag(command, c.techniquesJson); }, [&c] { return runTechniques(c.techniquesJson); }},
      {"lessons", "List the built-in lessons with their condition, safety notes and steps",
       [&c](CLI::App& command) { addJsonFlag(command, c.lessonsJson); }, [&c] { return runLessons(c.lessonsJson); }},
      {"strokes", "Plan a lesson's strokes on the leg and print their contact paths ([x, y, z, t], model frame)",
       [&c](CLI::App& command) { declareLessonCommand(command, c.strokes); }, [&c] { return runStrokes(c.strokes); }},
      {"check", "Check a lesson: read it, plan its strokes and check each against the anatomy; exits 1 on any problem",
       [&c](CLI::App& command) { declareCheck(command, c.check); }, [&c] { return runCheck(c.check); }},
      {"simulate", "Play a lesson's strokes on a swelling and print the excess fluid and the tape's circumferences after each step",
       [&c](CLI::App& command) { declareSimulate(command, c.simulate); }, [&c] { return runSimulate(c.simulate); }},
      {"soak", "Play every built-in lesson in a loop, headless, watching memory and GL objects for leaks",
       [&c](CLI::App& command) { declareSoak(command, c.soak); }, [&c] { return runSoak(c.soak); }},
      {"score", "Score a drawn stroke ([x, y, z, t] samples, model frame) for a technique on a tissue or region",
       [&c](CLI::App& command) { declareScore(command, c.score); }, [&c] { return runScore(c.score); }},
  };
}

int runViewer(const ViewerOptions& viewer) {
  // A file to replay or record into is checked before a window opens.
  ui::InputScript input = !viewer.replayPath.empty()   ? ui::InputScript::replay(viewer.replayPath)
                      : !viewer.recordPath.empty() ? ui::InputScript::record(viewer.recordPath)
                                                   : ui::InputScript();
  Viewer window(viewer, std::move(input));
  return window.run();
}

}  // namespace

int runCommandLine(int argc, char** argv, std::chrono::steady_clock::time_point processStart) {
  CLI::App cli{"LegAtlas: a 3D leg for learning which way each massage stroke goes, and why."};
  cli.set_version_flag("--version", LEGATLAS_VERSION);
  cli.footer("Run a command with --help for its options. Exit codes: 0 ok, 1 bad input file or value, "
             "2 bad command line, 3 graphics driver problem.");
  Choices choices;
  declareViewer(cli, choices.viewer);
  const std::vector<Command> table = commands(choices, processStart);
  std::vector<CLI::App*> subcommands;
  for (const Command& command : table) {
    subcommands.push_back(cli.add_subcommand(command.name, command.summary));
    command.declare(*subcommands.back());
  }
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
  for (size_t i = 0; i < table.size(); ++i) {
    if (*subcommands[i]) return table[i].run();
  }
  return runViewer(choices.viewer);
}

}  // namespace legatlas::app
