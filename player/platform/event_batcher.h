#pragma once
// Collects the input events for one frame. ImGui 1.86 reads key state once
// per frame: a key pressed and released between two frames (a quick tap, a
// scripted key) would never be seen as pressed, so a release that follows a
// press in the same batch waits for the next frame — the pressed key's, and
// any other (Shift let go just after Tab: Shift+Tab must stay Shift+Tab).

#include <SDL.h>

#include <functional>
#include <vector>

namespace la::player {

class EventBatcher {
public:
    /// Waits up to `timeoutMs` for the first event (not at all when key
    /// releases are held back or the timeout is 0), then takes every event
    /// queued. Returns those for this frame.
    std::vector<SDL_Event> next(int timeoutMs);
    /// Sleeps in `wait` instead of SDL's own wait when nothing is queued
    /// (the screen reader's bridge: it serves GLib while it waits, and wakes
    /// on the window system's connection). `wait(ms)` returns early on input.
    void waitWith(std::function<void(int timeoutMs)> wait) { wait_ = std::move(wait); }
    /// Key releases are waiting for the next frame.
    bool holdsBack() const { return !deferred_.empty(); }

private:
    bool firstEvent(int timeoutMs, SDL_Event& e);

    std::vector<SDL_Event> deferred_;
    std::function<void(int)> wait_;
};

/// A person using the kiosk (not a nudged mouse or a window-system event).
bool isPersonInput(const SDL_Event& e);

} // namespace la::player
