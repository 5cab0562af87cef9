#pragma once
// Lesson videos: frames rendered here, captions burned in and encoding done by Debian's
// ffmpeg, which reads the raw frames on a pipe.
#include <cstdio>
#include <filesystem>
#include <string>

#include "teaching/lesson_playback.h"
#include "render/image.h"
#include "technique/shown_time.h"

namespace legatlas::app {

bool isVideoPath(const std::string& path);  // .mp4, .webm, .gif

class VideoEncoder {
 public:
  // `captions`: an ffmpeg filter drawing them (may be empty). Throws InputError when
  // ffmpeg cannot be started.
  VideoEncoder(const std::string& outPath, int width, int height, int fps, const std::string& captions);
  ~VideoEncoder();
  VideoEncoder(const VideoEncoder&) = delete;
  VideoEncoder& operator=(const VideoEncoder&) = delete;

  void add(const render::Image& frame);
  // Waits for ffmpeg; throws InputError with its last words when it failed.
  void finish();

 private:
  std::string outPath_, logPath_;
  FILE* pipe_ = nullptr;
};

// Writes each shown step's caption to a file in `folder` and returns an ffmpeg drawtext
// chain that shows it while the step is on screen.
std::string captionFilter(const technique::Lesson& lesson, const technique::ShownTimeline& shown, int width, int height,
                          const std::filesystem::path& folder);

// "\r[#######        ] 45%  frame 123/300" on a terminal; a line each tenth elsewhere.
void showProgress(int done, int total);

}  // namespace legatlas::app
