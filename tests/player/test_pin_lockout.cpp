// The PIN back-off survives a restart (pin_lockout.h, KioskSession): wrong PINs
// are written to the lockout file after each try and read back by the next
// session, whose pad is still locked; a damaged file does not wipe the count.
#include "player/kiosk_session.h"
#include "player/pin_lockout.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace la;
using namespace la::player;

namespace {

KioskConfig withPin() {
    KioskConfig c;
    c.pin = "2468";
    c.chordHoldSeconds = 1;
    return c;
}

/// Holds the chord for its time and submits `pin` on the pad, as staff would.
KioskAction tryPin(KioskSession& s, double now, const std::string& pin) {
    s.update(now, false, false, true);
    s.update(now + 1.5, false, false, true);
    s.update(now + 1.6, false, false, false);
    REQUIRE(s.mode() == KioskMode::PinEntry);
    for (char d : pin) s.pinDigit(now + 2, d - '0');
    KioskAction a = s.pinSubmit(now + 2);
    s.pinCancel(now + 2);
    return a;
}

} // namespace

TEST_CASE("Wrong PINs are kept across a restart: the new session is still locked, and the lock keeps doubling") {
    test::TempDir dir;
    const auto file = dir.path / "state" / "listenalong" / "kiosk-lockout.json";
    {
        KioskSession first(withPin(), file);
        for (int i = 0; i < 3; ++i) CHECK(tryPin(first, i * 10.0, "1111") == KioskAction::None);
        CHECK(first.wrongPinsInARow() == 3);
        CHECK(first.lockoutSecondsLeft(22) == Approx(30).margin(0.5));
    }
    REQUIRE(std::filesystem::exists(file));
    {
        // A restart (new process, its clock starting again at 0): still locked.
        KioskSession second(withPin(), file);
        CHECK(second.lockoutWarning().empty());
        second.update(0, false, false, false);
        CHECK(second.wrongPinsInARow() == 3);
        CHECK(second.lockoutSecondsLeft(0) > 25);
        CHECK(tryPin(second, 1, "2468") == KioskAction::None); // even the right PIN waits
    }
    // Pretend the lock ran out while the kiosk was off: the next wrong PIN locks for 60 s.
    std::string error;
    REQUIRE(savePinLockout(file, {3, unixNow() - 1}, error));
    {
        KioskSession third(withPin(), file);
        CHECK(tryPin(third, 0, "1111") == KioskAction::None);
        CHECK(third.wrongPinsInARow() == 4);
        CHECK(third.lockoutSecondsLeft(2) == Approx(60).margin(0.5));
    }
    REQUIRE(savePinLockout(file, {4, unixNow() - 1}, error));
    {
        KioskSession fourth(withPin(), file);
        CHECK(tryPin(fourth, 0, "2468") == KioskAction::Quit);
    }
    std::string warning;
    CHECK(loadPinLockout(file, unixNow(), warning).wrongInARow == 0); // the right PIN cleared it
    CHECK(warning.empty());
}

TEST_CASE("A damaged lockout file counts as three wrong PINs, not as none") {
    test::TempDir dir;
    const auto file = dir.path / "kiosk-lockout.json";
    for (const char* text : {"{\"wrongInARow\": 7, \"lockedUntil", "[]", "{\"wrongInARow\": \"seven\", \"lockedUntilUnix\": 0}",
                             "{\"wrongInARow\": -2, \"lockedUntilUnix\": 0}"}) {
        INFO(text);
        std::ofstream(file, std::ios::trunc) << text;
        std::string warning;
        const double now = unixNow();
        PinLockoutRecord r = loadPinLockout(file, now, warning);
        CHECK(r.wrongInARow == kMaxWrongPins);
        CHECK(r.lockedUntilUnix == Approx(now + 30));
        CHECK(warning.find(file.string()) != std::string::npos);
        KioskSession s(withPin(), file);
        CHECK_FALSE(s.lockoutWarning().empty());
    }
    // Missing: no record, no warning. A lock longer than the schedule is cut to it.
    std::string warning;
    CHECK(loadPinLockout(dir.path / "none.json", unixNow(), warning) == PinLockoutRecord{});
    CHECK(warning.empty());
    std::string error;
    REQUIRE(savePinLockout(file, {4, 1e12}, error));
    const double now = unixNow();
    CHECK(loadPinLockout(file, now, warning).lockedUntilUnix == Approx(now + 60));
}

TEST_CASE("The lockout file lives under XDG_STATE_HOME, else ~/.local/state") {
    const char* oldState = std::getenv("XDG_STATE_HOME");
    const std::string saved = oldState ? oldState : "";
    setenv("XDG_STATE_HOME", "/srv/state", 1);
    CHECK(defaultPinLockoutPath() == "/srv/state/listenalong/kiosk-lockout.json");
    setenv("XDG_STATE_HOME", "relative/not/allowed", 1);
    CHECK(defaultPinLockoutPath() == std::filesystem::path(std::getenv("HOME")) / ".local/state/listenalong/kiosk-lockout.json");
    if (oldState) setenv("XDG_STATE_HOME", saved.c_str(), 1);
    else unsetenv("XDG_STATE_HOME");
}
