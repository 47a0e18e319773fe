// The kiosk through a day of visitors, driven as people drive it: the real app
// core (PlayerApp in kiosk mode, its loop, its command router, its kiosk
// session and its idle reset) on a host without a window whose clock moves
// only when the app waits, so a day runs in seconds. One person every five
// minutes of kiosk time: they touch "Touch to listen" where the frame's
// semantic tree says it is, listen (real audio through the real engine,
// pulled by a stand-in device), skip forward, speed up, turn the volume up,
// pause, press Tab (the focus outline shows), and walk away; the
// "Still listening?" countdown runs out and the reset puts everything back.
//
// Checked for every person: the welcome screen comes back, the focus outline
// mode is off again, and the next person starts at the kiosk's speed. Over the day, resident memory after warm-up may not grow by more
// than 1 MB. LA_SOAK_HOURS overrides the simulated day (e.g. LA_SOAK_HOURS=72).

#include "player/player_app.h"
#include "support/headless_imgui.h"
#include "support/ogg_fixture.h"
#include "support/scripted_host.h"
#include "ui/focus_outline.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace la;
using player::Key;

namespace {

long residentKiB() {
    std::ifstream in("/proc/self/statm");
    long size = 0, resident = 0;
    in >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

bool keyboardNavigationOn() { return ui::keyboardFocusShown(); }

/// One visitor after another, each a small play in acts; the host runs it
/// at each turn of the app's loop.
struct Visitors {
    double personEvery = 300; // seconds of kiosk time per person
    enum class Act { Arrive, Touched, Listening, Paused, WalkedAway } act = Act::Arrive;
    int person = 0;
    double actAt = 0;
    // What was seen, per person.
    int welcomed = 0;         ///< touched the welcome screen's "Touch to listen"
    int listened = 0;         ///< the player showed, playing
    int resets = 0;           ///< the welcome screen came back after they left
    int navigationLeftOn = 0; ///< the focus outline still shown after a reset
    int navigationWasOn = 0;  ///< it was on when they walked away
    std::vector<std::string> firstSpeed; ///< each person's speed as they start
    std::vector<std::string> leftSpeed;  ///< ... and as they leave
    long rssAfterWarmUp = 0;
    int warmUp = 20;

    void operator()(test::ScriptedHost& host) {
        const double t = double(host.now) / 1000.0;
        switch (act) {
        case Act::Arrive:
            if (t < person * personEvery || !host.shows("attract/listen")) return;
            if (person == warmUp) rssAfterWarmUp = residentKiB();
            if (host.click("attract/listen")) ++welcomed, act = Act::Touched;
            return;
        case Act::Touched:
            if (!host.shows("transport/play")) return;
            firstSpeed.push_back(host.valueText("transport/speed"));
            if (host.lastTree.node(host.lastTree.find("transport/play")).name == "Pause") ++listened;
            host.sink->pull(0.5); // what they hear
            // They skip ahead, speed up, turn it up a little.
            host.press(person % 2 ? Key::Right : Key::Left);
            host.press(Key::RightBracket);
            host.press(Key::Up);
            act = Act::Listening, actAt = t;
            return;
        case Act::Listening:
            if (t < actAt + 2) return;
            host.sink->pull(0.25);
            host.press(Key::Space); // pause
            act = Act::Paused;
            return;
        case Act::Paused:
            leftSpeed.push_back(host.valueText("transport/speed"));
            host.press(Key::Tab); // the keyboard focus shows, then they leave
            act = Act::WalkedAway;
            return;
        case Act::WalkedAway:
            if (!host.shows("attract/listen")) {
                if (keyboardNavigationOn()) navigationWasOn = std::max(navigationWasOn, 1);
                return;
            }
            ++resets;
            if (keyboardNavigationOn()) ++navigationLeftOn;
            ++person;
            act = Act::Arrive;
            return;
        }
    }
};

std::string writeKioskConfig(const test::TempDir& dir) {
    std::string path = dir.file("kiosk.json");
    std::ofstream(path) << R"({"idleResetSeconds": 120, "countdownSeconds": 10, "allowQuit": false})";
    return path;
}

player::AppOptions kioskOptions(const test::TempDir& dir, double seconds) {
    player::AppOptions options;
    options.kiosk = true;
    options.kioskConfig = writeKioskConfig(dir);
    options.audioFile = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    options.quitAfter = seconds;
    return options;
}

} // namespace

TEST_CASE("A kiosk visitor's keyboard focus ends with the idle reset, not with the next visitor") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    Visitors visitors;
    visitors.warmUp = -1;
    test::ScriptedHost host;
    host.script = std::ref(visitors);
    std::ostringstream err;
    int code = player::PlayerApp(kioskOptions(dir, visitors.personEvery + 60), host, err).run();
    INFO("stderr: " << err.str());
    CHECK(code == 0);
    REQUIRE(visitors.welcomed == 2);
    REQUIRE(visitors.resets == 1);
    CHECK(visitors.navigationWasOn == 1); // Tab turned it on for the first person
    CHECK(visitors.navigationLeftOn == 0);
}

TEST_CASE("Kiosk memory stays flat over a simulated day of people and idle resets") {
    double hours = std::getenv("LA_SOAK_HOURS") ? std::atof(std::getenv("LA_SOAK_HOURS")) : 24.0;
    test::HeadlessImGui imgui;
    test::TempDir dir;
    Visitors visitors;
    const int people = int(hours * 3600 / visitors.personEvery);
    visitors.warmUp = std::min(20, people / 4);
    test::ScriptedHost host;
    host.script = std::ref(visitors);
    std::ostringstream err;
    int code = player::PlayerApp(kioskOptions(dir, hours * 3600 - 1), host, err).run();
    long rssEnd = residentKiB();
    INFO("stderr: " << err.str());
    CHECK(code == 0);
    CHECK(visitors.welcomed == people);
    CHECK(visitors.listened == people); // "Touch to listen" started the episode
    CHECK(visitors.resets == people);
    CHECK(visitors.navigationLeftOn == 0);
    // Every person starts where the first did: the kiosk's speed.
    REQUIRE(visitors.firstSpeed.size() == size_t(people));
    CHECK_FALSE(visitors.firstSpeed.front().empty());
    REQUIRE(visitors.leftSpeed.size() == size_t(people));
    for (size_t i = 0; i < visitors.firstSpeed.size(); ++i) {
        CHECK(visitors.leftSpeed[i] != visitors.firstSpeed.front()); // they did change it
        CHECK(visitors.firstSpeed[i] == visitors.firstSpeed.front());
    }
    INFO(people << " people over " << hours << " h; resident memory after warm-up " << visitors.rssAfterWarmUp
                << " KiB, at the end " << rssEnd << " KiB");
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in quarantine, so resident memory
    // says nothing here; the run still checks every access on the way.
    WARN("RSS not checked under AddressSanitizer");
#else
    CHECK(rssEnd - visitors.rssAfterWarmUp <= 1024);
#endif
    WARN("kiosk soak: " << people << " people in " << host.frames << " frames, RSS " << visitors.rssAfterWarmUp << " -> "
                        << rssEnd << " KiB");
}
