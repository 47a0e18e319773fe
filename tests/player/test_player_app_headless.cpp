// Issue #12: the core (PlayerApp) runs on any AppHost. Here, a host without a
// window: no display, no SDL window, no OpenGL; ImGui draws into a headless
// context and the clock moves only when the app waits.

#include "player/app_host.h"
#include "player/player_app.h"
#include "support/headless_imgui.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace la;

namespace {

struct HeadlessHost final : player::AppHost {
    std::uint64_t now = 0;
    int frames = 0;
    std::string title;

    std::uint64_t ticksMs() const override { return now; }
    player::InputBatch pollInput(int timeoutMs) override {
        now += std::uint64_t(timeoutMs);
        return {};
    }
    bool adminChordHeld() const override { return false; }
    bool keyPressed(player::Key, bool) const override { return false; }
    void windowSize(int& width, int& height) const override {
        width = 1280;
        height = 800;
    }
    void setTitle(const std::string& t) override { title = t; }
    bool copyToClipboard(const std::string&) override { return true; }
    void holdKioskInFront() override {}
    void uploadFontTexture() override {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    void beginFrame() override {
        ImGui::GetIO().DisplaySize = {1280, 800};
        ImGui::NewFrame();
    }
    void render() override {
        ImGui::Render();
        ++frames;
    }
    void present() override {}
    bool saveScreenshot(const std::string&, std::string& error) override {
        error = "no screen";
        return false;
    }
};

} // namespace

TEST_CASE("PlayerApp runs headless on its own host: it draws the frames asked for and saves its state") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    player::AppOptions options;
    options.audioFile = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    options.start = 60;
    options.frames = 3;
    options.settingsFile = dir.file("settings.json");
    options.stateFile = dir.file("state.json");
    HeadlessHost host;
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
