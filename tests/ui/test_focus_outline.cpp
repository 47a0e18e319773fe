// The focus outline (ui/focus_outline.h), headless: after a focus request
// (what Tab or a screen reader sends, ui/semantic_scope.h) moves the keyboard
// focus to a control far down a list inside a padded child window (like the
// article text), the list has scrolled to it and the outline drawn on the
// foreground list surrounds it, not a place offset by the child's padding
// and scroll. A click hides the outline.

#include "support/headless_imgui.h"
#include "ui/focus_outline.h"
#include "ui/semantic_scope.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

namespace {

struct FocusRun : la::test::HeadlessImGui {
    ImVec2 focusedMin, focusedMax; ///< the focused button, last frame (zero: none)
    float childScroll = 0;
    std::vector<la::ui::SemanticRequest> requests;

    FocusRun() : HeadlessImGui({800, 600}) {}

    void frame() {
        ImGui::NewFrame();
        la::ui::beginKeyboardFocusFrame();
        la::ui::SemanticTree tree;
        tree.begin("test");
        la::ui::SemanticScope scope(&tree, &requests);
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
            la::ui::declareLastItem("listen/" + std::to_string(i), la::ui::SemanticRole::PushButton, "Listen from here");
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

    void focus(int button) {
        requests.push_back({"listen/" + std::to_string(button), la::ui::kFocus, 0});
        frame();
        requests.clear();
    }
};

/// The outline: vertices of the NavHighlight colour on the foreground list.
bool outlineBounds(ImVec2& min, ImVec2& max) {
    const ImU32 rgb = ImGui::GetColorU32(ImGuiCol_NavHighlight) & ~IM_COL32_A_MASK;
    min = {FLT_MAX, FLT_MAX}, max = {-FLT_MAX, -FLT_MAX};
    const ImDrawList* fg = ImGui::GetForegroundDrawList();
    for (const ImDrawVert& v : fg->VtxBuffer) {
        if ((v.col & ~IM_COL32_A_MASK) != rgb || (v.col & IM_COL32_A_MASK) == 0) continue;
        min = {std::min(min.x, v.pos.x), std::min(min.y, v.pos.y)};
        max = {std::max(max.x, v.pos.x), std::max(max.y, v.pos.y)};
    }
    return max.x > min.x;
}

} // namespace

TEST_CASE("The focus outline surrounds the focused control in a scrolled, padded child") {
    FocusRun run;
    run.frame();
    ImVec2 min, max;
    CHECK_FALSE(outlineBounds(min, max)); // nothing has the focus yet
    run.focus(30);
    run.frame();
    run.frame();
    REQUIRE(run.focusedMax.x > run.focusedMin.x); // the request moved the focus onto the button
    REQUIRE(run.childScroll > 0);                 // and scrolled the list to it
    REQUIRE(outlineBounds(min, max));
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

TEST_CASE("A click hides the focus outline; the focus stays where the click put it") {
    FocusRun run;
    run.frame();
    run.focus(2);
    run.frame();
    ImVec2 min, max;
    REQUIRE(la::ui::keyboardFocusShown());
    REQUIRE(outlineBounds(min, max));
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {5, 5}; // on the window, outside the list
    io.MouseDown[0] = true;
    run.frame();
    io.MouseDown[0] = false;
    run.frame();
    CHECK_FALSE(la::ui::keyboardFocusShown());
    CHECK_FALSE(outlineBounds(min, max));
}
