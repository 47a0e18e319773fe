// The player at every screen and window size, not just the first one: a
// window made larger, smaller, fullscreen and back under a stock window
// manager, and the kiosk started on the usual kiosk screens. Each time the
// program must still run, and what the X server shows must be what a fresh
// start at that size draws. (Growing once killed it: the in-place redraw
// copied rectangles of the new size out of buffers of the old one, and the X
// server's BadValue ended the program.) And each drawing mode (in place,
// offscreen, whole) in a window resized in-process: the server shows exactly
// the frame drawn.
#include "player/platform/app_window.h"
#include "support/ogg_fixture.h"
#include "support/own_x_server.h"

#include <SDL.h>
#include <catch2/catch.hpp>
#include <imgui.h>

using namespace la;

namespace {

// Mean absolute difference (0..255 per channel) allowed between the window
// as shown and a fresh start's own screenshot, over the whole window and over
// its worst 64x64 tile. Both show the same frame (paused at the start, the
// pointer parked outside), so what remains is rounding; a region not redrawn
// or not shown after a resize is black or stale and differs by tens.
constexpr double kSameFrame = 1.0, kSameTile = 12.0;

void checkSameFrame(const test::RgbImage& shown, const test::RgbImage& drawn) {
    const test::ImageDifference d = test::compareImages(shown, drawn);
    INFO("mean difference " << d.mean << ", worst tile " << d.worstTile);
    CHECK(d.mean < kSameFrame);
    CHECK(d.worstTile < kSameTile);
}

std::string sizeText(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

std::string playerCommand(const test::TempDir& dir, const std::string& options) {
    return "env SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME='" + dir.file("config") + "' '" LA_PLAYER_EXE "' " + options +
           " 2>>'" + dir.file("stderr.txt") + "'";
}

/// A fresh player's own screenshot at width x height (paused at the start), drawn
/// on a private screen with no window manager so the size is exactly that.
test::RgbImage freshFrame(const test::OwnXServer& x, const test::TempDir& dir, int w, int h) {
    const std::string png = dir.file("fresh-" + sizeText(w, h) + ".png");
    x.run("xdotool mousemove 5000 5000"); // no hover highlight anywhere
    test::BackgroundPlayer p(x.on(playerCommand(dir, "--size " + sizeText(w, h) + " --quit-after 2 --screenshot '" + png + "'")));
    REQUIRE(p.waitExit(30) == 0);
    return test::loadPng(png);
}

} // namespace

TEST_CASE("A window made larger, smaller, fullscreen and back keeps running and draws like a fresh start") {
    REQUIRE(test::shell("command -v Xvfb xdotool xwd wmctrl openbox >/dev/null") == 0); // scripts/setup.sh --tests
    test::TempDir dir;
    constexpr int kScreenW = 2600, kScreenH = 1500;
    test::OwnXServer desktop(kScreenW, kScreenH, true), bare(kScreenW, kScreenH);
    REQUIRE(desktop.ok());
    REQUIRE(desktop.managed());
    REQUIRE(bare.ok());

    test::BackgroundPlayer p(desktop.on(playerCommand(dir, "--size 1280x800 --quit-after 120")));
    const std::string wid = desktop.playerWindow();
    REQUIRE_FALSE(wid.empty());

    struct Step {
        const char* what;
        std::string command;
        int w, h;
    };
    const std::string id = " " + wid;
    const std::vector<Step> steps = {
        {"larger", "xdotool windowsize --sync" + id + " 1700 1000", 1700, 1000},
        {"larger", "xdotool windowsize --sync" + id + " 1920 1080", 1920, 1080},
        {"larger", "xdotool windowsize --sync" + id + " 2560 1440", 2560, 1440},
        {"smaller", "xdotool windowsize --sync" + id + " 800 480", 800, 480},
        {"fullscreen", "wmctrl -i -r" + id + " -b add,fullscreen", kScreenW, kScreenH},
        {"back from fullscreen", "wmctrl -i -r" + id + " -b remove,fullscreen", 800, 480},
        {"back to the first size", "xdotool windowsize --sync" + id + " 1280 800", 1280, 800},
    };
    for (const Step& step : steps) {
        INFO(step.what << " to " << sizeText(step.w, step.h) << "; player's messages: "
                       << test::shellOutput("cat '" + dir.file("stderr.txt") + "'"));
        desktop.run(step.command);
        desktop.run("xdotool windowmove" + id + " 0 0"); // all of it on screen, for xwd
        test::sleepSeconds(0.6);                         // the frames a resize triggers
        // The pointer passes over the window and leaves: the hover highlight
        // comes and goes as partial redraws, shown by in-place copies at the
        // new size (the path that first failed).
        desktop.run("xdotool mousemove --window" + id + " 200 200");
        test::sleepSeconds(0.4);
        desktop.run("xdotool mousemove 5000 5000"); // no hover highlight anywhere
        test::sleepSeconds(0.6);
        REQUIRE(p.running());
        test::RgbImage shown = desktop.capture(wid, dir.file("shown.xwd"));
        CHECK(shown.width == step.w);
        CHECK(shown.height == step.h);
        test::RgbImage fresh = freshFrame(bare, dir, step.w, step.h);
        REQUIRE(fresh.width == step.w);
        checkSameFrame(shown, fresh);
    }
}

TEST_CASE("The kiosk covers and draws every usual kiosk screen") {
    REQUIRE(test::shell("command -v Xvfb xdotool xwd >/dev/null") == 0); // scripts/setup.sh --tests
    for (auto [w, h] : std::vector<std::pair<int, int>>{{1280, 800}, {1600, 900}, {1920, 1080}, {2560, 1440}}) {
        test::TempDir dir;
        INFO("screen " << sizeText(w, h));
        test::OwnXServer x(w, h);
        REQUIRE(x.ok());
        const std::string png = dir.file("kiosk.png");
        test::BackgroundPlayer p(x.on(playerCommand(dir, "--kiosk --quit-after 3 --screenshot '" + png + "'")));
        const std::string wid = x.playerWindow();
        REQUIRE_FALSE(wid.empty());
        test::sleepSeconds(1.5);
        INFO("player's messages: " << test::shellOutput("cat '" + dir.file("stderr.txt") + "'"));
        REQUIRE(p.running());
        CHECK(x.output("xdotool getwindowgeometry" + (" " + wid)).find("Position: 0,0") != std::string::npos);
        test::RgbImage shown = x.capture(wid, dir.file("shown.xwd"));
        CHECK(shown.width == w);
        CHECK(shown.height == h);
        REQUIRE(p.waitExit(20) == 0);
        // The welcome screen does not move: what the server showed is the
        // frame the kiosk drew last.
        test::RgbImage drawn = test::loadPng(png);
        CHECK(drawn.width == w);
        CHECK(drawn.height == h);
        checkSameFrame(shown, drawn);
    }
}

namespace {

// Lines of text, one of them in another colour: a frame whose change from the
// one before is small, so it is drawn as a partial redraw.
test::RgbImage drawAndShow(player::AppWindow& window, int highlighted) {
    window.beginFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("scene", nullptr, ImGuiWindowFlags_NoDecoration);
    for (int i = 0; i < 40; ++i)
        ImGui::TextColored(i == highlighted ? ImVec4(0.9f, 0.2f, 0.1f, 1) : ImVec4(0.8f, 0.8f, 0.8f, 1),
                           "Line %d of the transcript, long enough to reach across a wide window", i);
    ImGui::End();
    window.render();
    test::RgbImage drawn;
    std::vector<unsigned char> rgba;
    window.readFrame(rgba, drawn.width, drawn.height);
    for (size_t i = 0; i < rgba.size(); i += 4) drawn.rgb.insert(drawn.rgb.end(), rgba.begin() + long(i), rgba.begin() + long(i) + 3);
    window.present();
    return drawn;
}

void pumpUntilSize(player::AppWindow& window, int w, int h) {
    for (int i = 0; i < 100; ++i) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) window.processEvent(e);
        int dw = 0, dh = 0;
        SDL_GL_GetDrawableSize(window.sdl(), &dw, &dh);
        if (dw == w && dh == h) return;
        test::sleepSeconds(0.02);
    }
}

} // namespace

TEST_CASE("Every drawing mode follows the window's size: the server shows the frame drawn") {
    using Mode = player::PartialRedraw::Mode;
    REQUIRE(test::shell("command -v xdotool xwd >/dev/null") == 0); // scripts/setup.sh --tests; the suite's Xvfb
    test::TempDir dir;
    std::string error;
    auto window = player::AppWindow::create({"ListenAlong resize modes", 480, 360, false}, error);
    REQUIRE(window);
    SDL_SetWindowPosition(window->sdl(), 0, 0); // all of it on screen, for xwd
    const std::string xid = test::shellOutput("xdotool search --sync --name '^ListenAlong resize modes' | tail -1");
    REQUIRE_FALSE(xid.empty());
    for (Mode mode : {Mode::InPlace, Mode::Offscreen, Mode::Whole}) {
        window->setRedrawMode(mode);
        INFO("mode " << int(window->redrawMode()));
        for (auto [w, h] : std::vector<std::pair<int, int>>{{900, 700}, {320, 200}, {1100, 780}, {480, 360}}) {
            INFO("size " << sizeText(w, h));
            SDL_SetWindowSize(window->sdl(), w, h);
            pumpUntilSize(*window, w, h);
            test::RgbImage drawn;
            for (int frame = 0; frame < 4; ++frame) drawn = drawAndShow(*window, frame); // the highlight moves
            REQUIRE(drawn.width == w);
            test::sleepSeconds(0.1);
            REQUIRE(test::shell("xwd -silent -id " + xid + " -out '" + dir.file("shown.xwd") + "'") == 0);
            test::RgbImage shown = test::readXwd(dir.file("shown.xwd"));
            CHECK(shown.width == w);
            CHECK(shown.height == h);
            checkSameFrame(shown, drawn);
        }
    }
}
