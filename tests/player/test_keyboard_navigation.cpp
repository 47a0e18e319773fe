// The keyboard in the real window under Xvfb, with keys sent by xdotool the
// way a keyboard user presses them (issue #13): Tab shows the focus, F6 jumps
// to the transcript's region, Tab reaches the line being heard, Down moves
// line by line and Space plays from the focused line; Escape hides the focus
// and the shortcut keys work again; and the focus outline is on screen, in
// the theme's focus colour, as a rectangle several pixels thick around the
// focused control.
#include "player/episode_content.h"
#include "support/ogg_fixture.h"
#include "support/x11_session.h"
#include "transcripts/time_lookup.h"
#include "transcripts/transcript_file.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <catch2/catch.hpp>
#include <stb_image.h>

#include <cmath>
#include <cstdlib>
#include <memory>

using namespace la;

namespace {

const std::string kAssets = std::string(LA_SOURCE_DIR) + "/assets/episode/";

/// The player paused at 1:00 in a 1280x800 window; `keys` are sent (xdotool
/// key names, one at a time) after Tab, then it runs until `quitAfter`.
struct KeyboardRun {
    test::TempDir dir;
    std::string state = dir.file("state.json");
    std::string png = dir.file("screen.png");
    int exitCode = -1;

    KeyboardRun(const std::vector<std::string>& keys, const std::string& options, double quitAfter = 5) {
        test::BackgroundPlayer p("env SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME='" + dir.file("config") + "' '" LA_PLAYER_EXE
                                 "' --start 60 --size 1280x800 --quit-after " + std::to_string(quitAfter) +
                                 " --state-file '" + state + "' --screenshot '" + png + "' " + options + " 2>/dev/null");
        std::string wid = p.window();
        REQUIRE_FALSE(wid.empty());
        test::shell("xdotool windowfocus --sync " + wid);
        test::sleepSeconds(0.8); // a few frames: the transcript has scrolled to 1:00
        test::shell("xdotool key Tab");
        for (const std::string& k : keys) {
            test::sleepSeconds(0.15);
            test::shell("xdotool key " + k);
        }
        exitCode = p.waitExit(quitAfter + 15);
    }
};

} // namespace

/// The line `steps` after the one heard at 1:00 was played from: the player
/// stopped paused at its start.
void checkPlayedFromLine(const KeyboardRun& run, int steps) {
    auto j = test::readJsonFile(run.state);
    REQUIRE(j.is_object());
    INFO(j.dump());
    transcripts::Transcript t = transcripts::loadTranscript(kAssets + "episode.vtt");
    REQUIRE(j["cue"].is_number());
    const size_t heard = transcripts::cueBeingHeard(t.cues, 60.0).value();
    const size_t cue = j["cue"].get<size_t>();
    CHECK(cue == heard + size_t(steps));
    CHECK(j["position"].get<double>() == Approx(t.cues[cue].start).margin(0.01));
    CHECK_FALSE(j["playing"].get<bool>()); // Space pressed the line: not play/pause
}

TEST_CASE("Keyboard: Tab, F6 to the transcript, Tab to the line being heard, Down twice and Space play from that line") {
    REQUIRE(test::haveX11Tools()); // scripts/test.sh runs under xvfb-run with xdotool installed
    // Tab: the first control (Smaller text); F6: the transcript's region
    // (Search); Tab: Copy line; Tab: the transcript, on the line being heard.
    KeyboardRun run({"F6", "Tab", "Tab", "Down", "Down", "space"}, "--text-size 100 --theme light", 6);
    REQUIRE(run.exitCode == 0);
    checkPlayedFromLine(run, 2);
}

// Issue #11: at 400 % text (1280x800: one pane, one transport row) the
// keyboard still reaches everything.
TEST_CASE("Keyboard at 400 %: Tab and F6 reach a transcript line and Space plays from it") {
    REQUIRE(test::haveX11Tools());
    // Tab: the Transcript view tab; F6: Search; Tab: Copy line; Tab: the line being heard.
    KeyboardRun run({"F6", "Tab", "Tab", "Down", "space"}, "--text-size 400 --theme light", 6);
    REQUIRE(run.exitCode == 0);
    auto j = test::readJsonFile(run.state);
    REQUIRE(j.is_object());
    CHECK(j["settings"]["textSize"].get<double>() == Approx(4.0));
    checkPlayedFromLine(run, 1);
}

TEST_CASE("Keyboard: a dialog closed with Escape gives the focus back where it was") {
    REQUIRE(test::haveX11Tools());
    // Tab: Smaller text; Tab: Bigger text; F1 opens the sheet of keys (it takes
    // the focus); Escape closes it; Enter presses what has the focus again.
    KeyboardRun run({"Tab", "F1", "Escape", "Return"}, "--text-size 100 --theme light", 6);
    REQUIRE(run.exitCode == 0);
    auto j = test::readJsonFile(run.state);
    REQUIRE(j.is_object());
    INFO(j.dump());
    CHECK(j["settings"]["textSize"].get<double>() > 1.0); // Bigger text was pressed
    CHECK_FALSE(j["playing"].get<bool>());
}

TEST_CASE("Keyboard at 400 %: Escape hides the focus, then the shortcut keys change speed and text size and play") {
    REQUIRE(test::haveX11Tools());
    KeyboardRun run({"Escape", "bracketright", "bracketright", "ctrl+minus", "space"}, "--text-size 400 --theme dark", 6);
    REQUIRE(run.exitCode == 0);
    auto j = test::readJsonFile(run.state);
    REQUIRE(j.is_object());
    INFO(j.dump());
    CHECK(j["settings"]["speed"].get<double>() == Approx(1.1));
    CHECK(j["settings"]["textSize"].get<double>() == Approx(3.5));
    CHECK(j["playing"].get<bool>());
    CHECK(j["position"].get<double>() > 60.5);
}

namespace {

struct Image {
    int w = 0, h = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> rgb{nullptr, stbi_image_free};
    explicit Image(const std::string& path) {
        int channels = 0;
        rgb.reset(stbi_load(path.c_str(), &w, &h, &channels, 3));
    }
    const unsigned char* at(int x, int y) const { return rgb.get() + (size_t(y) * w + x) * 3; }
};

/// Pixels of `colour` (within a small tolerance for blending at the edges of
/// anti-aliased lines: only nearly solid pixels count).
struct ColourMask {
    const Image& img;
    unsigned char want[3];
    ColourMask(const Image& i, const ImVec4& c) : img(i) {
        want[0] = (unsigned char)std::lround(c.x * 255), want[1] = (unsigned char)std::lround(c.y * 255),
        want[2] = (unsigned char)std::lround(c.z * 255);
    }
    bool operator()(int x, int y) const {
        if (x < 0 || y < 0 || x >= img.w || y >= img.h) return false;
        const unsigned char* p = img.at(x, y);
        for (int k = 0; k < 3; ++k) {
            if (std::abs(int(p[k]) - int(want[k])) > 12) return false;
        }
        return true;
    }
};

/// Consecutive mask pixels from (x, y) stepping by (dx, dy).
int bandLength(const ColourMask& m, int x, int y, int dx, int dy) {
    int n = 0;
    while (m(x + dx * n, y + dy * n)) ++n;
    return n;
}

} // namespace

TEST_CASE("Keyboard: the focus outline is drawn around the focused control, thick and in the theme's colour") {
    REQUIRE(test::haveX11Tools());
    // 200 %: the outline is 0.18 font sizes thick (7 px), ImGui's own 2 px and
    // the panes' own 0.1 font sizes (4 px) are thinner, so only ours passes.
    const float fs = ui::fontPxForScale(2.0);
    for (ui::ThemeId theme : {ui::ThemeId::Light, ui::ThemeId::HighContrast}) {
        const char* name = theme == ui::ThemeId::Light ? "light" : "high-contrast";
        INFO("theme " << name);
        KeyboardRun run({"Down"}, std::string("--text-size 200 --theme ") + name, 3);
        REQUIRE(run.exitCode == 0);
        Image img(run.png);
        REQUIRE(img.rgb);
        ColourMask mask(img, ui::paletteFor(theme).focusOutline);

        int minX = img.w, minY = img.h, maxX = -1, maxY = -1;
        for (int y = 0; y < img.h; ++y) {
            for (int x = 0; x < img.w; ++x) {
                if (!mask(x, y)) continue;
                minX = std::min(minX, x), maxX = std::max(maxX, x);
                minY = std::min(minY, y), maxY = std::max(maxY, y);
            }
        }
        REQUIRE(maxX >= 0); // some focus colour on screen
        INFO("outline bounds " << minX << "," << minY << " to " << maxX << "," << maxY);
        CHECK(maxY - minY >= 48); // around a finger-sized control
        CHECK(maxX - minX >= 48);
        // A closed rectangle: each side, at its middle, is a band this thick.
        const int midX = (minX + maxX) / 2, midY = (minY + maxY) / 2;
        const int thick = int(fs * 0.12f); // 4 px of solid colour at 40 px text
        CHECK(bandLength(mask, midX, minY, 0, 1) >= thick + 1);
        CHECK(bandLength(mask, midX, maxY, 0, -1) >= thick + 1);
        CHECK(bandLength(mask, minX, midY, 1, 0) >= thick + 1);
        CHECK(bandLength(mask, maxX, midY, -1, 0) >= thick + 1);
    }
}
