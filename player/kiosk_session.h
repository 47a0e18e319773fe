#pragma once
// Kiosk mode inside the running app: feeds the pure KioskPolicy with input
// and playback state, draws the attract screen and overlays, and turns the
// policy's decisions into what the app must do (reset for the next person,
// quit). Times are seconds from a clock the caller passes in.
//
// Wrong PINs are recorded in a lockout file (pin_lockout.h) after each
// submission and read back at start, so a restart does not reset the back-off.

#include "player/kiosk_policy.h"
#include "ui/commands.h"

struct ImFont;

#include <filesystem>
#include <optional>
#include <string>

namespace la::player {

/// What the welcome screen needs from the app: its fonts and the visitor's
/// current text size and theme.
struct KioskWelcomeLook {
    ImFont* titleFont = nullptr;
    ImFont* bodyFont = nullptr;
    double textScale = 1.0;
    ui::ThemeId theme = ui::ThemeId::Light;
    bool speechOn = true; ///< the program's own voice, for this visitor
};

class KioskSession {
public:
    /// `lockoutFile` keeps the wrong-PIN count across restarts ("" keeps it in memory only).
    explicit KioskSession(KioskConfig config, std::filesystem::path lockoutFile = defaultPinLockoutPath());

    /// A problem reading the lockout file, for the log ("" when none).
    const std::string& lockoutWarning() const { return lockoutWarning_; }
    /// A short line for staff in a corner of the welcome screen (e.g. the
    /// config could not be used: "see the log"); "" shows nothing.
    void setSetupNotice(std::string text) { setupNotice_ = std::move(text); }
    int wrongPinsInARow() const { return policy_.wrongPinsInARow(); }
    double lockoutSecondsLeft(double now) const { return policy_.lockoutSecondsLeft(now); }

    const KioskConfig& config() const { return policy_.config(); }
    KioskMode mode() const { return policy_.mode(); }
    int countdownSecondsLeft(double now) const { return policy_.countdownSecondsLeft(now); }

    /// Any key, click or touch.
    void onInput(double now) {
        restoreOnce(now);
        policy_.onInput(now);
    }
    /// Per frame, before drawing. `chordHeld`: Ctrl+Alt+Shift+Q down now.
    KioskAction update(double now, bool playing, bool ended, bool chordHeld);

    /// True when the attract screen replaces the player.
    bool showsAttract() const { return policy_.mode() == KioskMode::Attract; }
    /// Draws the attract screen (when shown) or the overlays over the player.
    /// `look`: the welcome screen's fonts and the visitor's text size and theme.
    ui::Commands draw(double now, const std::string& title, const KioskWelcomeLook& look = KioskWelcomeLook());
    // What a visitor or staff asked for (the app's command router calls these).
    /// "Touch to listen" / "Touch to read".
    void startSession(double now);
    /// "I'm finished": ResetToDefaults (None while the admin flow is open).
    KioskAction finish(double now);
    /// A visitor changed the text size or colours.
    void visitorChoice(double now);
    /// "Yes, I'm still here".
    void dismissCountdown(double now);
    void pinDigit(double now, int digit);
    void pinClear(double now);
    /// Checks the digits typed: Quit when right.
    KioskAction pinSubmit(double now);
    void pinCancel(double now);

private:
    /// Applies the record read at start, on the caller's clock (once).
    void restoreOnce(double now);
    void recordWrongPins(double now);

    KioskPolicy policy_;
    std::filesystem::path lockoutFile_;
    std::optional<PinLockoutRecord> toRestore_;
    std::string lockoutWarning_;
    std::string setupNotice_;
};

} // namespace la::player
