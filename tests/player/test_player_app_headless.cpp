// Issue #12: the core (PlayerApp) runs on any AppHost. Here, a host without a
// window (tests/support/scripted_host.h): no display, no SDL window, no
// OpenGL; ImGui draws into a headless context and the clock moves only when
// the app waits.

#include "player/app_host.h"
#include "player/player_app.h"
#include "support/headless_imgui.h"
#include "support/ogg_fixture.h"
#include "support/scripted_host.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace la;

TEST_CASE("PlayerApp runs headless on its own host: it draws the frames asked for and saves its state") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    player::AppOptions options;
    options.audioFile = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    options.start = 60;
    options.frames = 3;
    options.settingsFile = dir.file("settings.json");
    options.stateFile = dir.file("state.json");
    test::ScriptedHost host;
    std::ostringstream err;
    int code = player::PlayerApp(options, host, err).run();
    INFO("stderr: " << err.str());
    CHECK(code == 0);
    CHECK(host.frames == 3);
    CHECK(host.title == "ListenAlong \u2014 Paused \u2014 Chapter 2 of 9"); // what it is doing, for the window list
    std::ifstream in(options.stateFile);
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
    REQUIRE(j.is_object());
    CHECK(j["position"].get<double>() == Approx(60.0).margin(0.01));
}
