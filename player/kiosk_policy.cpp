#include "player/kiosk_policy.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace la::player {

KioskPolicy::KioskPolicy(KioskConfig config) : config_(std::move(config)) {}

// ---- people ------------------------------------------------------------------

void KioskPolicy::onInput(double now) {
    lastInput_ = now;
    if (mode_ == KioskMode::Countdown) mode_ = KioskMode::Active;
}

void KioskPolicy::startSession(double now) {
    lastInput_ = now;
    welcomeChanged_ = false; // the session's own reset covers it
    if (mode_ == KioskMode::Attract || mode_ == KioskMode::Countdown) mode_ = KioskMode::Active;
}

void KioskPolicy::onVisitorChoice(double now) {
    onInput(now);
    if (mode_ == KioskMode::Attract) welcomeChanged_ = true;
}

KioskAction KioskPolicy::endSession(double now) {
    if (mode_ == KioskMode::ChordHeld || mode_ == KioskMode::PinEntry) return KioskAction::None;
    lastInput_ = now;
    mode_ = KioskMode::Attract;
    return KioskAction::ResetToDefaults;
}

double KioskPolicy::idleLimit(bool playing, bool ended) const {
    if (playing && !ended) return config_.idleResetWhilePlayingMinutes * 60.0;
    return config_.idleResetSeconds;
}

KioskAction KioskPolicy::update(double now, bool playing, bool ended) {
    switch (mode_) {
    case KioskMode::Attract:
        // Bigger text or high contrast chosen, then nobody started: the next person gets the defaults.
        if (welcomeChanged_ && now - lastInput_ >= config_.idleResetSeconds) {
            welcomeChanged_ = false;
            lastInput_ = now;
            return KioskAction::ResetToDefaults;
        }
        return KioskAction::None;
    case KioskMode::Active: {
        double countdownFrom = idleLimit(playing, ended) - config_.countdownSeconds;
        if (now - lastInput_ >= countdownFrom) {
            mode_ = KioskMode::Countdown;
            // Normally lastInput + limit; never shorter than the full countdown.
            countdownEnd_ = std::max(lastInput_ + idleLimit(playing, ended), now + config_.countdownSeconds);
        }
        return KioskAction::None;
    }
    case KioskMode::Countdown:
        if (now >= countdownEnd_) {
            mode_ = KioskMode::Attract;
            lastInput_ = now;
            return KioskAction::ResetToDefaults;
        }
        return KioskAction::None;
    case KioskMode::ChordHeld: return completeChordIfDue(now);
    case KioskMode::PinEntry:
        if (now - lastInput_ >= kPinEntryTimeoutSeconds) leaveAdminFlow(now);
        return KioskAction::None;
    }
    return KioskAction::None;
}

int KioskPolicy::countdownSecondsLeft(double now) const {
    if (mode_ != KioskMode::Countdown) return 0;
    return std::max(0, static_cast<int>(std::ceil(countdownEnd_ - now)));
}

// ---- admin chord ---------------------------------------------------------------

KioskAction KioskPolicy::onChordState(double now, bool held) {
    // No PIN, no way out, even if an unsanitized config says allowQuit.
    if (!config_.allowQuit || config_.pin.empty()) return KioskAction::None;
    if (!held) {
        if (mode_ == KioskMode::ChordHeld) leaveAdminFlow(now);
        return KioskAction::None;
    }
    switch (mode_) {
    case KioskMode::ChordHeld: return completeChordIfDue(now);
    case KioskMode::PinEntry: return KioskAction::None; // already there
    default:
        adminFromAttract_ = mode_ == KioskMode::Attract;
        mode_ = KioskMode::ChordHeld;
        chordStart_ = now;
        lastInput_ = now;
        return completeChordIfDue(now);
    }
}

KioskAction KioskPolicy::completeChordIfDue(double now) {
    if (mode_ != KioskMode::ChordHeld || now - chordStart_ < config_.chordHoldSeconds) return KioskAction::None;
    mode_ = KioskMode::PinEntry;
    typedPin_.clear();
    lastWasWrong_ = false;
    lastInput_ = now;
    return KioskAction::None;
}

double KioskPolicy::chordSecondsLeft(double now) const {
    if (mode_ != KioskMode::ChordHeld) return 0;
    return std::max(0.0, config_.chordHoldSeconds - (now - chordStart_));
}

void KioskPolicy::leaveAdminFlow(double now) {
    typedPin_.clear();
    lastWasWrong_ = false;
    lastInput_ = now;
    mode_ = adminFromAttract_ ? KioskMode::Attract : KioskMode::Active;
}

// ---- PIN pad ---------------------------------------------------------------------

void KioskPolicy::onPinDigit(double now, int digit) {
    if (mode_ != KioskMode::PinEntry || digit < 0 || digit > 9) return;
    lastInput_ = now;
    lastWasWrong_ = false;
    if (typedPin_.size() < kMaxPinDigits) typedPin_.push_back(static_cast<char>('0' + digit));
}

void KioskPolicy::onPinClear(double now) {
    if (mode_ != KioskMode::PinEntry) return;
    lastInput_ = now;
    typedPin_.clear();
}

KioskAction KioskPolicy::submitEnteredPin(double now) {
    std::string typed = std::move(typedPin_);
    typedPin_.clear();
    return submitPin(now, typed);
}

KioskAction KioskPolicy::submitPin(double now, std::string_view digits) {
    typedPin_.clear();
    if (mode_ != KioskMode::PinEntry || config_.pin.empty()) return KioskAction::None;
    lastInput_ = now;
    if (now < cooldownUntil_) return KioskAction::None;
    if (digits.empty()) return KioskAction::None;
    // Compare every character, so the time taken does not tell how much matched.
    unsigned diff = digits.size() == config_.pin.size() ? 0u : 1u;
    for (size_t i = 0; i < digits.size(); ++i)
        diff |= static_cast<unsigned>(digits[i] ^ config_.pin[i % config_.pin.size()]);
    if (diff == 0) {
        wrongPins_ = 0;
        return KioskAction::Quit;
    }
    lastWasWrong_ = true;
    if (wrongPins_ < 1000000) ++wrongPins_;
    if (wrongPins_ >= kMaxWrongPins) cooldownUntil_ = now + pinLockoutSeconds(wrongPins_);
    return KioskAction::None;
}

void KioskPolicy::cancelPin(double now) {
    if (mode_ == KioskMode::PinEntry || mode_ == KioskMode::ChordHeld) leaveAdminFlow(now);
}

PinPadStatus KioskPolicy::pinPadStatus(double now) const {
    PinPadStatus s;
    s.digitsEntered = typedPin_.size();
    s.cooldownSecondsLeft = lockoutSecondsLeft(now);
    s.wrongAttempts = wrongPins_;
    s.lastWasWrong = lastWasWrong_;
    return s;
}

double KioskPolicy::lockoutSecondsLeft(double now) const { return std::max(0.0, cooldownUntil_ - now); }

void KioskPolicy::restoreLockout(double now, int wrongInARow, double secondsLeft) {
    wrongPins_ = std::max(0, wrongInARow);
    const double left = std::clamp(std::isfinite(secondsLeft) ? secondsLeft : 0.0, 0.0, pinLockoutSeconds(wrongPins_));
    cooldownUntil_ = left > 0 ? now + left : -1;
}

} // namespace la::player
