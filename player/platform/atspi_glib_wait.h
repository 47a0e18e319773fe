#pragma once
// Sleeping inside GLib's poll. The AT-SPI bridge answers a screen reader's
// questions from GLib's main context; a program that polls it once per frame
// makes every question wait for a frame or two (0.8-1.8 s from a key press to
// speech, measured with Orca). Sleeping the idle part of the frame in GLib's
// own poll answers at once; the caller's own fds (the X11 connection) are
// polled with it so input wakes the program as before.

#include <functional>
#include <vector>

namespace la::player {

/// Runs the default GLib main context for up to `timeoutMs` (0: once, without
/// sleeping). Returns early when one of `extraFds` is readable or `stop` says
/// so after a dispatch. Returns whether one of `extraFds` is readable.
bool waitInGlibPoll(int timeoutMs, const std::vector<int>& extraFds, const std::function<bool()>& stop);

} // namespace la::player
