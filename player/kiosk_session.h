#pragma once
// Kiosk mode inside the running app: feeds the pure KioskPolicy with input
// and playback state, draws the attract screen and overlays, and turns the
// policy's decisions into what the app must do (reset for the next person,
// quit). Times are seconds from a clock the caller passes in.

#include "player/kiosk_policy.h"
#include "ui/commands.h"

#include <string>

namespace la::player {

class KioskSession {
public:
    explicit KioskSession(KioskConfig config) : policy_(std::move(config)) {}

    const KioskConfig& config() const { return policy_.config(); }
    KioskMode mode() const { return policy_.mode(); }
    int countdownSecondsLeft(double now) const { return policy_.countdownSecondsLeft(now); }

    /// Any key, click or touch.
    void onInput(double now) { policy_.onInput(now); }
    /// Per frame, before drawing. `chordHeld`: Ctrl+Alt+Shift+Q down now.
    KioskAction update(double now, bool playing, bool ended, bool chordHeld);

    /// True when the attract screen replaces the player.
    bool showsAttract() const { return policy_.mode() == KioskMode::Attract; }
    /// Draws the attract screen (when shown) or the overlays over the player.
    ui::Commands draw(double now, const std::string& title);
    /// Applies the kiosk commands among `commands`; the rest are the app's.
    KioskAction apply(double now, const ui::Commands& commands);

private:
    KioskPolicy policy_;
};

} // namespace la::player
