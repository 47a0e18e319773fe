#include "player/kiosk_session.h"

#include "ui/attract_screen.h"
#include "ui/kiosk_overlays.h"

#include <imgui.h>

#include <cmath>
#include <iostream>

namespace la::player {

KioskSession::KioskSession(KioskConfig config, std::filesystem::path lockoutFile)
    : policy_(std::move(config)), lockoutFile_(std::move(lockoutFile)) {
    if (!lockoutFile_.empty()) toRestore_ = loadPinLockout(lockoutFile_, unixNow(), lockoutWarning_);
}

void KioskSession::restoreOnce(double now) {
    if (!toRestore_) return;
    policy_.restoreLockout(now, toRestore_->wrongInARow, toRestore_->lockedUntilUnix - unixNow());
    toRestore_.reset();
}

void KioskSession::recordWrongPins(double now) {
    if (lockoutFile_.empty()) return;
    std::string error;
    PinLockoutRecord r{policy_.wrongPinsInARow(), unixNow() + policy_.lockoutSecondsLeft(now)};
    // Staff cannot see stderr from the pad, but the journal keeps it.
    if (!savePinLockout(lockoutFile_, r, error))
        std::cerr << "listenalong: kiosk: cannot record wrong PIN tries: " << error << "\n";
}

KioskAction KioskSession::update(double now, bool playing, bool ended, bool chordHeld) {
    restoreOnce(now);
    KioskAction chord = policy_.onChordState(now, chordHeld);
    if (chord != KioskAction::None) return chord;
    return policy_.update(now, playing, ended);
}

ui::Commands KioskSession::draw(double now, const std::string& title, const KioskWelcomeLook& look) {
    switch (policy_.mode()) {
    case KioskMode::Attract: {
        ui::AttractScreenVM vm;
        vm.title = title;
        vm.staffNotice = setupNotice_;
        vm.titleFont = look.titleFont;
        vm.bodyFont = look.bodyFont;
        vm.textPercent = int(std::lround(look.textScale * 100));
        vm.highContrast = look.theme == ui::ThemeId::HighContrast;
        vm.speechOn = look.speechOn;
        vm.normalTheme = policy_.config().defaults.theme == ui::ThemeId::HighContrast ? ui::ThemeId::Light : policy_.config().defaults.theme;
        return ui::drawAttractScreen(vm);
    }
    case KioskMode::Countdown: return ui::drawStillListeningOverlay({policy_.countdownSecondsLeft(now)});
    case KioskMode::PinEntry: {
        PinPadStatus st = policy_.pinPadStatus(now);
        ui::PinPadVM vm;
        vm.digitsEntered = st.digitsEntered;
        vm.lastWasWrong = st.lastWasWrong;
        vm.cooldownSecondsLeft = st.cooldownSecondsLeft;
        return ui::drawPinPad(vm);
    }
    case KioskMode::ChordHeld:
    case KioskMode::Active: return {};
    }
    return {};
}

void KioskSession::startSession(double now) {
    restoreOnce(now);
    policy_.startSession(now);
}

KioskAction KioskSession::finish(double now) {
    restoreOnce(now);
    return policy_.endSession(now);
}

void KioskSession::visitorChoice(double now) {
    restoreOnce(now);
    policy_.onVisitorChoice(now);
}

void KioskSession::dismissCountdown(double now) {
    restoreOnce(now);
    policy_.onInput(now);
}

void KioskSession::pinDigit(double now, int digit) {
    restoreOnce(now);
    policy_.onPinDigit(now, digit);
}

void KioskSession::pinClear(double now) {
    restoreOnce(now);
    policy_.onPinClear(now);
}

KioskAction KioskSession::pinSubmit(double now) {
    restoreOnce(now);
    const int wrongBefore = policy_.wrongPinsInARow();
    KioskAction a = policy_.submitEnteredPin(now);
    if (policy_.wrongPinsInARow() != wrongBefore) recordWrongPins(now);
    return a;
}

void KioskSession::pinCancel(double now) {
    restoreOnce(now);
    policy_.cancelPin(now);
}

} // namespace la::player
