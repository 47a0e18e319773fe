#include "ui/nav_visible.h"

#include <imgui_internal.h>

namespace la::ui {

NavOnlyWhenVisible::NavOnlyWhenVisible(ImVec2 size) {
    const ImGuiContext& g = *GImGui;
    pushed_ = g.NavWindow != g.CurrentWindow && !ImGui::IsRectVisible(size);
    if (pushed_) ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
}

NavOnlyWhenVisible::~NavOnlyWhenVisible() {
    if (pushed_) ImGui::PopItemFlag();
}

} // namespace la::ui
