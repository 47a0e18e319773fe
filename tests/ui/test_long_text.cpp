// Very long text in every pane: an article paragraph, a heading and a chapter
// title of tens of thousands of characters, a 10 MB single-word cue and
// 100,000 chapters. ImGui's 16-bit vertex indices cap one draw list at 65,536
// vertices (4 per glyph): each must draw only what is visible, in pieces, and
// stay fast enough to draw every frame.

#include "support/headless_imgui.h"
#include "transcripts/article.h"
#include "ui/article_pane.h"
#include "ui/chapters_pane.h"
#include "ui/transcript_pane.h"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>
#include <vector>

using namespace la;
using namespace la::ui;

namespace {

// Words that wrap: a realistic paragraph, just very long.
std::string longWords(size_t bytes) {
    std::string s;
    while (s.size() < bytes) s += "immunotherapy helps the body fight cancer ";
    s.resize(bytes);
    return s;
}

struct Frames : test::HeadlessImGui {
    explicit Frames(ImVec2 size) : HeadlessImGui(size) { fonts = test::usePlayerFonts(1.0); }
    ui::FontSet fonts;

    // Draws `n` frames and returns the largest vertex count of any draw list
    // (ImGui asserts, aborting the player, when one passes 65,536).
    int frames(int n, const std::function<void()>& draw) {
        int most = 0;
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            ImGui::SetNextWindowPos({0, 0});
            ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
            ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
            draw();
            ImGui::End();
            ImGui::EndFrame();
            // What Render() would hand the renderer, counted before the
            // assertion in Render() could fire.
            for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
                if (w->Active) most = std::max(most, w->DrawList->VtxBuffer.Size);
            }
            ImGui::Render();
        }
        return most;
    }
};

// Three frames of the chapter list with `current` being heard; the most vertices in a draw list.
int drawChapters(Frames& ui, const std::vector<ChapterRow>& rows, size_t current, ChaptersPaneState& st) {
    ChaptersVM vm;
    vm.rows = &rows;
    vm.currentChapter = current;
    return ui.frames(3, [&] { drawChaptersPane(vm, st); });
}

} // namespace

TEST_CASE("Long text: a 20,000-character paragraph and heading draw at every scroll position") {
    const std::string md = "# Title\n\n## Section one\n\n" + longWords(20000) + "\n\n## " + longWords(18000) +
                           "\n\nShort text after it.\n";
    transcripts::Article article = transcripts::parseArticle(md, "article.md");
    REQUIRE(article.sections.size() == 2);
    Frames ui({1280, 800});
    ArticlePaneState st;
    ArticleVM vm;
    vm.article = &article;
    auto draw = [&] { drawArticlePane(vm, st); };
    CHECK(ui.frames(3, draw) < 65536);
    // Every part of the text in turn: the draw list holds what is on screen.
    ImGuiWindow* text = nullptr;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->ScrollMax.y > 0) text = w;
    REQUIRE(text != nullptr);
    const float end = text->ScrollMax.y;
    CHECK(end > 4000.0f); // both are laid out whole (about 300 lines), not cut
    for (float y = 0; y <= end + 1; y += end / 7) {
        ImGui::SetScrollY(text, y);
        CHECK(ui.frames(2, draw) < 65536);
    }
}

TEST_CASE("Long text: a 26 KB hard-wrapped article paragraph draws") {
    std::string md = "# Title\n\n## Section\n\n";
    for (int i = 0; i < 300; ++i) md += "cancer treatment word cancer treatment word cancer treatment word cancer\n";
    transcripts::Article article = transcripts::parseArticle(md, "article.md");
    Frames ui({1920, 1080});
    ArticlePaneState st;
    ArticleVM vm;
    vm.article = &article;
    CHECK(ui.frames(3, [&] { drawArticlePane(vm, st); }) < 65536);
}

TEST_CASE("Long text: a chapter title of 20,000 characters draws, wrapped") {
    std::vector<ChapterRow> rows{{0, 0.0, longWords(20000), ""}, {1, 60.0, "Second", ""}};
    Frames ui({1280, 800});
    ChaptersPaneState st;
    CHECK(drawChapters(ui, rows, 0, st) < 65536);
    REQUIRE(!st.hit.rows.empty());
    CHECK(st.hit.rows[0].max.y - st.hit.rows[0].min.y > 2000.0f); // wrapped onto many lines
}

TEST_CASE("Long text: 100,000 chapters draw only the rows in view, the current one among them") {
    std::vector<ChapterRow> rows;
    for (size_t i = 0; i < 100000; ++i) rows.push_back({i, double(i), "Chapter " + std::to_string(i), ""});
    Frames ui({1280, 800});
    ChaptersPaneState st;
    CHECK(drawChapters(ui, rows, 76543, st) < 65536);
    CHECK(st.hit.rows.size() < 40);
    bool currentDrawn = false;
    for (const auto& r : st.hit.rows) currentDrawn |= r.chapter == 76543 && r.min.y >= st.hit.listMin.y && r.max.y <= st.hit.listMax.y;
    CHECK(currentDrawn);
}

TEST_CASE("Long text: a 10 MB single-word cue draws") {
    std::vector<transcripts::Cue> cues(1);
    cues[0].start = 0, cues[0].end = 100, cues[0].speaker = "Host", cues[0].text = std::string(10000000, 'x');
    Frames ui({1280, 800});
    TranscriptPaneState st;
    TranscriptVM vm;
    vm.cues = &cues;
    vm.position = 50;
    vm.currentCue = 0;
    CHECK(ui.frames(3, [&] { drawTranscriptPane(vm, st); }) < 65536);
}

TEST_CASE("Long text: drawing only the rows in view keeps ImGui's own spacing, Read beside or below") {
    std::vector<ChapterRow> rows;
    for (size_t i = 0; i < 300; ++i)
        rows.push_back({i, double(i), i % 3 ? "Chapter " + std::to_string(i) : longWords(200), i % 2 ? "#s" : ""});
    for (ImVec2 size : {ImVec2{1280, 800}, ImVec2{340, 800}}) { // "Read this section" beside, then below
        Frames ui(size);
        ChaptersPaneState st;
        drawChapters(ui, rows, 150, st);
        REQUIRE(st.hit.rows.size() > 3);
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        int belowCount = 0;
        for (size_t k = 0; k + 1 < st.hit.rows.size(); ++k) {
            const auto& a = st.hit.rows[k];
            const auto& b = st.hit.rows[k + 1];
            const bool below = a.readMax.y != a.readMin.y && a.readMin.y >= a.max.y;
            // What ImGui's cursor would do: item height plus spacing; a Read
            // button below its row is followed by ImGui::Spacing().
            const float expected = below ? a.readMax.y + spacing * 2 : a.max.y + spacing;
            CHECK(b.min.y == Approx(expected).margin(1.0));
            belowCount += below;
        }
        CHECK((belowCount > 0) == (size.x < 400));
    }
}
