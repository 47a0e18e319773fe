// Kiosk mode in a real window under Xvfb, driven with xdotool like a patient
// and an administrator would: it fills the screen, Escape and Alt+F4 leave it
// running, the admin chord with the right PIN quits and a wrong PIN does not,
// and after the idle timeout it is back on the welcome screen with every
// setting at the kiosk defaults.
#include "support/kiosk_run.h"
#include "support/x11_session.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace la;

namespace {

using test::KioskRun;

constexpr const char* kConfig =
    R"({"idleResetSeconds": 30, "countdownSeconds": 10, "pin": "2468", "chordHoldSeconds": 1,
        "maxVolume": 0.6, "textSize": 1.0, "theme": "dark", "volume": 0.5})";

// "Touch to listen" on the welcome screen at 100 % text in 1280x800.
void touchToListen(const std::string& wid) {
    test::shell("xdotool windowfocus --sync " + wid);
    test::shell("xdotool " + test::mouseMoveTo(320, 400)); // "Touch to listen": the left half, mid-height
    test::sleepSeconds(0.3);
    test::shell("xdotool click 1");
}

void adminQuit(const std::string& wid, const std::string& pin, double holdSeconds = 1.6) {
    test::shell("xdotool windowfocus --sync " + wid);
    test::shell("xdotool keydown ctrl+alt+shift+q");
    test::sleepSeconds(holdSeconds);
    test::shell("xdotool keyup ctrl+alt+shift+q");
    test::sleepSeconds(0.5);
    test::shell("xdotool type --delay 120 " + pin);
    test::shell("xdotool key Return");
}

} // namespace

TEST_CASE("Kiosk fills the screen, caps the volume, and Escape and Alt+F4 do not close it") {
    REQUIRE(test::haveX11Tools()); // scripts/test.sh runs under xvfb-run with xdotool installed
    KioskRun k(kConfig);
    test::BackgroundPlayer p(k.command(6));
    std::string wid = p.window();
    REQUIRE_FALSE(wid.empty());
    std::string geometry = test::shellOutput("xdotool getwindowgeometry " + wid);
    std::string screen = test::shellOutput("xdotool getdisplaygeometry");
    INFO(geometry << " on a screen of " << screen);
    CHECK(geometry.find("Position: 0,0") != std::string::npos);
    CHECK(geometry.find(screen.replace(screen.find(' '), 1, "x")) != std::string::npos);

    touchToListen(wid);
    test::sleepSeconds(1.0);
    // Faster, bigger text, louder: the volume stops at the configured maximum.
    test::shell("xdotool key --delay 150 bracketright bracketright ctrl+equal Up Up Up Up Up");
    test::sleepSeconds(0.3);
    test::shell("xdotool key Escape");
    test::shell("xdotool key alt+F4");
    test::sleepSeconds(0.5);
    CHECK(p.running());
    REQUIRE(p.waitExit(15) == 0);
    auto s = test::readJsonFile(k.state);
    REQUIRE(s.is_object());
    CHECK(s["kiosk"]["mode"] == "active");
    CHECK(s["playing"] == true);
    CHECK(s["position"].get<double>() > 1.0);
    CHECK(s["settings"]["speed"].get<double>() == Approx(1.1));
    CHECK(s["settings"]["textSize"].get<double>() == Approx(1.25));
    CHECK(s["settings"]["volume"].get<double>() == Approx(0.6));
}

TEST_CASE("Kiosk quits only with the admin chord and the right PIN") {
    REQUIRE(test::haveX11Tools());
    {
        KioskRun k(kConfig);
        test::BackgroundPlayer p(k.command(9));
        std::string wid = p.window();
        REQUIRE_FALSE(wid.empty());
        adminQuit(wid, "1111");
        test::sleepSeconds(1.0);
        CHECK(p.running()); // wrong PIN: still there
        REQUIRE(p.waitExit(20) == 0);
        CHECK(test::readJsonFile(k.state)["kiosk"]["mode"] == "pin-entry");
    }
    {
        KioskRun k(kConfig);
        test::BackgroundPlayer p(k.command(30));
        std::string wid = p.window();
        REQUIRE_FALSE(wid.empty());
        adminQuit(wid, "2468");
        int status = p.waitExit(10);
        CHECK(status == 0);
        CHECK(p.exitedAfter() < 20); // long before --quit-after
    }
}

TEST_CASE("Kiosk returns to the welcome screen and its defaults after the idle timeout") {
    REQUIRE(test::haveX11Tools());
    KioskRun k(kConfig);
    test::BackgroundPlayer p(k.command(38));
    std::string wid = p.window();
    REQUIRE_FALSE(wid.empty());
    touchToListen(wid);
    test::sleepSeconds(1.0);
    // The person speeds up, makes the text bigger and turns the volume up, then pauses and walks away.
    test::shell("xdotool key --delay 150 bracketright bracketright ctrl+equal Up Up Up Up Up space");
    REQUIRE(p.waitExit(50) == 0);
    auto s = test::readJsonFile(k.state);
    REQUIRE(s.is_object());
    INFO(s.dump());
    CHECK(s["kiosk"]["mode"] == "attract");
    CHECK(s["playing"] == false);
    CHECK(s["position"].get<double>() == Approx(0.0));
    CHECK(s["settings"]["speed"].get<double>() == Approx(1.0));
    CHECK(s["settings"]["textSize"].get<double>() == Approx(1.0));
    CHECK(s["settings"]["theme"] == "dark");
    CHECK(s["settings"]["volume"].get<double>() == Approx(0.5));
}

// Issue #10 item 9: a kiosk whose config cannot be used fails closed.
TEST_CASE("Kiosk with a broken config: the quit chord held for 4 s does not quit, and the log says why") {
    REQUIRE(test::haveX11Tools());
    for (const std::string& broken : {std::string(R"({"allowQuit": true "pin": "2468"})"), // syntax error
                                     std::string(R"({"allowQuit": true, "chordHoldSeconds": 1})")}) { // no pin
        INFO(broken);
        KioskRun k(broken);
        test::BackgroundPlayer p(k.command(9));
        std::string wid = p.window();
        REQUIRE_FALSE(wid.empty());
        adminQuit(wid, "2468", 4.0); // held well past chordHoldSeconds, then the PIN a config might have had
        test::sleepSeconds(1.0);
        CHECK(p.running()); // the chord did nothing: no exit 0 that systemd would not restart
        REQUIRE(p.waitExit(20) == 0); // --quit-after
        // No PIN pad opened: the digits went nowhere and Return did what it
        // does on the welcome screen, "Touch Listen, or press Enter" (issue #14).
        CHECK(test::readJsonFile(k.state)["kiosk"]["mode"] == "active");
        std::string log = test::shellOutput("cat '" + k.dir.file("stderr.txt") + "'");
        CHECK(log.find(k.config) != std::string::npos);
        CHECK(log.find("nobody can") != std::string::npos);
    }
}

// Issue #10 item 11: the back-off is kept in XDG_STATE_HOME across restarts.
TEST_CASE("Kiosk: wrong PINs lock the pad, and a restarted kiosk is still locked") {
    REQUIRE(test::haveX11Tools());
    KioskRun k(kConfig);
    {
        // --quit-after leaves room for three tries of ~3 s each on a loaded machine.
        test::BackgroundPlayer p(k.command(25));
        std::string wid = p.window();
        REQUIRE_FALSE(wid.empty());
        for (int i = 0; i < 3; ++i) {
            adminQuit(wid, "1111");
            test::sleepSeconds(0.3);
            test::shell("xdotool key Escape"); // Cancel: back to the kiosk, for the next try
        }
        CHECK(p.running());
        test::sleepSeconds(0.5);
        // Leaving the scope kills the player (SIGKILL): the record was written at each try.
    }
    auto record = test::readJsonFile(k.dir.file("state-home") + "/listenalong/kiosk-lockout.json");
    REQUIRE(record.is_object());
    CHECK(record["wrongInARow"].get<int>() == 3);
    test::sleepSeconds(0.5); // the killed player's window is gone before the next one is looked for
    {
        // Restarted at once: the right PIN is refused while the 30 s lock lasts.
        test::BackgroundPlayer p(k.command(8));
        std::string wid = p.window();
        REQUIRE_FALSE(wid.empty());
        adminQuit(wid, "2468");
        test::sleepSeconds(1.0);
        CHECK(p.running());
        REQUIRE(p.waitExit(20) == 0);
    }
}
