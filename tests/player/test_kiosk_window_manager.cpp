// The kiosk under a stock window manager (openbox, as a tester ran it): the
// window manager's own ways of getting rid of a window (iconify, Super+D
// "show desktop", another desktop by key or by pager request) leave the
// waiting room looking at the kiosk again within two seconds: mapped,
// fullscreen, active and focused. And the staff's way out still works.
#include "player/platform/kiosk_window_guard.h"
#include "support/ogg_fixture.h"
#include "support/own_x_server.h"

#include <catch2/catch.hpp>

#include <SDL.h>

#include <fstream>

using namespace la;

namespace {

constexpr int kScreenW = 1600, kScreenH = 900;

/// What is wrong with the kiosk window's place ("" when it is in front,
/// covering the screen, active and focused).
std::string notInFront(const test::OwnXServer& x, const std::string& wid) {
    const std::string info = x.output("xwininfo -id " + wid);
    if (info.find("Map State: IsViewable") == std::string::npos) return "not viewable";
    const std::string place = x.output("xdotool getwindowgeometry " + wid);
    if (place.find("Position: 0,0") == std::string::npos ||
        place.find("Geometry: " + std::to_string(kScreenW) + "x" + std::to_string(kScreenH)) == std::string::npos)
        return "not covering the screen: " + place;
    if (x.output("xdotool getwindowfocus") != wid) return "not focused";
    if (x.output("xdotool getactivewindow") != wid) return "not the active window";
    return "";
}

/// Waits up to `seconds` for the kiosk to be back in front; "" if it is.
std::string backInFront(const test::OwnXServer& x, const std::string& wid, double seconds = 2.0) {
    std::string problem;
    for (double t = 0; t <= seconds; t += 0.1) {
        problem = notInFront(x, wid);
        if (problem.empty()) return problem;
        test::sleepSeconds(0.1);
    }
    return problem;
}

} // namespace

TEST_CASE("Under openbox the kiosk comes back from iconify, show desktop and another desktop, and staff can still quit") {
    REQUIRE(test::shell("command -v Xvfb xdotool xwininfo xprop wmctrl openbox >/dev/null") == 0); // scripts/setup.sh --tests
    test::TempDir dir;
    test::OwnXServer x(kScreenW, kScreenH, true);
    REQUIRE(x.ok());
    REQUIRE(x.managed());
    const std::string config = dir.file("kiosk.json");
    std::ofstream(config) << R"({"pin": "2468", "chordHoldSeconds": 1})";
    test::BackgroundPlayer p(x.on("env SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME='" + dir.file("config") + "' '" LA_PLAYER_EXE
                                  "' --kiosk --kiosk-config '" + config + "' --quit-after 60 2>/dev/null"));
    const std::string wid = x.playerWindow();
    REQUIRE_FALSE(wid.empty());
    REQUIRE(backInFront(x, wid, 5) == "");

    // What the window asks of the window manager. Openbox keeps offering
    // "minimise" for any normal fullscreen window whatever the Motif hints say
    // (its client.c leaves iconify out of the hints it honours), so the kiosk
    // answers an iconify by coming straight back, checked below.
    const std::string allowed = x.output("xprop -id " + wid + " _NET_WM_ALLOWED_ACTIONS");
    INFO(allowed);
    CHECK(allowed.find("_NET_WM_ACTION_MOVE") == std::string::npos);
    CHECK(allowed.find("_NET_WM_ACTION_RESIZE") == std::string::npos);
    CHECK(allowed.find("_NET_WM_ACTION_MAXIMIZE") == std::string::npos);
    // The kiosk sets its hints just after SDL has set its own: on a loaded
    // machine the window can be seen in between, so look for up to 5 s.
    const std::string motif = "_MOTIF_WM_HINTS(_MOTIF_WM_HINTS) = 0x3, 0x0, 0x0, 0x0, 0x0";
    std::string hints;
    for (int i = 0; i < 50 && (hints = x.output("xprop -id " + wid + " _MOTIF_WM_HINTS")) != motif; ++i) test::sleepSeconds(0.1);
    CHECK(hints == motif);
    CHECK(x.output("xprop -id " + wid + " _NET_WM_STATE").find("_NET_WM_STATE_ABOVE") != std::string::npos);
    CHECK(x.output("xprop -id " + wid + " _NET_WM_DESKTOP") == "_NET_WM_DESKTOP(CARDINAL) = 4294967295"); // every desktop

    const std::vector<std::pair<std::string, std::string>> attempts = {
        {"iconify (Alt+Space, Iconify)", "xdotool windowminimize " + wid},
        {"Super+D", "xdotool key super+d"},
        {"show desktop (pager)", "wmctrl -k on"},
        {"Ctrl+Alt+Right", "xdotool key ctrl+alt+Right"},
        {"another desktop (pager)", "wmctrl -s 2"},
        {"iconify again", "xdotool windowminimize " + wid},
        // A new window (here xlogo) takes the focus: the kiosk takes it back.
        // (xlogo ends with this test's X server.)
        {"another window opens", "sh -c 'xlogo >/dev/null 2>&1 & sleep 0.5'"},
    };
    for (const auto& [what, command] : attempts) {
        INFO(what);
        x.run(command);
        CHECK(backInFront(x, wid) == "");
        REQUIRE(p.running());
    }

    // Staff: the chord held, then the PIN.
    x.run("xdotool keydown ctrl+alt+shift+q");
    test::sleepSeconds(1.6);
    x.run("xdotool keyup ctrl+alt+shift+q");
    test::sleepSeconds(0.5);
    x.run("xdotool type --delay 120 2468");
    x.run("xdotool key Return");
    CHECK(p.waitExit(10) == 0);
}

TEST_CASE("The kiosk window guard brings the window back at once, then at most twice a second while it stays away") {
    constexpr uint32_t inFront = SDL_WINDOW_SHOWN | SDL_WINDOW_INPUT_FOCUS | SDL_WINDOW_FULLSCREEN_DESKTOP;
    player::KioskWindowGuard guard;
    CHECK(guard.bringBackNow(inFront, 10.0));  // the first look fits the window to the screen
    CHECK_FALSE(guard.bringBackNow(inFront, 10.1));
    CHECK_FALSE(guard.bringBackNow(inFront, 20.0));

    for (uint32_t away : {uint32_t(SDL_WINDOW_HIDDEN | SDL_WINDOW_MINIMIZED), uint32_t(SDL_WINDOW_SHOWN),
                          uint32_t(inFront | SDL_WINDOW_MINIMIZED), uint32_t(inFront | SDL_WINDOW_HIDDEN)}) {
        INFO("flags " << away);
        CHECK(player::KioskWindowGuard::displaced(away));
        CHECK(guard.bringBackNow(away, 30.0));        // at once
        CHECK_FALSE(guard.bringBackNow(away, 30.2));  // the window manager gets time to act
        CHECK(guard.bringBackNow(away, 30.6));        // refused: asked again
        CHECK_FALSE(guard.bringBackNow(inFront, 30.7)); // back: nothing more to do
        CHECK_FALSE(guard.bringBackNow(inFront, 40.0));
    }
    CHECK_FALSE(player::KioskWindowGuard::displaced(inFront));

    guard.onDisplayChange(); // e.g. a bigger screen plugged in: fit it even though in front
    CHECK(guard.bringBackNow(inFront, 41.0));
    CHECK_FALSE(guard.bringBackNow(inFront, 41.1));
}
