#pragma once
// Kiosk mode's rules as a pure state machine: when an unattended screen resets
// for the next person, and how (only) an admin leaves. No clock, no window system, no
// ImGui inside: the app passes the time in (`now`, seconds on any monotonic
// clock, e.g. AppHost::ticksMs() / 1000.0) and acts on what comes back.
//
// Modes:
//   Attract    nobody is using it; the app shows the attract screen. Leaving it
//              is explicit (startSession), so the tap on "Touch to listen"
//              lands on the attract screen's button, not on what replaces it.
//   Active     someone is using it.
//   Countdown  "Still listening?": no input for a while; any input returns to
//              Active; when it runs out -> ResetToDefaults and Attract.
//   ChordHeld  the admin is holding Ctrl+Alt+Shift+Q; not yet long enough.
//   PinEntry   the chord was held long enough; the PIN pad is up.
//
// Idle rule: the reset happens after idleResetSeconds without input while
// paused or after the episode ended (ended wins over playing), or after
// idleResetWhilePlayingMinutes while playing. The countdown is the last
// countdownSeconds of that time, and always runs in full (if update() is late,
// or playback ends after a long quiet listen, the countdown starts then).
//
// Quit rule: only through chord (held chordHoldSeconds without a release) and
// then the PIN. With allowQuit false, or no PIN, the chord does nothing
// (kiosk_config.h: a kiosk fails closed). Wrong PINs do not quit; from the
// kMaxWrongPins-th in a row, submissions are refused for a lock that doubles
// with each further wrong PIN, up to an hour (pin_lockout.h); only the right
// PIN resets the count. The count and lock can be saved and restored across
// restarts (lockoutRecord / restoreLockout; KioskSession does it). Alt+F4, the window's close button and Escape never quit
// (onQuitRequest). The PIN pad closes by itself after kPinEntryTimeoutSeconds
// without input.
//
// Thread: UI thread only (one owner, not locked).

#include "player/config/kiosk_config.h"
#include "player/pin_lockout.h"
#include "player/config/settings.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace la::player {

inline constexpr double kPinEntryTimeoutSeconds = 60.0;
/// Exit status after KioskAction::Quit. The systemd unit
/// (assets/kiosk/listenalong-kiosk.service) restarts on anything else.
inline constexpr int kAdminQuitExitStatus = 0;

enum class KioskMode { Attract, Active, Countdown, ChordHeld, PinEntry };

/// What the app must do now. ResetToDefaults: stop playback, seek to 0, and
/// give the next person kioskVisitorStart() (kiosk_config.h) and a fresh screen;
/// the policy is already back in Attract. Quit: leave the app.
enum class KioskAction { None, ResetToDefaults, Quit };

/// Feedback for the PIN pad.
struct PinPadStatus {
    size_t digitsEntered = 0;     ///< shown as dots, never as digits
    int wrongAttempts = 0;        ///< wrong PINs in a row since the last right one
    double cooldownSecondsLeft = 0; ///< > 0: submissions are refused until then
    bool lastWasWrong = false;    ///< the last submission was wrong ("Wrong PIN")
};

class KioskPolicy {
public:
    /// Starts in Attract. The config should be sanitized (loadKioskConfig does that).
    explicit KioskPolicy(KioskConfig config);

    const KioskConfig& config() const { return config_; }
    KioskMode mode() const { return mode_; }

    /// Any touch, mouse button/motion, wheel or key. Cancels a countdown.
    /// In PinEntry it only keeps the pad open.
    void onInput(double now);
    /// The person chose "Touch to listen"/"Touch to read": Attract -> Active.
    void startSession(double now);
    /// A visitor changed the text size or colours (on the welcome screen
    /// too): counts as input, and if they walk away without starting, the
    /// change is reset after idleResetSeconds like a session would be.
    void onVisitorChoice(double now);
    /// An "I'm finished" button: reset now. Returns ResetToDefaults (None while
    /// the admin flow is open).
    KioskAction endSession(double now);
    /// Call once per frame (or at least once a second). playing: audio is
    /// playing; ended: the episode has played to its end.
    KioskAction update(double now, bool playing, bool ended);
    /// Countdown seconds left (rounded up, for display); 0 outside Countdown.
    int countdownSecondsLeft(double now) const;

    /// Whether Ctrl+Alt+Shift+Q is held now (call on every change, or every
    /// frame). Returns Quit when the chord completes and no PIN is configured.
    KioskAction onChordState(double now, bool held);
    /// Seconds the chord still has to be held; 0 outside ChordHeld.
    double chordSecondsLeft(double now) const;

    /// The PIN pad: append one digit 0-9 (ignored beyond kMaxPinDigits or
    /// outside PinEntry), clear, submit what was typed, or close the pad.
    void onPinDigit(double now, int digit);
    void onPinClear(double now);
    KioskAction submitEnteredPin(double now);
    /// Submit `digits` directly. Quit when they match the PIN; otherwise None
    /// (wrong, empty, cooling down, or not in PinEntry). The typed digits are
    /// cleared either way.
    KioskAction submitPin(double now, std::string_view digits);
    /// Closes the PIN pad: back to Attract (if it was opened there) or Active.
    void cancelPin(double now);
    PinPadStatus pinPadStatus(double now) const;

    /// Wrong PINs in a row, and seconds until the pad takes a PIN again.
    int wrongPinsInARow() const { return wrongPins_; }
    double lockoutSecondsLeft(double now) const;
    /// Puts back what an earlier run recorded: `wrongInARow` wrong PINs, the
    /// pad locked for `secondsLeft` more seconds from `now` (capped at what
    /// pinLockoutSeconds(wrongInARow) allows).
    void restoreLockout(double now, int wrongInARow, double secondsLeft);

    /// Alt+F4, the window's close button, Escape, a quit request: always refused in
    /// kiosk mode. Returns false (do not quit); changes nothing.
    bool onQuitRequest() const { return false; }

private:
    double idleLimit(bool playing, bool ended) const;
    void leaveAdminFlow(double now);
    KioskAction completeChordIfDue(double now);

    KioskConfig config_;
    KioskMode mode_ = KioskMode::Attract;
    double lastInput_ = 0;
    bool welcomeChanged_ = false; ///< a choice was made on the welcome screen, not yet reset
    double countdownEnd_ = 0;
    // Admin flow
    bool adminFromAttract_ = true;  ///< where cancelPin / chord release go back to
    double chordStart_ = 0;
    std::string typedPin_;
    int wrongPins_ = 0;
    double cooldownUntil_ = -1;
    bool lastWasWrong_ = false;
};

} // namespace la::player
