#include "player/platform/event_batcher.h"

#include <algorithm>

namespace la::player {

std::vector<SDL_Event> EventBatcher::next(int timeoutMs) {
    std::vector<SDL_Event> batch;
    batch.swap(deferred_);
    SDL_Event e;
    bool got = !batch.empty() ? SDL_PollEvent(&e) : timeoutMs > 0 ? SDL_WaitEventTimeout(&e, timeoutMs) : SDL_PollEvent(&e);
    while (got) {
        batch.push_back(e);
        got = SDL_PollEvent(&e);
    }
    std::vector<SDL_Scancode> pressedNow;
    std::vector<SDL_Event> events;
    for (const SDL_Event& ev : batch) {
        if (ev.type == SDL_KEYDOWN) pressedNow.push_back(ev.key.keysym.scancode);
        if (ev.type == SDL_KEYUP && std::find(pressedNow.begin(), pressedNow.end(), ev.key.keysym.scancode) != pressedNow.end()) {
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
