// Issue #15: the sleep timer in the app. The model (player/sleep_timer.h) is
// tested on its own; here, that PlaybackController owns it, fades the
// episode's sound (not the program's speech) and pauses when it fires, that
// CommandRouter carries out its commands with a toast, and that the player
// shows it in More settings and on the transport.
#include "player/app_host.h"
#include "player/command_router.h"
#include "player/display_controller.h"
#include "player/episode_content.h"
#include "player/playback_controller.h"
#include "player/player_app.h"
#include "player/sleep_timer.h"
#include "support/headless_imgui.h"
#include "support/ogg_fixture.h"
#include "support/scripted_host.h"

#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace la;
using namespace la::player;

namespace {

const std::string kEpisode = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";

struct ToastApp final : AppRequests {
    std::vector<std::string> toasts;
    double now() const override { return 0; }
    void quit() override {}
    void dismissNotices() override {}
    void openArticleSection(std::size_t) override {}
    void focusSearch() override {}
    void showKeyboardHelp() override {}
    bool copyToClipboard(const std::string&) override { return true; }
    void showToast(const std::string& text) override { toasts.push_back(text); }
    void kioskAction(KioskAction) override {}
    void positionMoved() override {}
    void announce(const std::string&) override {}
    void sayAgain() override {}
    void setSpeech(bool) override {}
    void readAloud(const std::string&) override {}
};

} // namespace

TEST_CASE("Sleep timer commands are carried out by the playback controller, each with a toast", "[sleep]") {
    EpisodeContent content = loadEpisodeContent(kEpisode, {});
    REQUIRE_FALSE(content.chapterRows.empty());
    PlaybackController playback(media::openNullSink(), "");
    std::string error;
    REQUIRE(playback.open(kEpisode, error));
    DisplayController display("", nullptr);
    ToastApp app;
    CommandRouter router(playback, display, nullptr, content, app);

    CHECK(playback.sleepTimerChoice().mode == SleepTimerMode::Off);
    router.route({ui::SetSleepTimer{ui::SleepMode::Minutes, 30}});
    CHECK(playback.sleepTimerChoice().mode == SleepTimerMode::Minutes);
    CHECK(playback.sleepTimerChoice().minutes == 30);
    REQUIRE(app.toasts.size() == 1);
    CHECK(app.toasts.back() == "Sleep timer: 30 minutes");
    playback.updateSleepTimer(1000, &content.chapters.chapters);
    CHECK(playback.sleepTimerState().text == "Sleep in 30:00");
    CHECK(playback.transportState().sleepText == "Sleep in 30:00");

    router.route({ui::ExtendSleepTimer{}});
    CHECK(app.toasts.back() == "Sleep timer: 5 more minutes");
    playback.updateSleepTimer(2000, &content.chapters.chapters); // paused: no listening time passes
    CHECK(playback.sleepTimerState().text == "Sleep in 35:00");
    CHECK(playback.sleepTimerChoice().minutes == 0); // none of the menu's entries is checked now

    router.route({ui::SetSleepTimer{ui::SleepMode::EndOfChapter, 0}});
    CHECK(app.toasts.back() == "Sleep timer: end of chapter");
    CHECK(playback.sleepTimerChoice().mode == SleepTimerMode::EndOfChapter);

    router.route({ui::SetSleepTimer{ui::SleepMode::Off, 0}});
    CHECK(app.toasts.back() == "Sleep timer off");
    playback.updateSleepTimer(3000, &content.chapters.chapters);
    CHECK(playback.sleepTimerChoice().mode == SleepTimerMode::Off);
    CHECK(playback.transportState().sleepText.empty());
}

TEST_CASE("The sleep timer fades the episode's sound out and pauses it in the frame it fires", "[sleep]") {
    test::TempDir dir;
    const std::string audio = test::writeSignalOgg(dir, 44100, 30);
    auto sinkOwned = std::make_unique<test::PullSink>();
    test::PullSink* sink = sinkOwned.get();
    PlaybackController playback(std::move(sinkOwned), "");
    playback.setEvenLoudness(false, kLoudnessTargetRange.defaultValue); // the level is the file's own
    std::string error;
    REQUIRE(playback.open(audio, error));
    playback.play();
    playback.setSleepTimer({SleepTimerMode::Minutes, 5, "5 minutes"});
    playback.updateSleepTimer(0, nullptr);
    CHECK(playback.sleepFade() == 1);
    sink->pull(0.2);
    const float full = sink->pull(0.5);
    REQUIRE(full > 0.1f);

    // 2.5 s of listening left: half way through the fade, 20 dB down.
    playback.updateSleepTimer(5 * 60'000 - 2500, nullptr);
    CHECK(playback.status().playing);
    CHECK(playback.sleepFade() == Approx(sleepFadeFactor(2.5)));
    CHECK(playback.sleepFade() < 0.2);
    sink->pull(0.2);
    const float faded = sink->pull(0.5);
    CHECK(faded < full * 0.25f);

    // Time is up: paused in the same update, the volume back for the next play, the timer off.
    playback.updateSleepTimer(5 * 60'000 + 1, nullptr);
    CHECK(playback.sleepTimerState().pauseNow);
    CHECK_FALSE(playback.status().playing);
    CHECK(playback.sleepTimerChoice().mode == SleepTimerMode::Off);
    playback.updateSleepTimer(5 * 60'000 + 20, nullptr);
    CHECK(playback.sleepFade() == 1);
    playback.play();
    sink->pull(0.2);
    CHECK(sink->pull(0.5) > full * 0.5f);
}

TEST_CASE("The player shows the sleep timer under More settings, and its time left on the transport", "[sleep]") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    AppOptions options;
    options.audioFile = kEpisode;
    options.play = true;
    options.frames = 40;
    options.settingsFile = dir.file("settings.json");
    test::ScriptedHost host;
    int turn = 0;
    host.script = [&](test::ScriptedHost& h) {
        ++turn;
        if (turn == 3) h.click("display/more");
        if (turn == 6) h.click("display/sleep/15 minutes");
    };
    std::ostringstream err;
    int code = PlayerApp(options, host, err).run();
    INFO("stderr: " << err.str());
    CHECK(code == 0);
    const ui::SemanticTree& t = host.lastTree;
    int chosen = t.find("display/sleep/15 minutes");
    REQUIRE(chosen >= 0);
    CHECK(t.node(chosen).role == ui::SemanticRole::ToggleButton);
    CHECK(t.node(chosen).name == "Sleep timer: 15 minutes");
    CHECK(t.node(chosen).states & ui::kChecked);
    CHECK_FALSE(t.node(t.find("display/sleep/Off")).states & ui::kChecked);
    CHECK(t.find("display/sleep/extend") >= 0);
    int shown = t.find("transport/sleep timer");
    REQUIRE(shown >= 0);
    CHECK(t.node(shown).name.rfind("Sleep in 1", 0) == 0); // "Sleep in 14:59" or so
    CHECK(t.find("display/sleep/status") >= 0);
}

TEST_CASE("T steps through the sleep timer's choices and Shift+T turns it off; when it fires the player says why", "[sleep]") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    AppOptions options;
    options.audioFile = test::writeSignalOgg(dir, 24000, 20);
    options.play = true;
    options.quitAfter = 5 * 60 + 20; // the clock of a ScriptedHost moves only when the app waits: no real wait
    options.settingsFile = dir.file("settings.json");
    test::ScriptedHost host;
    int turn = 0;
    std::vector<std::string> shown; // the transport's sleep text after each key
    bool said = false;
    host.afterFrame = [&](const ui::SemanticTree& t) {
        for (const ui::SemanticNode& n : t.nodes())
            if (n.id.rfind("announcement/", 0) == 0 && n.name == kSleepTimerPausedText) said = true;
    };
    auto sleepText = [](const test::ScriptedHost& h) {
        int n = h.lastTree.find("transport/sleep timer");
        return n >= 0 ? h.lastTree.node(n).name : std::string("(none)");
    };
    host.script = [&](test::ScriptedHost& h) {
        ++turn;
        h.shift = turn == 9;
        if (turn == 3 || turn == 6 || turn == 9 || turn == 12) h.press(Key::T);
        if (turn == 5 || turn == 8 || turn == 11 || turn == 14) shown.push_back(sleepText(h));
    };
    std::ostringstream err;
    int code = PlayerApp(options, host, err).run();
    INFO("stderr: " << err.str());
    CHECK(code == 0);
    REQUIRE(shown.size() == 4);
    CHECK(shown[0] == "Sleep in 5:00");
    CHECK(shown[1] == "Sleep in 10:00");
    CHECK(shown[2] == "(none)"); // Shift+T: off
    CHECK(shown[3] == "Sleep in 5:00");
    // Five minutes of listening later: paused, and said so (a screen reader's notification, the toast).
    CHECK(said);
    int play = host.lastTree.find("transport/play");
    REQUIRE(play >= 0);
    CHECK(host.lastTree.node(play).name == "Play");
    CHECK(sleepText(host) == "(none)");
}

TEST_CASE("The sleep timer's T key goes through every choice in the menu's order", "[sleep]") {
    SleepTimerOption o;
    std::vector<std::string> labels;
    for (int i = 0; i < 11; ++i) {
        o = nextSleepTimerOption(o, true);
        labels.push_back(o.label);
    }
    CHECK(labels == std::vector<std::string>{"5 minutes", "10 minutes", "15 minutes", "30 minutes", "45 minutes", "60 minutes",
                                             "90 minutes", "120 minutes", "End of chapter", "Off", "5 minutes"});
    // Extended to 35 minutes ("+5 min"): the next longer choice.
    CHECK(nextSleepTimerOption({SleepTimerMode::Minutes, 35, "35 minutes"}).minutes == 45);
    CHECK(nextSleepTimerOption({SleepTimerMode::Minutes, 125, "125 minutes"}).mode == SleepTimerMode::EndOfChapter);
    CHECK(nextSleepTimerOption({SleepTimerMode::EndOfChapter, 0, ""}, false).label == "Off");
    CHECK(nextSleepTimerOption({SleepTimerMode::Minutes, 120, ""}, false).label == "End of episode");
}

TEST_CASE("At large text in a small window (no chapter line) the sleep timer's time left has a line of its own", "[sleep]") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    AppOptions options;
    options.audioFile = kEpisode;
    options.frames = 12;
    options.textSize = 4.0;
    options.settingsFile = dir.file("settings.json");
    test::ScriptedHost host;
    host.width = 800;
    host.height = 480;
    int turn = 0;
    bool shownBefore = true;
    host.script = [&](test::ScriptedHost& h) {
        if (++turn == 4) {
            shownBefore = h.shows("transport/sleep timer");
            h.press(Key::T);
        }
    };
    std::ostringstream err;
    REQUIRE(PlayerApp(options, host, err).run() == 0);
    CHECK_FALSE(shownBefore);
    const int line = host.lastTree.find("transport/sleep timer");
    REQUIRE(line >= 0);
    CHECK(host.lastTree.node(line).name == "Sleep in 5:00");
    const ui::SemanticBounds b = host.lastTree.node(line).bounds;
    CHECK(b.y >= 0);
    CHECK(b.y + b.height <= 480); // on screen, above the seek bar
    const ui::SemanticBounds seek = host.lastTree.node(host.lastTree.find("transport/seek")).bounds;
    CHECK(b.y + b.height <= seek.y);
}
