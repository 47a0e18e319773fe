#include "ui/focus_outline.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace la::ui {

namespace {
// Ours, not ImGui's NavDisableHighlight: without ImGui's keyboard navigation
// (ImGuiConfigFlags_NavEnableKeyboard, which would own the arrows) 1.86
// keeps hiding its highlight.
bool g_shown = false;
} // namespace

bool keyboardFocusShown() {
    const ImGuiContext& g = *GImGui;
    return g_shown && g.NavWindow && g.NavId != 0;
}

void showKeyboardFocus() { g_shown = true; }

void hideKeyboardFocus() { g_shown = false; }

void clearKeyboardFocus() {
    hideKeyboardFocus();
    GImGui->NavId = 0;
}

void beginKeyboardFocusFrame() {
    for (int b = 0; b < ImGuiMouseButton_COUNT; ++b)
        if (ImGui::IsMouseClicked(b)) g_shown = false;
}

void drawFocusOutline(float textPx) {
    ImGuiContext& g = *GImGui;
    if (!keyboardFocusShown()) return;
    ImGuiWindow* w = g.NavWindow;
    // NavRectRel is relative to the window's content start (DC.CursorStartPos:
    // position + padding - scroll), not to its position: off by the padding
    // and scroll in a scrolled, padded child such as the article text.
    ImRect r = ImGui::WindowRectRelToAbs(w, w->NavRectRel[0]);
    const float fs = std::max(ImGui::GetFontSize(), textPx);
    const float thickness = std::max(3.0f, fs * 0.18f);
    const float gap = thickness * 0.5f + 1.0f;
    r.Expand(gap);
    ImGui::GetForegroundDrawList()->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight),
                                            ImGui::GetStyle().FrameRounding + gap, 0, thickness);
}

} // namespace la::ui
