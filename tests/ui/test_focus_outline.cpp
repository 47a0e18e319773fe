// The focus outline (ui/focus_outline.h), headless: after the arrow keys move
// the keyboard focus down a scrolled list inside a padded child window (like
// the article text), the outline drawn on the foreground list surrounds the
// focused control, not a place offset by the child's padding and scroll.

#include "support/headless_imgui.h"
#include "ui/focus_outline.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace {

constexpr int kDownKey = 1; // an io.KeysDown index standing in for the arrow key

struct FocusRun : la::test::HeadlessImGui {
    ImVec2 focusedMin, focusedMax; ///< the focused button, last frame (zero: none)
    float childScroll = 0;

    FocusRun() : HeadlessImGui({800, 600}) {
        ImGuiIO& io = ImGui::GetIO();
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.KeyMap[ImGuiKey_DownArrow] = kDownKey;
        io.KeyMap[ImGuiKey_Space] = kDownKey + 1; // required by keyboard navigation (never pressed here)
    }

    void frame() {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        ImGui::Dummy({10, 100});
        ImGui::Indent(90);
        // Bordered, so it has window padding; taller content than itself, so it scrolls.
        ImGui::BeginChild("list", {300, 200}, true, ImGuiWindowFlags_NavFlattened);
        focusedMin = focusedMax = {};
        for (int i = 0; i < 40; ++i) {
            ImGui::PushID(i);
            ImGui::Button("Listen from here");
            if (ImGui::IsItemFocused()) focusedMin = ImGui::GetItemRectMin(), focusedMax = ImGui::GetItemRectMax();
            ImGui::PopID();
        }
        childScroll = ImGui::GetScrollY();
        ImGui::EndChild();
        ImGui::Unindent(90);
        ImGui::End();
        la::ui::drawFocusOutline();
        ImGui::Render();
    }

    void pressDown() {
        ImGui::GetIO().KeysDown[kDownKey] = true;
        frame();
        ImGui::GetIO().KeysDown[kDownKey] = false;
        frame();
    }
};

} // namespace

TEST_CASE("The focus outline surrounds the focused control in a scrolled, padded child") {
    FocusRun run;
    run.frame();
    for (int i = 0; i < 15; ++i) run.pressDown();
    run.frame();
    REQUIRE(run.focusedMax.x > run.focusedMin.x); // the arrows moved the focus onto a button
    REQUIRE(run.childScroll > 0);                 // and scrolled the list to it

    // The outline: vertices of the NavHighlight colour on the foreground list.
    const ImU32 rgb = ImGui::GetColorU32(ImGuiCol_NavHighlight) & ~IM_COL32_A_MASK;
    ImVec2 min{FLT_MAX, FLT_MAX}, max{-FLT_MAX, -FLT_MAX};
    const ImDrawList* fg = ImGui::GetForegroundDrawList();
    for (const ImDrawVert& v : fg->VtxBuffer) {
        if ((v.col & ~IM_COL32_A_MASK) != rgb || (v.col & IM_COL32_A_MASK) == 0) continue;
        min = {std::min(min.x, v.pos.x), std::min(min.y, v.pos.y)};
        max = {std::max(max.x, v.pos.x), std::max(max.y, v.pos.y)};
    }
    REQUIRE(max.x > min.x);
    INFO("focused " << run.focusedMin.x << "," << run.focusedMin.y << " to " << run.focusedMax.x << ","
                    << run.focusedMax.y << "; outline " << min.x << "," << min.y << " to " << max.x << "," << max.y);
    // Just outside the control on every side (a gap and the line's width).
    const float slack = ImGui::GetFontSize();
    CHECK(min.x <= run.focusedMin.x);
    CHECK(min.y <= run.focusedMin.y);
    CHECK(max.x >= run.focusedMax.x);
    CHECK(max.y >= run.focusedMax.y);
    CHECK(run.focusedMin.x - min.x <= slack);
    CHECK(run.focusedMin.y - min.y <= slack);
    CHECK(max.x - run.focusedMax.x <= slack);
    CHECK(max.y - run.focusedMax.y <= slack);
}
