#pragma once
// When the kiosk window must be brought back: a window manager or a person
// can hide it (show desktop, another desktop), iconify it or move the focus
// away, and a waiting room must never be left looking at a desktop. This only
// decides; AppWindow does the bringing back.

#include <cstdint>

namespace la::player {

class KioskWindowGuard {
public:
    /// The screens changed (connected, removed, resized): fit them again.
    void onDisplayChange() { refit_ = true; }
    /// Whether to bring the window back now, given its SDL_WindowFlags: when
    /// it is hidden, minimised or unfocused (or the screens changed), at
    /// once; then again every `kRetrySeconds` while it stays so (the window
    /// manager may have refused), never more often.
    bool bringBackNow(uint32_t windowFlags, double now);

    /// Hidden, minimised or without the keyboard focus.
    static bool displaced(uint32_t windowFlags);

    static constexpr double kRetrySeconds = 0.5;

private:
    bool wasDisplaced_ = false, refit_ = true;
    double lastTry_ = -1e9;
};

} // namespace la::player
