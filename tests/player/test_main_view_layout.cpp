// The main view's layout as the player draws it (the bundled DejaVu fonts at
// 20 px, the light theme's sizes), headless: in the default 1280x800 window
// at 100 % text one look shows the transcript line being heard, the chapter
// list with the current chapter, and the article at the current chapter's
// section, all at once.

#include "player/episode_content.h"
#include "support/headless_imgui.h"
#include "ui/fonts.h"
#include "ui/main_view.h"
#include "ui/theme.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <string>

using namespace la;
using namespace la::ui;

namespace {

const std::string kEpisode = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";

/// A headless context with the player's fonts and style at `textScale`.
struct PlayerLikeImGui : test::HeadlessImGui {
    FontSet fonts;
    PlayerLikeImGui(ImVec2 display, double textScale)
        : HeadlessImGui(display), fonts(test::usePlayerFonts(textScale, ThemeId::Light, display.y)) {}

    void frames(int n, const MainViewState& state, MainViewUi& view) {
        view.transcript.readingFont = view.article.readingFont = fonts.reading;
        view.article.headingFont = fonts.readingBold;
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            drawMainView(state, view);
            ImGui::Render();
        }
    }
};

// How much of [min, max] lies inside [areaMin, areaMax] vertically, in pixels.
float visibleHeight(ImVec2 min, ImVec2 max, ImVec2 areaMin, ImVec2 areaMax) {
    return std::max(0.0f, std::min(max.y, areaMax.y) - std::max(min.y, areaMin.y));
}

bool inside(ImVec2 min, ImVec2 max, ImVec2 areaMin, ImVec2 areaMax) {
    return min.x >= areaMin.x && min.y >= areaMin.y && max.x <= areaMax.x && max.y <= areaMax.y;
}

} // namespace

TEST_CASE("1280x800 at 100 %: the line being heard, the chapter list and the chapter's article section in one look") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    REQUIRE(content.article);
    PlayerLikeImGui ui({1280, 800}, 1.0);
    const float fs = ui.fonts.uiPx;
    MainViewState state;
    state.title = "New Cancer Treatments \u2013 Immunotherapy and Targeted Therapy";
    MainViewUi view;

    // Playing, at several chapters: the first, some in the middle, the last.
    for (double position : {10.0, 100.0, 200.0, 250.0, 400.0}) {
        player::fillContentViews(content, position, state);
        ui.frames(4, state, view);
        INFO("at " << position << " s");
        REQUIRE_FALSE(view.tabbed);
        REQUIRE(view.split); // chapters and article both shown, not as two tabs

        // The transcript line being heard.
        REQUIRE(state.transcript.currentCue);
        const TranscriptHitBoxes& t = view.transcript.hit;
        bool cueShown = false;
        for (const auto& r : t.rows) {
            if (r.cue == *state.transcript.currentCue) cueShown = inside(r.min, r.max, t.listMin, t.listMax);
        }
        CHECK(cueShown);

        // The chapter list: the current chapter whole, and more than one row in view.
        const ChaptersHitBoxes& c = view.chapters.hit;
        REQUIRE(state.chapters.currentChapter);
        CHECK(c.listMax.y - c.listMin.y >= fs * 5);
        int rowsShown = 0;
        bool currentShown = false;
        for (const auto& r : c.rows) {
            if (visibleHeight(r.min, r.max, c.listMin, c.listMax) >= (r.max.y - r.min.y) * 0.5f) ++rowsShown;
            if (r.chapter == *state.chapters.currentChapter) currentShown = inside(r.min, r.max, c.listMin, c.listMax);
        }
        CHECK(currentShown);
        CHECK(rowsShown >= 2);

        // The article: the current chapter's section heading at the top, with
        // several lines of its text below it, and below the chapter list.
        const ArticleHitBoxes& a = view.article.hit;
        REQUIRE(state.article.currentSection);
        CHECK(view.article.scrolledSection == state.article.currentSection);
        REQUIRE(a.currentMax.y > a.currentMin.y);
        CHECK(inside(a.currentMin, a.currentMax, a.textMin, a.textMax));
        INFO("current section " << a.currentMin.y - a.textMin.y << " px below the top of the article text");
        CHECK(a.currentMin.y - a.textMin.y <= fs * 2); // at the top (padding and the section rule above it)
        CHECK(a.textMax.y - a.currentMax.y >= fs * 3);    // room for its first lines
        CHECK(a.textMin.y >= c.listMax.y);
        CHECK(a.textMin.x >= t.listMax.x); // beside the transcript, not over it
    }
}

/// The main view at 1:40 after a few frames in a display of `size` at `textScale`.
struct ViewAt100s {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    MainViewState state;
    MainViewUi view;
    PlayerLikeImGui ui;
    FontSet& fonts = ui.fonts;
    ViewAt100s(ImVec2 size, double textScale, double position = 100.0) : ui(size, textScale) {
        state.title = "Episode";
        player::fillContentViews(content, position, state);
        ui.frames(3, state, view);
    }
};

TEST_CASE("Chapters and article stay side by side in bigger windows, and are tabs in a short one") {
    ViewAt100s big({1920, 1080}, 1.0);
    CHECK_FALSE(big.view.tabbed);
    CHECK(big.view.split);

    ViewAt100s shortWindow({1280, 560}, 1.0);
    CHECK_FALSE(shortWindow.view.tabbed);
    CHECK_FALSE(shortWindow.view.split);
    CHECK_FALSE(shortWindow.view.chapters.hit.rows.empty()); // the tabbed column still shows the chapter list
}

TEST_CASE("Reading layout: the words get at least half the window at every size, and grow with the text") {
    for (ImVec2 size : {ImVec2{800, 480}, ImVec2{1024, 600}, ImVec2{1280, 800}, ImVec2{1920, 1080}, ImVec2{2560, 1440}}) {
        for (double scale : {1.0, 2.0, 3.0, 4.0}) {
            ViewAt100s v(size, scale);
            const TranscriptHitBoxes& t = v.view.transcript.hit;
            const float area = t.listMax.y - t.listMin.y;
            INFO(size.x << "x" << size.y << " at " << scale * 100 << " %: transcript " << area << " px of " << size.y);
            CHECK(area >= size.y * 0.5f);
            // The words being heard are never smaller than a control's label.
            CHECK(v.fonts.reading->FontSize >= v.fonts.ui->FontSize);
            // The line being heard starts in the upper third; one taller than
            // the view shows the word being heard instead.
            bool placed = false;
            for (const auto& r : t.rows) {
                if (r.cue != v.state.transcript.currentCue) continue;
                placed = r.min.y >= t.listMin.y - 1 && r.min.y <= t.listMin.y + area / 3;
                if (r.max.y - r.min.y > area) placed = t.wordMin.y >= t.listMin.y - 2 && t.wordMax.y <= t.listMax.y + 2;
            }
            CHECK(placed);
        }
    }
}

TEST_CASE("400 % in 1280x800: three whole lines of the line being heard, with its time and speaker") {
    // 1:40, a cue of four lines at 400 % that only just fits the view, its
    // last word being heard (the view is shorter in its first frame: the line
    // must be placed again, not left scrolled to that word); 2:07, a short
    // cue; 7:38, the longest, its second word being heard.
    for (double position : {100.0, 127.0, 458.0}) {
        ViewAt100s v({1280, 800}, 4.0, position);
        const TranscriptHitBoxes& t = v.view.transcript.hit;
        const float lineH = std::round(v.fonts.reading->FontSize * v.view.transcript.lineSpacing);
        bool found = false;
        for (const auto& r : t.rows) {
            if (r.cue != v.state.transcript.currentCue) continue;
            found = true;
            INFO("at " << position << " s: cue " << r.min.y << "-" << r.max.y << ", list " << t.listMin.y << "-" << t.listMax.y);
            // Header (time and speaker) plus three lines, all inside the list.
            CHECK(visibleHeight(r.min, r.max, t.listMin, t.listMax) >= std::min(r.max.y - r.min.y, lineH * 4));
            CHECK(r.min.y >= t.listMin.y - 1);
        }
        CHECK(found);
    }
}

TEST_CASE("Bigger text pressed in the header: when the layout turns to tabs, the Settings tab with the control is open") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    MainViewState state;
    state.title = "Episode";
    player::fillContentViews(content, 100.0, state);
    MainViewUi view;
    {
        PlayerLikeImGui ui({1280, 800}, 1.0);
        ui.frames(2, state, view);
        REQUIRE_FALSE(view.tabbed);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = {(view.displayBar.biggerMin.x + view.displayBar.biggerMax.x) * 0.5f,
                       (view.displayBar.biggerMin.y + view.displayBar.biggerMax.y) * 0.5f};
        ui.frames(1, state, view);
        io.MouseDown[0] = true;
        ui.frames(1, state, view);
        io.MouseDown[0] = false;
        bool pressed = false;
        ImGui::NewFrame(); // the release: Bigger text is pressed
        for (const Command& c : drawMainView(state, view)) pressed |= std::holds_alternative<StepTextSize>(c);
        ImGui::Render();
        REQUIRE(pressed);
    }
    PlayerLikeImGui bigger({1280, 800}, 2.0); // the next frame, at the new size
    bigger.frames(2, state, view);
    REQUIRE(view.tabbed);
    CHECK(view.tab == ContentTab::Settings);
}

TEST_CASE("Read this section at 300 and 400 %: the section's heading at the top of the article, its text below") {
    for (double scale : {3.0, 4.0}) {
        ViewAt100s v({1280, 800}, scale, 309.0);
        REQUIRE(v.view.tabbed);
        REQUIRE(v.state.article.currentSection);
        openArticleSection(v.view, *v.state.article.currentSection);
        v.ui.frames(4, v.state, v.view);
        REQUIRE(v.view.tab == ContentTab::Article);
        const ArticleHitBoxes& a = v.view.article.hit;
        INFO(scale * 100 << " %: heading " << a.currentMin.y - a.textMin.y << " px below the top of the article, which is "
                         << a.textMax.y - a.textMin.y << " px of 800");
        CHECK(a.textMax.y - a.textMin.y >= 800 * 0.5f);
        CHECK(a.currentMin.y - a.textMin.y <= v.fonts.ui->FontSize);
        CHECK(a.textMax.y - a.currentMax.y >= v.fonts.reading->FontSize * 1.5f); // a line of its text
    }
}

TEST_CASE("Chapters at 300 and 400 %: titles at the reading size, the chapter being heard whole in view") {
    for (double scale : {3.0, 4.0}) {
        ViewAt100s v({1280, 800}, scale, 309.0);
        v.view.selectTab = ContentTab::Chapters;
        v.ui.frames(4, v.state, v.view);
        REQUIRE(v.view.tab == ContentTab::Chapters);
        const ChaptersHitBoxes& c = v.view.chapters.hit;
        REQUIRE(v.state.chapters.currentChapter);
        bool whole = false;
        for (const auto& r : c.rows) {
            if (r.chapter != *v.state.chapters.currentChapter) continue;
            INFO(scale * 100 << " %: current row " << r.min.y << "-" << r.max.y << " in a list " << c.listMin.y << "-" << c.listMax.y);
            whole = inside(r.min, r.max, c.listMin, c.listMax);
            // Its title (two lines or more at this size) in the reading font, taller than a control's label.
            CHECK(r.max.y - r.min.y >= v.fonts.reading->FontSize * 2);
        }
        CHECK(whole);
    }
}
