#pragma once
// The keys the viewer answers to, by name, so that nothing outside ui/ needs the window
// library's key codes.
#include <initializer_list>

namespace legatlas::ui {

enum class Key { Space, Escape, F5, F, L, T, Q, Left, Right, Home, Digit1, Digit3, Digit7, LeftControl };

inline constexpr std::initializer_list<Key> kViewerKeys = {
    Key::Space, Key::Escape, Key::F5,   Key::F,      Key::L,      Key::T,      Key::Q,
    Key::Left,  Key::Right,  Key::Home, Key::Digit1, Key::Digit3, Key::Digit7, Key::LeftControl};

// Went down this frame (ImGui's key repeat included); the digits also on the keypad.
bool pressed(Key key);
// Dear ImGui 1.86's index of the key in io.KeysDown: GLFW's key code, as its GLFW backend
// fills it. Recorded input files store these codes.
int imguiKeyIndex(Key key);

}  // namespace legatlas::ui
