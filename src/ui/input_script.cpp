#include "ui/input_script.h"

#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/atomic_file.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"
#include "ui/keys.h"

namespace legatlas::ui {
namespace {

constexpr int kFramesAfterLastEvent = 30;  // let the last input take effect before closing


InputScript::State captured(int frame) {
  const ImGuiIO& io = ImGui::GetIO();
  InputScript::State s;
  s.frame = frame;
  s.mouse = {io.MousePos.x, io.MousePos.y};
  for (int b = 0; b < 3; ++b) s.buttons[b] = io.MouseDown[b];
  for (Key key : kViewerKeys)
    if (io.KeysDown[imguiKeyIndex(key)]) s.keys.push_back(imguiKeyIndex(key));
  return s;
}

void inject(const InputScript::State& s) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(s.mouse[0], s.mouse[1]);
  for (int b = 0; b < 3; ++b) io.MouseDown[b] = s.buttons[b];
  for (Key key : kViewerKeys) {
    const int index = imguiKeyIndex(key);
    io.KeysDown[index] = std::find(s.keys.begin(), s.keys.end(), index) != s.keys.end();
  }
  io.KeyCtrl = io.KeysDown[imguiKeyIndex(Key::LeftControl)];
  io.DeltaTime = static_cast<float>(1.0 / InputScript::kFramesPerSecond);
}

}  // namespace

InputScript InputScript::record(const std::string& path) {
  checkWritablePath(path);  // now, not after the whole session has been recorded
  InputScript script;
  script.mode_ = Mode::Record;
  script.path_ = path;
  return script;
}

InputScript InputScript::replay(const std::string& path) {
  InputScript script;
  script.mode_ = Mode::Replay;
  script.path_ = path;
  const OrderedJson document = parseJsonDocument(readFile(path), path);
  const JsonField events = JsonField(document, "", path).at("events");
  for (size_t i = 0; i < events.arraySize(); ++i) {
    const JsonField e = events.at(i);
    State s;
    s.frame = static_cast<int>(e.at("frame").asNumber());
    const JsonField mouse = e.at("mouse");
    if (mouse.arraySize() != 2) mouse.fail("expected [x, y]", "pixels from the window's top left");
    s.mouse = {static_cast<float>(mouse.at(0).asNumber()), static_cast<float>(mouse.at(1).asNumber())};
    const JsonField buttons = e.at("buttons");
    if (buttons.arraySize() != 3) buttons.fail("expected three buttons", "write [left, right, middle] as 0 or 1");
    for (size_t b = 0; b < 3; ++b) s.buttons[b] = buttons.at(b).asNumber() != 0;
    const JsonField keys = e.at("keys");
    for (size_t k = 0; k < keys.arraySize(); ++k) s.keys.push_back(static_cast<int>(keys.at(k).asNumber()));
    if (e.has("drop")) {
      // Relative paths are taken from the script's folder, so a script and its files travel together.
      const JsonField drop = e.at("drop");
      for (size_t d = 0; d < drop.arraySize(); ++d)
        s.dropped.push_back((std::filesystem::path(path).parent_path() / drop.at(d).asString()).string());
    }
    if (!script.states_.empty() && s.frame < script.states_.back().frame)
      e.at("frame").fail("frames go backwards here", "keep the events in frame order");
    script.states_.push_back(s);
  }
  return script;
}

void InputScript::apply(int frame) {
  if (mode_ == Mode::Record) {
    State now = captured(frame);
    now.dropped = std::exchange(dropped_, {});
    if (states_.empty() || !now.sameInput(states_.back()) || !now.dropped.empty()) states_.push_back(now);
  } else if (mode_ == Mode::Replay) {
    while (next_ < states_.size() && states_[next_].frame <= frame) {
      current_ = states_[next_++];
      dropped_.insert(dropped_.end(), current_.dropped.begin(), current_.dropped.end());
    }
    inject(current_);
  }
}

void InputScript::noteDropped(const std::string& path) {
  if (mode_ == Mode::Record) dropped_.push_back(std::filesystem::absolute(path).string());
}

std::vector<std::string> InputScript::takeDropped() {
  return mode_ == Mode::Replay ? std::exchange(dropped_, {}) : std::vector<std::string>{};
}

bool InputScript::finished(int frame) const {
  return mode_ == Mode::Replay && (states_.empty() || frame > states_.back().frame + kFramesAfterLastEvent);
}

void InputScript::save() const {
  if (mode_ != Mode::Record) return;
  nlohmann::json out = {{"events", nlohmann::json::array()}};
  for (const State& s : states_) {
    nlohmann::json event = {{"frame", s.frame},
                            {"mouse", {s.mouse[0], s.mouse[1]}},
                            {"buttons", {int(s.buttons[0]), int(s.buttons[1]), int(s.buttons[2])}},
                            {"keys", s.keys}};
    if (!s.dropped.empty()) event["drop"] = s.dropped;
    out["events"].push_back(std::move(event));
  }
  writeFileAtomically(path_, out.dump(1) + "\n");
}

}  // namespace legatlas::ui
