// Issue #11: the kiosk's "I'm finished" in a real window, tapped with xdotool:
// at once back on the welcome screen with the kiosk's defaults, whatever the
// visitor changed; on a 1280x800 screen (listening, text 100 %) and on a
// 1920x1080 screen at the kiosk's default text size (reading).
#include "support/kiosk_run.h"
#include "support/own_x_server.h"
#include "support/x11_session.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace la;

namespace {

struct Point { int x, y; };


void tap(const test::OwnXServer& x, int px, int py) {
    x.run("xdotool " + test::mouseMoveTo(px, py));
    test::sleepSeconds(0.3);
    x.run("xdotool click 1");
    test::sleepSeconds(0.8);
}

/// Runs the kiosk on its own screen: Start (listen or read) at `start`, the
/// visitor's `keys`, then "I'm finished" at `finish`; the state it wrote at exit.
nlohmann::json finishOnScreen(int w, int h, const std::string& config, Point start, const std::string& keys,
                              Point finish) {
    test::OwnXServer x(w, h);
    REQUIRE(x.ok());
    test::KioskRun k(config);
    test::BackgroundPlayer p(x.on(k.command(9)));
    const std::string wid = x.playerWindow();
    REQUIRE_FALSE(wid.empty());
    x.run("xdotool windowfocus --sync " + wid);
    tap(x, start.x, start.y);
    if (!keys.empty()) x.run("xdotool key --delay 150 " + keys);
    test::sleepSeconds(1.5); // listening a little
    tap(x, finish.x, finish.y);
    REQUIRE(p.waitExit(30) == 0);
    return test::readJsonFile(k.state);
}

} // namespace

TEST_CASE("Kiosk: I'm finished returns to the welcome screen at once, with the defaults back (1280x800, listening)") {
    REQUIRE(test::shell("command -v Xvfb xdotool >/dev/null") == 0);
    // Idle reset far away (300 s): only the tap can have reset it.
    auto s = finishOnScreen(1280, 800,
                            R"({"idleResetSeconds": 300, "pin": "2468", "maxVolume": 0.6, "textSize": 1.0,
                                "theme": "dark", "volume": 0.5})",
                            {320, 400}, "bracketright bracketright Up", {1120, 695});
    REQUIRE(s.is_object());
    INFO(s.dump());
    CHECK(s["kiosk"]["mode"] == "attract");
    CHECK(s["playing"] == false);
    CHECK(s["position"].get<double>() == Approx(0.0));
    CHECK(s["settings"]["speed"].get<double>() == Approx(1.0)); // the visitor had 1.1
    CHECK(s["settings"]["volume"].get<double>() == Approx(0.5)); // the visitor had 0.55
}

TEST_CASE("Kiosk: on a 1920x1080 screen at the default text size, Touch to read, then I'm finished") {
    REQUIRE(test::shell("command -v Xvfb xdotool >/dev/null") == 0);
    // Touch to read: the right half of the welcome screen; I'm finished: the
    // end of the transport row at 200 % (the kiosk's default text size).
    auto s = finishOnScreen(1920, 1080, R"({"idleResetSeconds": 300, "pin": "2468"})", {1437, 505}, "space",
                            {1579, 1025});
    REQUIRE(s.is_object());
    INFO(s.dump());
    CHECK(s["kiosk"]["mode"] == "attract");
    CHECK(s["playing"] == false);
    CHECK(s["position"].get<double>() == Approx(0.0));
    CHECK(s["settings"]["textSize"].get<double>() == Approx(2.0));
}

TEST_CASE("Kiosk: after I'm finished the next visitor's transcript starts at the top, as on a fresh start") {
    REQUIRE(test::shell("command -v Xvfb xdotool xwd >/dev/null") == 0);
    test::OwnXServer x(1280, 800);
    REQUIRE(x.ok());
    test::KioskRun k(R"({"idleResetSeconds": 300, "pin": "2468", "textSize": 1.0, "theme": "dark"})");
    test::BackgroundPlayer p(x.on(k.command(60)));
    const std::string wid = x.playerWindow();
    REQUIRE_FALSE(wid.empty());
    x.run("xdotool windowfocus --sync " + wid);
    auto startListeningPaused = [&] {
        tap(x, 320, 400); // Touch to listen
        x.run("xdotool key space");
        test::sleepSeconds(1.0);
    };
    startListeningPaused();
    const test::RgbImage fresh = x.capture(wid, k.dir.file("fresh.xwd"));
    REQUIRE_FALSE(fresh.empty());

    // The visitor scrolls far down the transcript, then leaves.
    x.run("xdotool " + test::mouseMoveTo(300, 400) + " click --repeat 40 --delay 20 5");
    test::sleepSeconds(1.0);
    const test::ImageDifference scrolled = test::compareImages(fresh, x.capture(wid, k.dir.file("scrolled.xwd")));
    INFO("scrolled away: mean difference " << scrolled.mean);
    REQUIRE(scrolled.mean > 3.0);
    tap(x, 1120, 695); // I'm finished (its row: the kiosk speaks, so "Say it again" takes a row below)

    startListeningPaused(); // the next visitor
    const test::ImageDifference next = test::compareImages(fresh, x.capture(wid, k.dir.file("next.xwd")));
    INFO("next visitor: mean difference " << next.mean << ", worst tile " << next.worstTile);
    CHECK(next.mean < 0.5);
}
