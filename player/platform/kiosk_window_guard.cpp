#include "player/platform/kiosk_window_guard.h"

#include <SDL.h>

namespace la::player {

bool KioskWindowGuard::displaced(uint32_t flags) {
    return (flags & SDL_WINDOW_HIDDEN) || (flags & SDL_WINDOW_MINIMIZED) || !(flags & SDL_WINDOW_INPUT_FOCUS);
}

bool KioskWindowGuard::bringBackNow(uint32_t windowFlags, double now) {
    const bool isDisplaced = displaced(windowFlags);
    const bool newly = isDisplaced && !wasDisplaced_;
    wasDisplaced_ = isDisplaced;
    if (!isDisplaced && !refit_) return false;
    if (!newly && !refit_ && now - lastTry_ < kRetrySeconds) return false;
    lastTry_ = now;
    refit_ = false;
    return true;
}

} // namespace la::player
