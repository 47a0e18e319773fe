// Kiosk policy (kiosk_policy.h) with an injected clock: idle thresholds
// (paused, playing, ended), the "Still listening?" countdown and its cancel,
// what a reset gives the next person, the admin chord and PIN (right, wrong,
// cool-down, disabled), refused quit requests, and a 24 h simulated day.

#include "player/kiosk_policy.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <string>

using namespace la::player;

namespace {

KioskConfig withPin(std::string pin = "2580") {
    KioskConfig c;
    c.pin = std::move(pin);
    return c;
}

/// Calls update once a second from `from` to `to` (inclusive); returns the first
/// action that is not None, and the time it came at.
struct Tick {
    KioskAction action = KioskAction::None;
    double at = -1;
};
Tick runUntil(KioskPolicy& p, double from, double to, bool playing, bool ended, double step = 1.0) {
    for (double t = from; t <= to + 1e-9; t += step) {
        KioskAction a = p.update(t, playing, ended);
        if (a != KioskAction::None) return {a, t};
    }
    return {};
}

/// A policy with someone active since t = 0.
KioskPolicy activeAt0(KioskConfig c = withPin()) {
    KioskPolicy p(std::move(c));
    p.startSession(0);
    REQUIRE(p.mode() == KioskMode::Active);
    return p;
}

} // namespace

TEST_CASE("The kiosk starts on the attract screen and stays there without anyone") {
    KioskPolicy p(withPin());
    CHECK(p.mode() == KioskMode::Attract);
    CHECK(runUntil(p, 0, 3 * 3600, false, false, 5).action == KioskAction::None);
    p.onInput(10); // a stray touch outside the entries does not start a session
    CHECK(p.mode() == KioskMode::Attract);
    p.startSession(20);
    CHECK(p.mode() == KioskMode::Active);
}

TEST_CASE("Paused: the countdown starts 10 s before 120 s of no input, and the reset comes at 120 s") {
    KioskPolicy p = activeAt0();
    CHECK(runUntil(p, 0, 109, false, false).action == KioskAction::None);
    CHECK(p.mode() == KioskMode::Active);
    CHECK(p.update(110, false, false) == KioskAction::None);
    CHECK(p.mode() == KioskMode::Countdown);
    CHECK(p.countdownSecondsLeft(110) == 10);
    CHECK(p.countdownSecondsLeft(115.5) == 5);
    CHECK(p.countdownSecondsLeft(119.2) == 1);
    CHECK(p.update(119.9, false, false) == KioskAction::None);
    CHECK(p.update(120, false, false) == KioskAction::ResetToDefaults);
    CHECK(p.mode() == KioskMode::Attract);
    CHECK(p.countdownSecondsLeft(121) == 0);
}

TEST_CASE("Playing: no reset for 20 minutes without input") {
    KioskPolicy p = activeAt0();
    CHECK(runUntil(p, 0, 20 * 60 - 11, true, false).action == KioskAction::None);
    CHECK(p.mode() == KioskMode::Active);
    Tick t = runUntil(p, 20 * 60 - 10, 20 * 60 + 5, true, false);
    CHECK(t.action == KioskAction::ResetToDefaults);
    CHECK(t.at == 20 * 60);
}

TEST_CASE("Ended counts as paused even if the player still reports playing") {
    KioskPolicy p = activeAt0();
    Tick t = runUntil(p, 0, 300, true, true);
    CHECK(t.action == KioskAction::ResetToDefaults);
    CHECK(t.at == 120);
}

TEST_CASE("When a long quiet listen ends, the countdown still runs in full") {
    KioskPolicy p = activeAt0();
    CHECK(runUntil(p, 0, 15 * 60, true, false).action == KioskAction::None); // 15 min listening, no touch
    CHECK(p.update(15 * 60 + 1, false, true) == KioskAction::None);         // episode ended
    CHECK(p.mode() == KioskMode::Countdown);
    CHECK(p.countdownSecondsLeft(15 * 60 + 1) == 10);
    Tick t = runUntil(p, 15 * 60 + 2, 15 * 60 + 30, false, true);
    CHECK(t.action == KioskAction::ResetToDefaults);
    CHECK(t.at == 15 * 60 + 11);
}

TEST_CASE("A late update still shows the whole countdown before resetting") {
    KioskPolicy p = activeAt0();
    CHECK(p.update(500, false, false) == KioskAction::None); // e.g. the machine was suspended
    CHECK(p.mode() == KioskMode::Countdown);
    CHECK(p.countdownSecondsLeft(500) == 10);
    CHECK(p.update(509, false, false) == KioskAction::None);
    CHECK(p.update(510, false, false) == KioskAction::ResetToDefaults);
}

TEST_CASE("Any input cancels the countdown and restarts the idle time") {
    KioskPolicy p = activeAt0();
    runUntil(p, 0, 112, false, false);
    REQUIRE(p.mode() == KioskMode::Countdown);
    p.onInput(113); // the "Yes, I'm still here" button, or a touch anywhere
    CHECK(p.mode() == KioskMode::Active);
    CHECK(p.countdownSecondsLeft(113) == 0);
    CHECK(runUntil(p, 113, 113 + 109, false, false).action == KioskAction::None);
    Tick t = runUntil(p, 113 + 110, 113 + 200, false, false);
    CHECK(t.action == KioskAction::ResetToDefaults);
    CHECK(t.at == 113 + 120);
}

TEST_CASE("Input keeps the kiosk active indefinitely") {
    KioskPolicy p = activeAt0();
    for (double t = 0; t < 3600; t += 1) {
        if (int(t) % 100 == 0) p.onInput(t);
        REQUIRE(p.update(t, false, false) == KioskAction::None);
    }
    CHECK(p.mode() == KioskMode::Active);
}

TEST_CASE("Configured idle times are used") {
    KioskConfig c = withPin();
    c.idleResetSeconds = 45;
    c.idleResetWhilePlayingMinutes = 6;
    c.countdownSeconds = 5;
    KioskPolicy p = activeAt0(c);
    Tick t = runUntil(p, 0, 100, false, false);
    CHECK(t.action == KioskAction::ResetToDefaults);
    CHECK(t.at == 45);

    p.startSession(1000);
    runUntil(p, 1000, 1000 + 354, true, false);
    CHECK(p.mode() == KioskMode::Active);
    CHECK(p.update(1355, true, false) == KioskAction::None);
    CHECK(p.mode() == KioskMode::Countdown);
    CHECK(runUntil(p, 1356, 1400, true, false).at == 1360);
}

TEST_CASE("An I'm-finished button resets at once") {
    KioskPolicy p = activeAt0();
    CHECK(p.endSession(30) == KioskAction::ResetToDefaults);
    CHECK(p.mode() == KioskMode::Attract);
}

TEST_CASE("Alt+F4, the close button and Escape never quit the kiosk") {
    KioskPolicy p = activeAt0();
    CHECK_FALSE(p.onQuitRequest());
    CHECK(p.mode() == KioskMode::Active);
    KioskPolicy attract(withPin());
    CHECK_FALSE(attract.onQuitRequest());
    KioskConfig noPin;
    KioskPolicy open(noPin);
    CHECK_FALSE(open.onQuitRequest());
}

TEST_CASE("The admin chord must be held for the full 3 s to open the PIN pad") {
    KioskPolicy p = activeAt0();
    CHECK(p.onChordState(10, true) == KioskAction::None);
    CHECK(p.mode() == KioskMode::ChordHeld);
    CHECK(p.chordSecondsLeft(11) == Approx(2.0));
    CHECK(p.update(12.9, false, false) == KioskAction::None);
    CHECK(p.mode() == KioskMode::ChordHeld);
    // Released early: back to where it was, nothing happens.
    CHECK(p.onChordState(12.95, false) == KioskAction::None);
    CHECK(p.mode() == KioskMode::Active);
    // Holding again starts the 3 s over.
    p.onChordState(20, true);
    CHECK(p.update(22.5, false, false) == KioskAction::None);
    CHECK(p.mode() == KioskMode::ChordHeld);
    CHECK(p.update(23, false, false) == KioskAction::None);
    CHECK(p.mode() == KioskMode::PinEntry);
    CHECK(p.chordSecondsLeft(23) == 0);
    // Releasing the keys now keeps the pad up.
    p.onChordState(23.5, false);
    CHECK(p.mode() == KioskMode::PinEntry);
}

TEST_CASE("Holding the chord also completes through onChordState calls alone") {
    KioskPolicy p(withPin());
    p.onChordState(0, true);
    p.onChordState(1.5, true);
    CHECK(p.mode() == KioskMode::ChordHeld);
    p.onChordState(3.0, true);
    CHECK(p.mode() == KioskMode::PinEntry);
}

TEST_CASE("The right PIN quits") {
    KioskPolicy p = activeAt0();
    p.onChordState(5, true);
    p.update(8, false, false);
    REQUIRE(p.mode() == KioskMode::PinEntry);
    for (int d : {2, 5, 8, 0}) p.onPinDigit(9, d);
    CHECK(p.pinPadStatus(9).digitsEntered == 4);
    CHECK(p.submitEnteredPin(10) == KioskAction::Quit);

    KioskPolicy q = activeAt0();
    q.onChordState(0, true);
    q.update(3, false, false);
    CHECK(q.submitPin(4, "2580") == KioskAction::Quit);
}

TEST_CASE("A wrong PIN does not quit - three in a row lock the pad, and each further one doubles the lock") {
    KioskPolicy p = activeAt0();
    p.onChordState(0, true);
    p.update(3, false, false);
    REQUIRE(p.mode() == KioskMode::PinEntry);
    CHECK(p.submitPin(4, "1111") == KioskAction::None);
    CHECK(p.mode() == KioskMode::PinEntry);
    CHECK(p.pinPadStatus(4).lastWasWrong);
    CHECK(p.pinPadStatus(4).wrongAttempts == 1);
    CHECK(p.submitPin(5, "25800") == KioskAction::None); // right prefix, too long
    CHECK(p.submitPin(6, "258") == KioskAction::None);   // too short
    CHECK(p.pinPadStatus(6).wrongAttempts == 3);
    CHECK(p.pinPadStatus(6).cooldownSecondsLeft == Approx(30));
    // During the lock even the right PIN is refused.
    CHECK(p.submitPin(20, "2580") == KioskAction::None);
    CHECK(p.pinPadStatus(20).cooldownSecondsLeft == Approx(16));
    // Closing and reopening the pad does not skip the lock.
    p.cancelPin(21);
    p.onChordState(22, true);
    p.onChordState(25, true);
    REQUIRE(p.mode() == KioskMode::PinEntry);
    CHECK(p.submitPin(26, "2580") == KioskAction::None);
    CHECK(p.submitPin(35.9, "2580") == KioskAction::None);
    // After it, ONE try: wrong again locks for 60 s, then 120 s.
    CHECK(p.pinPadStatus(36).cooldownSecondsLeft == 0);
    CHECK(p.pinPadStatus(36).wrongAttempts == 3);
    CHECK(p.submitPin(36, "0000") == KioskAction::None);
    CHECK(p.pinPadStatus(36).wrongAttempts == 4);
    CHECK(p.pinPadStatus(36).cooldownSecondsLeft == Approx(60));
    CHECK(p.submitPin(95, "2580") == KioskAction::None); // still locked
    CHECK(p.submitPin(96, "0000") == KioskAction::None);
    CHECK(p.pinPadStatus(96).cooldownSecondsLeft == Approx(120));
    // The right PIN after the lock quits and clears the count.
    CHECK(p.submitPin(216, "2580") == KioskAction::Quit);
    CHECK(p.wrongPinsInARow() == 0);
}

TEST_CASE("PIN lock schedule: 3 free tries, then 30 s doubling to at most an hour") {
    CHECK(pinLockoutSeconds(0) == 0);
    CHECK(pinLockoutSeconds(2) == 0);
    CHECK(pinLockoutSeconds(3) == 30);
    CHECK(pinLockoutSeconds(4) == 60);
    CHECK(pinLockoutSeconds(5) == 120);
    CHECK(pinLockoutSeconds(9) == 1920);
    CHECK(pinLockoutSeconds(10) == 3600);
    CHECK(pinLockoutSeconds(1000000) == 3600);
    CHECK(pinLockoutSeconds(-5) == 0);
    // A guesser gets 3 + one try per lock: 10,000 4-digit PINs take far longer than
    // the 14 hours of a fixed 30 s lock (here: over 300 days).
    double t = 0;
    for (int wrong = 3; wrong < 10000; ++wrong) t += pinLockoutSeconds(wrong);
    CHECK(t / 86400 > 300);
}

TEST_CASE("A restored lockout keeps the pad locked and the count growing") {
    KioskPolicy p = activeAt0();
    p.restoreLockout(0, 5, 100); // 5 wrong before the restart, 100 s of a 120 s lock left
    p.onChordState(0, true);
    p.update(3, false, false);
    REQUIRE(p.mode() == KioskMode::PinEntry);
    CHECK(p.pinPadStatus(3).cooldownSecondsLeft == Approx(97));
    CHECK(p.submitPin(50, "2580") == KioskAction::None);
    CHECK(p.submitPin(101, "1111") == KioskAction::None);
    CHECK(p.lockoutSecondsLeft(101) == Approx(240)); // 6th wrong: 240 s
    // A lock longer than the schedule allows (clock changed, edited file) is cut to the schedule.
    KioskPolicy q = activeAt0();
    q.restoreLockout(0, 3, 1e9);
    CHECK(q.lockoutSecondsLeft(0) == Approx(30));
}

TEST_CASE("An empty PIN submission is not counted - typed digits are capped and cleared") {
    KioskPolicy p(withPin());
    p.onChordState(0, true);
    p.update(3, false, false);
    CHECK(p.submitEnteredPin(4) == KioskAction::None);
    CHECK(p.pinPadStatus(4).wrongAttempts == 0);
    for (int i = 0; i < 20; ++i) p.onPinDigit(5, 7);
    CHECK(p.pinPadStatus(5).digitsEntered == kMaxPinDigits);
    p.onPinDigit(5, 10); // not a digit
    p.onPinDigit(5, -1);
    CHECK(p.pinPadStatus(5).digitsEntered == kMaxPinDigits);
    p.onPinClear(6);
    CHECK(p.pinPadStatus(6).digitsEntered == 0);
    p.onPinDigit(7, 1);
    CHECK(p.submitEnteredPin(8) == KioskAction::None);
    CHECK(p.pinPadStatus(8).digitsEntered == 0);
}

TEST_CASE("Cancelling the PIN pad goes back to where the chord started") {
    KioskPolicy fromAttract(withPin());
    fromAttract.onChordState(0, true);
    fromAttract.update(3, false, false);
    fromAttract.onPinDigit(3.5, 4);
    fromAttract.cancelPin(4);
    CHECK(fromAttract.mode() == KioskMode::Attract);
    CHECK(fromAttract.pinPadStatus(4).digitsEntered == 0);

    KioskPolicy fromActive = activeAt0();
    runUntil(fromActive, 0, 112, false, false); // in the countdown
    REQUIRE(fromActive.mode() == KioskMode::Countdown);
    fromActive.onChordState(113, true);
    fromActive.update(116, false, false);
    REQUIRE(fromActive.mode() == KioskMode::PinEntry);
    fromActive.cancelPin(117);
    CHECK(fromActive.mode() == KioskMode::Active); // idle time starts again from the cancel
    CHECK(runUntil(fromActive, 117, 117 + 109, false, false).action == KioskAction::None);
}

TEST_CASE("A PIN pad left open closes by itself, and then the idle reset works again") {
    KioskPolicy p = activeAt0();
    p.onChordState(0, true);
    p.update(3, false, false);
    p.onChordState(3.1, false);
    REQUIRE(p.mode() == KioskMode::PinEntry);
    CHECK(runUntil(p, 4, 3 + kPinEntryTimeoutSeconds - 1, false, false).action == KioskAction::None);
    CHECK(p.mode() == KioskMode::PinEntry);
    p.update(3 + kPinEntryTimeoutSeconds, false, false);
    CHECK(p.mode() == KioskMode::Active);
    Tick t = runUntil(p, 64, 400, false, false);
    CHECK(t.action == KioskAction::ResetToDefaults);
}

TEST_CASE("With no PIN configured, holding the chord does nothing, even if allowQuit says true") {
    KioskPolicy p(KioskConfig{}); // unsanitized: allowQuit true, pin ""
    CHECK(p.onChordState(0, true) == KioskAction::None);
    for (double t = 0; t < 30; t += 0.5) CHECK(p.update(t, false, false) != KioskAction::Quit);
    CHECK(p.onChordState(30, true) == KioskAction::None);
    CHECK(p.mode() != KioskMode::PinEntry);
}

TEST_CASE("With quitting disabled the chord does nothing") {
    KioskConfig c = withPin();
    c.allowQuit = false;
    KioskPolicy p = activeAt0(c);
    CHECK(p.onChordState(0, true) == KioskAction::None);
    CHECK(p.mode() == KioskMode::Active);
    CHECK(runUntil(p, 0, 30, false, false).action == KioskAction::None);
    CHECK(p.onChordState(30, true) == KioskAction::None);
    CHECK(p.mode() == KioskMode::Active);
    CHECK(p.submitPin(31, "2580") == KioskAction::None);
    // The idle reset still works.
    CHECK(runUntil(p, 31, 200, false, false).action == KioskAction::ResetToDefaults);
}

TEST_CASE("PIN digits and submissions outside the PIN pad do nothing") {
    KioskPolicy p = activeAt0();
    p.onPinDigit(1, 2);
    CHECK(p.pinPadStatus(1).digitsEntered == 0);
    CHECK(p.submitPin(2, "2580") == KioskAction::None);
    CHECK(p.pinPadStatus(2).wrongAttempts == 0);
    CHECK(p.mode() == KioskMode::Active);
}

TEST_CASE("Soak: 24 simulated hours of patients and idle resets, always back to the attract screen") {
    auto started = std::chrono::steady_clock::now();
    KioskPolicy p(withPin());
    bool playing = false;
    double t = 0;
    int cycles = 0, resets = 0;
    const double dt = 0.25; // four updates per simulated second
    while (t < 24 * 3600) {
        // Someone walks up, starts listening, changes things, touches now and then...
        p.startSession(t);
        playing = cycles % 3 != 0;
        double sessionEnd = t + 60 + (cycles % 5) * 30; // 1-3 minutes of use
        for (; t < sessionEnd; t += dt) {
            if (std::fmod(t, 20.0) < dt) p.onInput(t);
            REQUIRE(p.update(t, playing, false) == KioskAction::None);
        }
        // ...then walks away (paused or ended), and the kiosk resets itself.
        playing = false;
        bool reset = false;
        for (double walkedAway = t; t < walkedAway + 200; t += dt) {
            if (p.update(t, false, cycles % 4 == 0) == KioskAction::ResetToDefaults) {
                reset = true;
                ++resets;
                break;
            }
        }
        REQUIRE(reset);
        REQUIRE(p.mode() == KioskMode::Attract);
        // The attract screen waits a little for the next person.
        for (double until = t + 30; t < until; t += dt) REQUIRE(p.update(t, false, false) == KioskAction::None);
        ++cycles;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(cycles > 24 * 60 / 6); // a cycle every few simulated minutes
    CHECK(resets == cycles);
    CHECK(seconds < 1.0);
}

TEST_CASE("Bigger text or high contrast chosen on the welcome screen, then nobody starts: reset after the idle time") {
    KioskPolicy p(withPin());
    p.onVisitorChoice(100);
    CHECK(p.mode() == KioskMode::Attract);
    const double idle = p.config().idleResetSeconds;
    Tick t = runUntil(p, 100, 100 + idle + 5, false, false);
    CHECK(t.action == KioskAction::ResetToDefaults);
    CHECK(t.at == Approx(100 + idle));
    CHECK(p.mode() == KioskMode::Attract);
    // Once reset, nothing more happens.
    CHECK(runUntil(p, t.at + 1, t.at + 3 * idle, false, false).action == KioskAction::None);
}

TEST_CASE("I'm finished goes back to the welcome screen at once, resetting everything") {
    KioskPolicy p = activeAt0();
    CHECK(p.endSession(30) == KioskAction::ResetToDefaults);
    CHECK(p.mode() == KioskMode::Attract);
}
