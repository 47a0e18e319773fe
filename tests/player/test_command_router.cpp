// Issue #12: every command is carried out in one place (CommandRouter), by the
// owner of the state it changes. Real episode, real engine (silent sink), real
// display controller; the app's side is recorded.
#include "player/command_router.h"
#include "player/display_controller.h"
#include "player/episode_content.h"
#include "player/kiosk_session.h"
#include "player/playback_controller.h"
#include "media/audio_sink.h"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

using namespace la;
using namespace la::player;

namespace {

const std::string kEpisode = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";

struct RecordedApp final : AppRequests {
    double clock = 100;
    bool quitAsked = false;
    std::vector<std::size_t> sectionsOpened;
    int searchFocused = 0;
    int helpShown = 0;
    std::vector<std::string> toasts;
    std::vector<std::string> announced;
    std::vector<KioskAction> kioskActions;
    int moves = 0;

    double now() const override { return clock; }
    void quit() override { quitAsked = true; }
    void dismissNotices() override {}
    void openArticleSection(std::size_t index) override { sectionsOpened.push_back(index); }
    void focusSearch() override { ++searchFocused; }
    void showKeyboardHelp() override { ++helpShown; }
    bool copyToClipboard(const std::string&) override { return true; }
    void showToast(const std::string& text) override { toasts.push_back(text); }
    void kioskAction(KioskAction a) override { kioskActions.push_back(a); }
    void positionMoved() override { ++moves; }
    void announce(const std::string& text) override { announced.push_back(text); }
    void sayAgain() override { ++saidAgain; }
    void setSpeech(bool on) override { speech = on; }
    void readAloud(const std::string& text) override { readAloudText = text; }
    int saidAgain = 0;
    bool speech = false;
    std::string readAloudText;
};

struct Rig {
    EpisodeContent content = loadEpisodeContent(kEpisode, {});
    PlaybackController playback{media::openNullSink()};
    DisplayController display{"", nullptr};
    std::unique_ptr<KioskSession> kiosk;
    RecordedApp app;
    std::unique_ptr<CommandRouter> router;

    explicit Rig(std::optional<KioskConfig> kioskConfig = std::nullopt) {
        std::string error;
        REQUIRE(playback.open(kEpisode, error));
        if (kioskConfig) {
            kiosk = std::make_unique<KioskSession>(*kioskConfig, std::filesystem::path());
            playback.setVolumeLimit(kioskConfig->maxVolume);
        }
        router = std::make_unique<CommandRouter>(playback, display, kiosk.get(), content, app);
    }
    double chapterStart(std::size_t i) const { return content.chapters.chapters.at(i).start; }
};

} // namespace

TEST_CASE("Seeks asked for in one frame become one seek, each from the one before") {
    Rig r;
    const unsigned before = r.playback.seekCount();
    r.router->route({ui::SeekTo{200}, ui::SeekBy{-15}, ui::SeekBy{-15}, ui::SeekBy{30}, ui::SeekBy{-15}});
    CHECK(r.playback.seekCount() == before + 1);
    CHECK(r.playback.status().position == Approx(185));
    CHECK(r.app.moves == 5); // each is a change worth saving soon

    r.router->route({ui::SeekTo{10}, ui::SeekBy{-60}}); // clamped to the episode
    CHECK(r.playback.status().position == 0);
}

TEST_CASE("Two 'next chapter' presses in one frame go two chapters on; a seek queued before play lands first") {
    Rig r;
    REQUIRE(r.content.chapters.chapters.size() > 5);
    const double mid = r.chapterStart(2) + 5;
    r.router->route({ui::SeekTo{mid}});
    r.router->route({ui::NextChapter{}, ui::NextChapter{}, ui::TogglePlay{}});
    CHECK(r.playback.status().position == Approx(r.chapterStart(4)).margin(0.3));
    CHECK(r.playback.status().playing);
    // Each step is said for a screen reader, with where it landed.
    REQUIRE(r.app.announced.size() == 2);
    CHECK(r.app.announced[1].rfind("Chapter ", 0) == 0);
    CHECK(r.app.announced[1].find(" of " + std::to_string(r.content.chapterRows.size()) + ": ") != std::string::npos);
    CHECK(r.app.announced[0] != r.app.announced[1]);
    r.router->route({ui::TogglePlay{}});
    r.router->route({ui::SeekTo{r.chapterStart(2) + 1}, ui::PreviousChapter{}}); // near a start: the one before
    CHECK(r.playback.status().position == Approx(r.chapterStart(1)));
    const double last = r.chapterStart(r.content.chapters.chapters.size() - 1) + 1;
    r.router->route({ui::SeekTo{last}});
    const unsigned seeks = r.playback.seekCount();
    r.router->route({ui::NextChapter{}}); // nowhere to go: no seek at all
    CHECK(r.playback.seekCount() == seeks);
}

TEST_CASE("Speed has one owner: put on the 0.05 grid and in range once, and said in a toast") {
    Rig r;
    r.router->route({ui::SetSpeed{1.234}});
    CHECK(r.playback.speed() == 1.25);
    CHECK(r.playback.status().speed == 1.25); // what the engine plays at
    REQUIRE(r.app.toasts.size() == 1);
    CHECK(r.app.toasts[0].find("1.25") != std::string::npos);
    r.router->route({ui::ChangeSpeed{+0.25}, ui::ChangeSpeed{-0.05}});
    CHECK(r.playback.speed() == 1.45);
    r.router->route({ui::SetSpeed{9}});
    CHECK(r.playback.speed() == kSpeedRange.max);
    r.app.toasts.clear();
    r.router->route({ui::SetSpeed{kSpeedRange.max}}); // no change, nothing said
    CHECK(r.app.toasts.empty());
    CHECK(r.display.barState(r.playback.speed()).speed == kSpeedRange.max); // the bar shows the owner's value
}

TEST_CASE("Volume and mute: clamped by their owner; a kiosk's maxVolume holds for every way of changing it") {
    Rig r;
    r.router->route({ui::SetVolume{0.8f}, ui::ChangeVolume{0.05f}});
    CHECK(r.playback.volume() == 0.85); // exactly: settings.json says 0.85
    r.router->route({ui::ChangeVolume{1.0f}});
    CHECK(r.playback.volume() == 1.0);
    r.router->route({ui::ToggleMute{}});
    CHECK(r.playback.muted());

    KioskConfig k;
    k.maxVolume = 0.3;
    Rig kiosk(k);
    kiosk.router->route({ui::SetVolume{0.9f}});
    CHECK(kiosk.playback.volume() == Approx(0.3));
    kiosk.router->route({ui::SetVolume{0.1f}, ui::ChangeVolume{0.5f}});
    CHECK(kiosk.playback.volume() == Approx(0.3));
}

TEST_CASE("Text size and theme go to the display's owner; a kiosk counts them as a visitor's choice") {
    Rig r;
    r.router->route({ui::StepTextSize{+1}, ui::StepTextSize{+1}});
    CHECK(r.display.preferences().textScale == 1.5);
    CHECK(r.app.toasts.back() == "Text 150 %");
    r.router->route({ui::SetTextSize{3.1}});
    CHECK(r.display.preferences().textScale == 3.0); // the nearest size offered
    r.router->route({ui::SetTheme{ui::ThemeId::HighContrast}, ui::SetLineSpacing{1.75}, ui::SetControlsSize{1.5}});
    CHECK(r.display.preferences().theme == ui::ThemeId::HighContrast);
    CHECK(r.display.preferences().lineSpacing == 1.75);
    CHECK(r.display.preferences().controlsScale == 1.5);
}

TEST_CASE("Kiosk commands reach the kiosk session; search and copy are refused where the kiosk has none") {
    KioskConfig k;
    k.searchAndCopy = false;
    Rig r(k);
    REQUIRE(r.kiosk->showsAttract());
    r.router->route({ui::FocusSearch{}, ui::CopyText{"x"}});
    CHECK(r.app.searchFocused == 0);
    CHECK(r.app.toasts.empty());
    r.router->route({ui::StartListening{}});
    CHECK_FALSE(r.kiosk->showsAttract());
    CHECK(r.playback.status().playing);
    r.router->route({ui::KioskFinish{}});
    REQUIRE(r.app.kioskActions.size() == 1);
    CHECK(r.app.kioskActions[0] == KioskAction::ResetToDefaults);
    r.router->route({ui::StartReading{}});
    CHECK(r.app.sectionsOpened == std::vector<std::size_t>{0});

    Rig desktop; // outside kiosk mode the kiosk's commands do nothing, search works
    desktop.router->route({ui::StartListening{}, ui::KioskFinish{}, ui::PinSubmit{}, ui::FocusSearch{}});
    CHECK(desktop.app.kioskActions.empty());
    CHECK_FALSE(desktop.playback.status().playing);
    CHECK(desktop.app.searchFocused == 1);
    desktop.router->route({ui::Quit{}});
    CHECK(desktop.app.quitAsked);
}
