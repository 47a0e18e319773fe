#include "player/platform/event_batcher.h"

#include <algorithm>

namespace la::player {

bool EventBatcher::firstEvent(int timeoutMs, SDL_Event& e) {
    if (timeoutMs <= 0) return SDL_PollEvent(&e);
    if (!wait_) return SDL_WaitEventTimeout(&e, timeoutMs);
    if (SDL_PollEvent(&e)) return true;
    wait_(timeoutMs);
    return SDL_PollEvent(&e);
}

std::vector<SDL_Event> EventBatcher::next(int timeoutMs) {
    std::vector<SDL_Event> batch;
    batch.swap(deferred_);
    SDL_Event e;
    bool got = firstEvent(batch.empty() ? timeoutMs : 0, e);
    while (got) {
        batch.push_back(e);
        got = SDL_PollEvent(&e);
    }
    std::vector<SDL_Scancode> pressedNow;
    std::vector<SDL_Event> events;
    for (const SDL_Event& ev : batch) {
        if (ev.type == SDL_KEYDOWN) pressedNow.push_back(ev.key.keysym.scancode);
        // Any release after a press in the same batch waits: the pressed key's
        // own, and a modifier's (Shift let go just after Tab must not turn
        // Shift+Tab into Tab, as ImGui's modifiers are levels read at frame start).
        if (ev.type == SDL_KEYUP && !pressedNow.empty()) {
            deferred_.push_back(ev);
            continue;
        }
        events.push_back(ev);
    }
    return events;
}

bool isPersonInput(const SDL_Event& e) {
    switch (e.type) {
    case SDL_KEYDOWN:
    case SDL_TEXTINPUT:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION: return true;
    case SDL_MOUSEMOTION: return e.motion.state != 0; // dragging, not a nudged mouse
    default: return false;
    }
}

} // namespace la::player
