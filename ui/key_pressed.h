#pragma once
// ImGui 1.86 names keys by ImGuiKey but asks for them by the backend's index.

#include <imgui.h>

namespace la::ui {

/// `key` went down this frame (`repeat`: auto-repeat counts too); false when
/// the backend has not mapped it.
inline bool keyPressed(ImGuiKey key, bool repeat = false) {
    const int index = ImGui::GetKeyIndex(key);
    return index >= 0 && ImGui::IsKeyPressed(index, repeat);
}

} // namespace la::ui
