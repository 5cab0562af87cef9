#pragma once
// Recording and replaying what the user does (mouse position, buttons, keys, files
// dropped on the window), frame by frame, so that a session can be played back exactly:
// for tests that draw a practice stroke, and to reproduce what a user reports.
#include <array>
#include <string>
#include <vector>

namespace legatlas::ui {

class InputScript {
 public:
  enum class Mode { Off, Record, Replay };
  // A replay's frames are this far apart in time, whatever the frames really take, for
  // the program and for Dear ImGui (key repeat, hover delays): it shows the same moments
  // every run.
  static constexpr double kFramesPerSecond = 30.0;

  InputScript() = default;
  // Throws InputError naming the file when a replay cannot be read.
  static InputScript record(const std::string& path);
  static InputScript replay(const std::string& path);

  Mode mode() const { return mode_; }
  // Between the window backend's new frame and ImGui's: records the input of `frame`, or
  // puts the recorded input in its place.
  void apply(int frame);
  // Files dropped on the window: noted while recording, given back while replaying (the
  // ones whose frame `apply` has reached, each once).
  void noteDropped(const std::string& path);
  std::vector<std::string> takeDropped();
  // A replay is over some frames after its last event.
  bool finished(int frame) const;
  // Writes a recording. Throws InputError naming the file.
  void save() const;

  struct State {
    int frame = 0;
    std::array<float, 2> mouse{-1.0f, -1.0f};
    std::array<bool, 3> buttons{};
    std::vector<int> keys;  // held down, as ImGui indexes them (ui::imguiKeyIndex)
    std::vector<std::string> dropped;  // files dropped on the window in this frame

    bool sameInput(const State& other) const {
      return mouse == other.mouse && buttons == other.buttons && keys == other.keys;
    }
  };

 private:
  Mode mode_ = Mode::Off;
  std::string path_;
  std::vector<State> states_;  // each change, in frame order
  size_t next_ = 0;
  State current_;
  std::vector<std::string> dropped_;  // recording: not yet in a state; replaying: not yet taken
};

}  // namespace legatlas::ui
