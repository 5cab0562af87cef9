#pragma once
// Work done ahead of need (the hands solved for the coming tenths of a second) runs on a
// thread of its own; it should use what the cores leave idle, never take them from the
// frame being drawn: a software renderer's threads want both cores, and a frame that
// waits for them is a frame a student sees late.

namespace legatlas {

// Lowers the calling thread's scheduling priority as far as it goes, so that it runs when
// the other threads of the process (and the system) do not need the cores. Returns whether
// the system allowed it; where it cannot, the thread runs as before.
bool runBehindOtherWork();

}  // namespace legatlas
