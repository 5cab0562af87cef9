#include "app/video_export.h"

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/text.h"

namespace legatlas::app {
namespace {

namespace fs = std::filesystem;

const char* kFontCandidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                 "/usr/share/fonts/dejavu/DejaVuSans.ttf"};

std::string shellQuoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// ffmpeg filter arguments need ':' '\'' and '\\' escaped.
std::string filterEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ':' || c == '\\' || c == '\'' || c == ',') out += '\\';
    out += c;
  }
  return out;
}

std::string wrapped(const std::string& text, size_t columns) {
  std::istringstream words(text);
  std::string line, out, word;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > columns) out += line + "\n", line.clear();
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

std::string fontFile() {
  for (const char* path : kFontCandidates)
    if (fs::exists(path)) return path;
  throw InputError(kFontCandidates[0], "", "no font for the captions", "install Debian's fonts-dejavu-core");
}

// ": <the last line ffmpeg logged>", or nothing when it logged nothing.
std::string ffmpegSaid(const std::string& logPath) {
  std::ifstream in(logPath);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last.empty() ? last : ": " + last;
}

}  // namespace

bool isVideoPath(const std::string& path) {
  const std::string extension = fileExtension(path);
  return extension == ".mp4" || extension == ".webm" || extension == ".gif";
}

VideoEncoder::VideoEncoder(const std::string& outPath, int width, int height, int fps, const std::string& captions)
    : outPath_(outPath), logPath_(outPath + ".ffmpeg.log") {
  checkWritablePath(outPath);
  const std::string extension = fileExtension(outPath);
  std::string filter = captions;
  std::string codec;
  if (extension == ".gif") {
    // A palette made from the frames themselves keeps the colours of the leg.
    filter += std::string(filter.empty() ? "" : ",") + "split[a][b];[a]palettegen[p];[b][p]paletteuse";
  } else if (extension == ".webm") {
    codec = "-c:v libvpx-vp9 -b:v 0 -crf 34 -pix_fmt yuv420p";
  } else {
    codec = "-c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -movflags +faststart";
  }
  const std::string command = "ffmpeg -hide_banner -loglevel error -y -f rawvideo -pix_fmt rgba -s " + std::to_string(width) + "x" +
                              std::to_string(height) + " -r " + std::to_string(fps) + " -i - " +
                              (filter.empty() ? "" : "-filter_complex " + shellQuoted(filter) + " ") + codec + " " +
                              shellQuoted(outPath) + " 2> " + shellQuoted(logPath_);
  pipe_ = ::popen(command.c_str(), "w");
  if (!pipe_) throw InputError(outPath, "", "cannot start ffmpeg", "install Debian's ffmpeg");
}

VideoEncoder::~VideoEncoder() {
  if (!pipe_) return;
  ::pclose(pipe_);  // given up part way (an error was thrown): ffmpeg's log goes too
  std::error_code ec;
  fs::remove(logPath_, ec);
}

void VideoEncoder::add(const render::Image& frame) {
  if (std::fwrite(frame.rgba.data(), 1, frame.rgba.size(), pipe_) != frame.rgba.size())
    throw InputError(outPath_, "", "ffmpeg stopped taking frames" + ffmpegSaid(logPath_), "check the output path and its folder");
}

void VideoEncoder::finish() {
  const int status = ::pclose(std::exchange(pipe_, nullptr));
  const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  const std::string why = ffmpegSaid(logPath_);
  std::error_code ec;
  fs::remove(logPath_, ec);
  if (!ok)
    throw InputError(outPath_, "", "ffmpeg could not write the video" + why,
                     WIFEXITED(status) && WEXITSTATUS(status) == 127 ? "install Debian's ffmpeg" : "check the output path and its folder");
}

std::string captionFilter(const technique::Lesson& lesson, const technique::ShownTimeline& shown, int width, int height,
                          const fs::path& folder) {
  const int fontSize = std::max(12, height / 28);
  const size_t columns = static_cast<size_t>(std::max(20.0f, 0.9f * width / (0.52f * fontSize)));
  const std::string font = filterEscaped(fontFile());
  std::string chain;
  for (const technique::ShownStep& step : shown.steps) {
    const fs::path text = folder / ("caption-" + std::to_string(step.step + 1) + ".txt");
    std::ofstream out(text);
    std::istringstream lines(technique::shownCaption(lesson, step));
    for (std::string line; std::getline(lines, line);) out << wrapped(line, columns) << '\n';
    out.close();
    char when[96];
    std::snprintf(when, sizeof when, "between(t\\,%.3f\\,%.3f)", step.shownFrom, step.shownTo);
    chain += std::string(chain.empty() ? "" : ",") + "drawtext=fontfile=" + font + ":textfile=" + filterEscaped(text.string()) +
             ":fontcolor=white:fontsize=" + std::to_string(fontSize) + ":line_spacing=" + std::to_string(fontSize / 4) +
             ":box=1:boxcolor=black@0.62:boxborderw=" + std::to_string(fontSize / 2) +
             ":x=(w-text_w)/2:y=h-text_h-" + std::to_string(fontSize) + ":enable=" + when;
  }
  return chain;
}

void showProgress(int done, int total) {
  const int percent = total > 0 ? done * 100 / total : 100;
  if (::isatty(STDERR_FILENO)) {
    constexpr int kWidth = 30;
    const int filled = kWidth * percent / 100;
    std::fprintf(stderr, "\r[%s%s] %3d%%  frame %d/%d", std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), percent, done, total);
    if (done == total) std::fputc('\n', stderr);
  } else if (done == total || (total >= 10 && done % (total / 10) == 0)) {
    std::fprintf(stderr, "%d%%  frame %d/%d\n", percent, done, total);
  }
}

}  // namespace legatlas::app
