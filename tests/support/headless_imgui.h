#pragma once
// An ImGui context without a window or renderer, for tests that draw views
// and look at what they produced (items, draw lists, commands).

#include <imgui.h>

namespace la::test {

/// One ImGui context for the lifetime of the object, with its font atlas
/// built (NewFrame needs one) and a fixed display size.
struct HeadlessImGui {
    ImGuiContext* ctx;
    explicit HeadlessImGui(ImVec2 display = {1280, 800}) : ctx(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(ctx); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

} // namespace la::test
