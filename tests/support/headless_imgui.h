#pragma once
// An ImGui context without a window or renderer, for tests that draw views
// and look at what they produced (items, draw lists, commands).

#include "player/config/settings.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <imgui.h>

#include <stdexcept>
#include <string>

namespace la::test {

/// One ImGui context for the lifetime of the object, with a fixed display
/// size and ImGui's default font atlas built (NewFrame needs one).
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

/// The player's own look in the current context: the bundled fonts built for
/// the text size `textScale` (the words at it, the controls as the automatic
/// controls size says in a window `windowHeight` tall) and `theme`'s style,
/// as the player sets them between frames.
inline ui::FontSet usePlayerFonts(double textScale, ui::ThemeId theme = ui::ThemeId::Light, double windowHeight = 0) {
    ui::FontSet fonts;
    std::string error;
    player::Settings s;
    s.textScale = textScale;
    const float px = ui::fontPxForScale(player::controlsScaleFor(s, windowHeight)), readingPx = ui::fontPxForScale(textScale);
    if (!ui::buildFonts(*ImGui::GetIO().Fonts, std::string(LA_SOURCE_DIR) + "/assets/fonts", px, readingPx, fonts, error))
        throw std::runtime_error("test fonts: " + error);
    ImGui::GetIO().FontDefault = fonts.ui;
    ui::applyTheme(ui::paletteFor(theme), fonts.uiPx, ImGui::GetStyle());
    return fonts;
}

} // namespace la::test
