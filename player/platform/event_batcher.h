#pragma once
// Collects the input events for one frame. ImGui 1.86 reads key state once
// per frame: a key pressed and released between two frames (a quick tap, a
// scripted key) would never be seen as pressed, so a release that follows its
// press in the same batch waits for the next frame.

#include <SDL.h>

#include <vector>

namespace la::player {

class EventBatcher {
public:
    /// Waits up to `timeoutMs` for the first event (not at all when key
    /// releases are held back or the timeout is 0), then takes every event
    /// queued. Returns those for this frame.
    std::vector<SDL_Event> next(int timeoutMs);
    /// Key releases are waiting for the next frame.
    bool holdsBack() const { return !deferred_.empty(); }

private:
    std::vector<SDL_Event> deferred_;
};

/// A person using the kiosk (not a nudged mouse or a window-system event).
bool isPersonInput(const SDL_Event& e);

} // namespace la::player
