#include "ui/focus_outline.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace la::ui {

void drawFocusOutline() {
    ImGuiContext& g = *GImGui;
    if (!(g.IO.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard)) return;
    if (!g.NavWindow || g.NavId == 0 || g.NavDisableHighlight) return;
    ImGuiWindow* w = g.NavWindow;
    // NavRectRel is relative to the window's content start (DC.CursorStartPos:
    // position + padding - scroll), not to its position: off by the padding
    // and scroll in a scrolled, padded child such as the article text.
    ImRect r = ImGui::WindowRectRelToAbs(w, w->NavRectRel[0]);
    const float fs = ImGui::GetFontSize();
    const float thickness = std::max(3.0f, fs * 0.18f);
    const float gap = thickness * 0.5f + 1.0f;
    r.Expand(gap);
    ImGui::GetForegroundDrawList()->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight),
                                            ImGui::GetStyle().FrameRounding + gap, 0, thickness);
}

} // namespace la::ui
