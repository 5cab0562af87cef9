#include "ui/keys.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace legatlas::ui {

int imguiKeyIndex(Key key) {
  switch (key) {
    case Key::Space: return GLFW_KEY_SPACE;
    case Key::Escape: return GLFW_KEY_ESCAPE;
    case Key::F5: return GLFW_KEY_F5;
    case Key::F: return GLFW_KEY_F;
    case Key::L: return GLFW_KEY_L;
    case Key::T: return GLFW_KEY_T;
    case Key::Q: return GLFW_KEY_Q;
    case Key::Left: return GLFW_KEY_LEFT;
    case Key::Right: return GLFW_KEY_RIGHT;
    case Key::Home: return GLFW_KEY_HOME;
    case Key::Digit1: return GLFW_KEY_1;
    case Key::Digit3: return GLFW_KEY_3;
    case Key::Digit7: return GLFW_KEY_7;
    case Key::LeftControl: return GLFW_KEY_LEFT_CONTROL;
  }
  return GLFW_KEY_UNKNOWN;
}

namespace {

int keypadIndex(Key key) {
  switch (key) {
    case Key::Digit1: return GLFW_KEY_KP_1;
    case Key::Digit3: return GLFW_KEY_KP_3;
    case Key::Digit7: return GLFW_KEY_KP_7;
    default: return GLFW_KEY_UNKNOWN;
  }
}

}  // namespace

bool pressed(Key key) {
  const int keypad = keypadIndex(key);
  return ImGui::IsKeyPressed(imguiKeyIndex(key)) || (keypad != GLFW_KEY_UNKNOWN && ImGui::IsKeyPressed(keypad));
}

}  // namespace legatlas::ui
