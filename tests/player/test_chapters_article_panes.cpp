// The chapter list and the article pane, headless, over the bundled episode's
// real chapters and article: a tap on a chapter seeks, "Read this section"
// asks for the chapter's section, "Listen from here" seeks to the section's
// chapter, follow mode scrolls the article to the current chapter's section,
// and at large text sizes the main view turns the panes into tabs.

#include "player/episode_content.h"
#include "support/headless_imgui.h"
#include "ui/article_pane.h"
#include "ui/chapters_pane.h"
#include "ui/main_view.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <functional>
#include <string>

using namespace la;
using namespace la::ui;

namespace {

const std::string kEpisode = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";

struct Headless : test::HeadlessImGui {
    explicit Headless(ImVec2 size = {900, 700}) : HeadlessImGui(size) {}

    Commands frames(int n, const std::function<Commands()>& draw) {
        Commands all;
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            ImGui::SetNextWindowPos({0, 0});
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
            Commands c = draw();
            ImGui::End();
            ImGui::Render();
            all.insert(all.end(), c.begin(), c.end());
        }
        return all;
    }
    Commands click(ImVec2 a, ImVec2 b, const std::function<Commands()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = {(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f};
        Commands all = frames(1, draw);
        io.MouseDown[0] = true;
        Commands c = frames(1, draw);
        io.MouseDown[0] = false;
        Commands d = frames(2, draw);
        all.insert(all.end(), c.begin(), c.end());
        all.insert(all.end(), d.begin(), d.end());
        return all;
    }
};

template <class T> const T* only(const Commands& c) {
    const T* found = nullptr;
    for (const Command& x : c) {
        if (auto* p = std::get_if<T>(&x)) {
            REQUIRE(found == nullptr);
            found = p;
        }
    }
    return found;
}

} // namespace

TEST_CASE("Chapter list: tap seeks, Read this section asks for its anchor, current chapter marked") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    REQUIRE(content.chapterRows.size() == 9);
    Headless ui;
    ChaptersPaneState st;
    MainViewState state;
    player::fillContentViews(content, content.chapters.chapters[2].start + 5, state); // chapter 3, "About the immune system"
    auto draw = [&] { return drawChaptersPane(state.chapters, st); };
    ui.frames(3, draw);
    REQUIRE(state.chapters.currentChapter == 2u);
    CHECK(st.shownChapter == 2u);
    REQUIRE(st.hit.rows.size() == 9);

    const auto& row = st.hit.rows[1];
    Commands c = ui.click(row.min, row.max, draw);
    REQUIRE(only<SeekTo>(c));
    CHECK(only<SeekTo>(c)->seconds == content.chapters.chapters[1].start);

    const auto& r3 = st.hit.rows[2];
    REQUIRE(r3.readMax.x > r3.readMin.x);
    CHECK(r3.readMax.y - r3.readMin.y >= 48);
    c = ui.click(r3.readMin, r3.readMax, draw);
    REQUIRE(only<ShowSection>(c));
    CHECK(only<ShowSection>(c)->anchor == "article.md#about-the-immune-system");
    auto section = transcripts::findSection(*content.article, only<ShowSection>(c)->anchor);
    REQUIRE(section);
    CHECK(content.article->sections[*section].title == "About the immune system");

    c = ui.click(st.hit.nextMin, st.hit.nextMax, draw);
    CHECK(only<NextChapter>(c));
    c = ui.click(st.hit.previousMin, st.hit.previousMax, draw);
    CHECK(only<PreviousChapter>(c));
}

TEST_CASE("toc:false chapters are not listed") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    content.chapters.chapters[4].toc = false;
    player::buildPaneModels(content);
    CHECK(content.chapterRows.size() == 8);
    for (const auto& r : content.chapterRows) CHECK(r.chapter != 4);
}

TEST_CASE("Article: Listen from here seeks to the section's chapter; follow scrolls to the current section") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    REQUIRE(content.article);
    Headless ui;
    ArticlePaneState st;
    MainViewState state;
    player::fillContentViews(content, 10.0, state);
    auto draw = [&] { return drawArticlePane(state.article, st); };
    ui.frames(3, draw);
    CHECK(st.scrolledSection == 0u);

    // Playback reaches chapter 6: the article follows to "How immunotherapy is given".
    player::fillContentViews(content, content.chapters.chapters[5].start + 5, state);
    ui.frames(3, draw);
    REQUIRE(st.scrolledSection);
    CHECK(content.article->sections[*st.scrolledSection].anchor == "how-immunotherapy-is-given");

    // Its "Listen from here" is the first button on screen now.
    REQUIRE(!st.hit.listen.empty());
    const ArticleHitBoxes::Section* listen = nullptr;
    for (const auto& l : st.hit.listen) {
        if (l.section == *st.scrolledSection) listen = &l;
    }
    REQUIRE(listen);
    CHECK(listen->listenMax.y - listen->listenMin.y >= 48);
    Commands c = ui.click(listen->listenMin, listen->listenMax, draw);
    REQUIRE(only<SeekTo>(c));
    CHECK(only<SeekTo>(c)->seconds == content.chapters.chapters[5].start);

    // "Read this section" for another one.
    st.showSection = 8;
    ui.frames(3, draw);
    CHECK(st.scrolledSection == 8u);
    CHECK(content.article->sections[8].title == "Review date and support");
}

namespace {

// Presses at `from`, moves the finger by `dy` in ten steps, lifts it.
Commands dragBy(Headless& ui, ImVec2 from, float dy, const std::function<Commands()>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = from;
    Commands all = ui.frames(1, draw);
    io.MouseDown[0] = true;
    for (int i = 0; i <= 10; ++i) {
        io.MousePos = {from.x, from.y + dy * float(i) / 10};
        Commands c = ui.frames(1, draw);
        all.insert(all.end(), c.begin(), c.end());
    }
    io.MouseDown[0] = false;
    Commands c = ui.frames(3, draw);
    all.insert(all.end(), c.begin(), c.end());
    return all;
}

} // namespace

TEST_CASE("Article and chapter list scroll by dragging; a drag that starts on a button does not press it") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    REQUIRE(content.article);
    Headless ui;
    MainViewState state;
    player::fillContentViews(content, 10.0, state);

    SECTION("article") {
        ArticlePaneState st;
        auto draw = [&] { return drawArticlePane(state.article, st); };
        ui.frames(3, draw);
        REQUIRE(st.hit.listen.size() >= 1);
        const auto before = st.hit.listen.front();
        Commands c = dragBy(ui, {(before.listenMin.x + before.listenMax.x) / 2, (before.listenMin.y + before.listenMax.y) / 2},
                            -200, draw);
        CHECK_FALSE(only<SeekTo>(c)); // the finger scrolled; it did not mean "Listen from here"
        const ArticleHitBoxes::Section* after = nullptr;
        for (const auto& l : st.hit.listen)
            if (l.section == before.section) after = &l;
        REQUIRE(after);
        CHECK(after->listenMin.y == Approx(before.listenMin.y - 200).margin(2));

        // A plain tap on a button still in view still works.
        const ArticleHitBoxes::Section* visible = nullptr;
        for (const auto& l : st.hit.listen)
            if (l.listenMin.y > 100 && l.listenMax.y < 650) visible = &l;
        REQUIRE(visible);
        c = ui.click(visible->listenMin, visible->listenMax, draw);
        CHECK(only<SeekTo>(c));
    }
    SECTION("chapter list") {
        ChaptersPaneState st;
        auto draw = [&] { return drawChaptersPane(state.chapters, st, {0, 300}); };
        ui.frames(3, draw);
        REQUIRE(st.hit.rows.size() >= 3);
        const auto before = st.hit.rows[1];
        Commands c = dragBy(ui, {(before.min.x + before.max.x) / 2, (before.min.y + before.max.y) / 2}, -100, draw);
        CHECK_FALSE(only<SeekTo>(c));
        CHECK(st.hit.rows[1].min.y == Approx(before.min.y - 100).margin(2));
    }
}

TEST_CASE("Main view: side by side when wide, tabs when the text is large; Read this section opens the Article tab") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    Headless ui({1280, 800});
    MainViewUi view;
    MainViewState state;
    state.title = "Episode";
    player::fillContentViews(content, 30.0, state);
    auto draw = [&] { return drawMainView(state, view); };
    ui.frames(2, draw);
    CHECK_FALSE(view.tabbed); // 1280 px > 60 x 13 px font
    CHECK(!view.transcript.hit.rows.empty());
    CHECK(!view.chapters.hit.rows.empty());

    ImGui::GetIO().DisplaySize = {600, 800}; // as narrow as 400 % text makes a 1280 px window
    ui.frames(2, draw);
    CHECK(view.tabbed);
    openArticleSection(view, 8);
    view.article.hit.listen.clear();
    ui.frames(3, draw);
    CHECK(view.article.scrolledSection == 8u);
    CHECK_FALSE(view.article.hit.listen.empty());
}

TEST_CASE("At 400 % text the panes are tabs and cue rows wrap inside the pane") {
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    Headless ui({1280, 800});
    ImGui::GetIO().FontGlobalScale = 4.0f; // stands in for a font built at 4x (ui/fonts.h)
    MainViewUi view;
    MainViewState state;
    player::fillContentViews(content, content.chapters.chapters[5].start + 5, state);
    auto draw = [&] { return drawMainView(state, view); };
    ui.frames(3, draw);
    CHECK(view.tabbed);
    REQUIRE_FALSE(view.transcript.hit.rows.empty());
    for (const auto& r : view.transcript.hit.rows) {
        CHECK(r.max.x <= view.transcript.hit.listMax.x);
        CHECK(r.max.y - r.min.y >= ImGui::GetFontSize() * 2); // header + at least one wrapped line
    }
    CHECK(view.transcript.hit.copyMax.y - view.transcript.hit.copyMin.y >= 48);
    // "Read this section" brings the Article forward even at this size.
    openArticleSection(view, 5);
    ui.frames(3, draw);
    CHECK(view.tab == ContentTab::Article);
    CHECK(view.article.scrolledSection == 5u);
}
