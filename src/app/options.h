#pragma once
// What the command line asked for, after parsing.
#include <optional>
#include <string>

#include "teaching/leg_source.h"

namespace legatlas::app {

struct ViewerOptions {
  teaching::LegSource model;
  int samples = 0;                    // 0: automatic
  std::string lesson;  // played on start: a built-in lesson's name or a file (default: the last one)
  std::string recordPath, replayPath;  // input recorded to, or replayed from, a file
  std::string screenshotPath;          // the window as a PNG when the replay ends
  bool upright = false;                // start with the leg standing, not the client on the table
  std::string hands = "opaque";        // "translucent": the hands let the worked muscle show through
};

struct RenderOptions {
  teaching::LegSource model;
  std::string view;    // empty: anterior, or the view facing the lesson's step
  std::string lesson;  // a built-in lesson's name or a lesson file: show its hands at `time`
  int step = 0;        // 1-based; 0: `time` counts from the lesson's start
  float time = 0;      // seconds
  int fps = 30;        // for a video
  std::string guides;  // direction guides to draw: "lymph,territories,fibres,pulses,veins" or "all"
  std::string anatomyDir;
  std::string layers;  // empty: defaults
  std::string select;  // tissue id to outline
  std::string focus;   // tissue ids, comma-separated: frame these instead of the whole leg
  int width = 1920, height = 1080;
  int samples = 0;  // 0: automatic
  std::string outPath;
  bool debugGl = false;
  bool upright = false;  // with a lesson: the standing leg, not the client on the table
  std::string condition;  // with a lesson: the swelling its strokes have acted on by then
  std::string hands = "opaque";  // with a lesson: "translucent" lets the worked muscle show through the hands
};

struct BenchOptions {
  teaching::LegSource model;
  int frames = 200;
  int width = 1280, height = 720;
  int samples = 0;  // 0: automatic
  bool referenceLambert = false;
  std::string lesson;  // play this lesson while timing (hands, dents, trail, arrow)
  std::string condition;  // with a lesson: simulate this swelling as it plays
};

struct InspectOptions {
  std::string anatomyDir;  // empty: the built-in description
  std::string leg;         // "described", "female" or "male"; empty for the default leg
  bool json = false;
};

}  // namespace legatlas::app
