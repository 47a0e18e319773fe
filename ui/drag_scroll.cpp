#include "ui/drag_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace la::ui {

bool updateDragScroll(DragScroll& st) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    // Not on the scroll bar: that one drags the other way round.
    if (hovered && ImGui::IsMouseClicked(0) && io.MousePos.x < win->InnerRect.Max.x) {
        st.dragging = true;
        st.scrolled = false;
        st.startMouseY = io.MousePos.y;
        st.startScrollY = ImGui::GetScrollY();
    }
    if (!st.dragging) return false;
    if (!io.MouseDown[0]) {
        st.dragging = false; // `scrolled` stays set this frame so the release is not a tap
        return false;
    }
    const float dy = io.MousePos.y - st.startMouseY;
    bool started = false;
    if (!st.scrolled && std::fabs(dy) > std::max(io.MouseDragThreshold, ImGui::GetFontSize() * 0.4f)) {
        st.scrolled = started = true;
        // A button pressed at the start would otherwise fire on release.
        if (ImGui::GetActiveID() != ImGui::GetWindowScrollbarID(win, ImGuiAxis_Y)) ImGui::ClearActiveID();
    }
    if (st.scrolled) ImGui::SetScrollY(std::clamp(st.startScrollY - dy, 0.0f, ImGui::GetScrollMaxY()));
    return started;
}

} // namespace la::ui
