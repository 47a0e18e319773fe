// Redrawing only what changed: FrameDamage finds the changed regions of an
// ImGui frame, and the real window (under xvfb-run) shows exactly the pixels a
// whole redraw would, in every drawing mode.

#include "player/platform/app_window.h"
#include "player/platform/frame_damage.h"
#include "support/headless_imgui.h"

#include <SDL.h>
#include <catch2/catch.hpp>
#include <imgui.h>

#include <string>
#include <vector>

using namespace la;
using player::FrameDamage;
using player::PixelRect;

namespace {

// A window of text lines; `word` picks one line to draw in another colour and
// `barX` moves a small filled box: the two kinds of change a playing episode
// makes (a word highlight, the seek bar).
void drawScene(int word, float barX) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("scene", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    for (int i = 0; i < 12; ++i) {
        ImVec4 colour = i == word ? ImVec4(0.9f, 0.2f, 0.1f, 1) : ImVec4(0.1f, 0.1f, 0.1f, 1);
        ImGui::TextColored(colour, "Line %d of the transcript, with a few words on it", i);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled({20, 300}, {400, 310}, IM_COL32(200, 200, 200, 255), 4);
    dl->AddRectFilled({20, 300}, {barX, 310}, IM_COL32(30, 60, 120, 255), 4);
    dl->AddCircleFilled({barX, 305}, 9, IM_COL32(30, 60, 120, 200));
    ImGui::End();
}

std::vector<PixelRect> damageOf(FrameDamage& damage, int word, float barX, uint32_t clear = 0xffeeeeee) {
    ImGui::NewFrame();
    drawScene(word, barX);
    ImGui::Render();
    ImVec2 size = ImGui::GetIO().DisplaySize;
    return damage.update(*ImGui::GetDrawData(), int(size.x), int(size.y), clear);
}

bool covers(const std::vector<PixelRect>& rects, float x, float y) {
    for (const PixelRect& r : rects)
        if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return true;
    return false;
}

long areaOf(const std::vector<PixelRect>& rects) {
    long a = 0;
    for (const PixelRect& r : rects) a += long(r.width()) * r.height();
    return a;
}

} // namespace

TEST_CASE("Frame damage: the first frame is whole, an identical one is nothing", "[redraw]") {
    test::HeadlessImGui imgui({640, 400});
    FrameDamage damage;
    // ImGui lays a new window out over its first frames; let it settle.
    damageOf(damage, 1, 100);
    damageOf(damage, 1, 100);
    damage.invalidate();
    CHECK(damageOf(damage, 1, 100) == std::vector<PixelRect>{{0, 0, 640, 400}});
    CHECK(damageOf(damage, 1, 100).empty());
    CHECK(damageOf(damage, 1, 100).empty());
    // A new clear colour changes every pixel, drawn on or not.
    CHECK(damageOf(damage, 1, 100, 0xff000000) == std::vector<PixelRect>{{0, 0, 640, 400}});
}

TEST_CASE("Frame damage: a changed line and a moved bar are found, the rest is left", "[redraw]") {
    test::HeadlessImGui imgui({640, 400});
    FrameDamage damage;
    for (int i = 0; i < 3; ++i) damageOf(damage, 1, 100);

    auto lineY = [](int i) { // the text lines' centres, as ImGui laid them out
        return ImGui::GetStyle().WindowPadding.y + (ImGui::GetTextLineHeightWithSpacing()) * float(i) +
               ImGui::GetTextLineHeight() / 2;
    };
    std::vector<PixelRect> rects = damageOf(damage, 5, 100);
    INFO("line 1 at y " << lineY(1) << ", line 5 at y " << lineY(5));
    CHECK(covers(rects, 60, lineY(1)));  // its colour went back
    CHECK(covers(rects, 60, lineY(5)));  // its colour changed
    CHECK_FALSE(covers(rects, 60, lineY(9)));
    CHECK_FALSE(covers(rects, 100, 305)); // the bar did not move
    CHECK(areaOf(rects) < 640 * 400 / 4);

    rects = damageOf(damage, 5, 180);
    CHECK(covers(rects, 150, 305)); // between the old and the new end of the bar
    CHECK(covers(rects, 182, 297)); // the knob's new place
    CHECK_FALSE(covers(rects, 60, lineY(5)));
    CHECK_FALSE(covers(rects, 380, 305)); // the track beyond the knob is unchanged
}

TEST_CASE("Frame damage: changed tiles merge into few rectangles that cover them all", "[redraw]") {
    const int cols = 8, rows = 6, tile = 10;
    std::vector<bool> changed(size_t(cols * rows));
    auto set = [&](int c, int r) { changed[size_t(r * cols + c)] = true; };
    set(1, 1), set(2, 1), set(1, 2), set(2, 2); // a 2×2 block
    set(6, 4);                                  // a lone tile
    std::vector<PixelRect> rects = player::mergeChangedTiles(changed, cols, tile, 75, 60, 4);
    REQUIRE(rects.size() == 2);
    CHECK(rects[0] == PixelRect{10, 10, 30, 30});
    CHECK(rects[1] == PixelRect{60, 40, 70, 50});

    // More pieces than allowed: joined, and still covering every changed tile.
    std::fill(changed.begin(), changed.end(), false);
    for (int c = 0; c < cols; c += 2) set(c, (c / 2) % rows);
    rects = player::mergeChangedTiles(changed, cols, tile, 75, 60, 2);
    CHECK(rects.size() == 2);
    for (int c = 0; c < cols; c += 2) CHECK(covers(rects, c * tile + 5.0f, (c / 2) % rows * tile + 5.0f));
    // The last column is cut to the framebuffer.
    std::fill(changed.begin(), changed.end(), false);
    set(7, 5);
    CHECK(player::mergeChangedTiles(changed, cols, tile, 75, 60, 4) == std::vector<PixelRect>{{70, 50, 75, 60}});
}

namespace {

struct Frame {
    std::vector<unsigned char> rgba;
    int w = 0, h = 0;
};

Frame renderScene(player::AppWindow& window, int word, float barX) {
    window.beginFrame();
    drawScene(word, barX);
    window.render();
    Frame f;
    window.readFrame(f.rgba, f.w, f.h);
    window.present();
    return f;
}

} // namespace

TEST_CASE("Partial redraw shows exactly what a whole redraw shows, in every mode", "[redraw][window]") {
    using Mode = player::PartialRedraw::Mode;
    std::string error;
    auto window = player::AppWindow::create({"redraw test", 480, 360, false}, error);
    REQUIRE(window); // tests run under xvfb-run
    const Mode best = window->redrawMode();
    CHECK(best != Mode::Whole); // Mesa on X11 offers at least framebuffer objects

    for (Mode mode : {Mode::InPlace, Mode::Offscreen}) {
        window->setRedrawMode(mode);
        INFO("mode " << int(window->redrawMode()));
        // A run of small changes, each drawn over the pixels of the last...
        for (int i = 0; i < 4; ++i) renderScene(*window, 1, 40);
        long smallest = 480L * 360;
        Frame partial;
        for (int step = 0; step < 10; ++step) {
            partial = renderScene(*window, 2 + step % 7, 40 + 30.0f * float(step));
            smallest = std::min(smallest, areaOf(window->lastDamage()));
        }
        CHECK(smallest < 480L * 360 / 3); // small changes were drawn as small regions
        // ...then the same frame drawn whole.
        window->setRedrawMode(Mode::Whole);
        Frame whole = renderScene(*window, 2 + 9 % 7, 40 + 30.0f * 9);
        REQUIRE(whole.w == partial.w);
        REQUIRE(whole.h == partial.h);
        size_t differing = 0;
        for (size_t i = 0; i < whole.rgba.size(); ++i) differing += whole.rgba[i] != partial.rgba[i];
        CHECK(differing == 0);
        window->setRedrawMode(best);
    }
}
