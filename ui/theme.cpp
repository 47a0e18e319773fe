#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace la::ui {

namespace {

/// 0xRRGGBB -> opaque ImVec4.
ImVec4 rgb(std::uint32_t hex) {
    return ImVec4(float((hex >> 16) & 0xFF) / 255.0f, float((hex >> 8) & 0xFF) / 255.0f, float(hex & 0xFF) / 255.0f,
                  1.0f);
}

ImVec4 withAlpha(ImVec4 c, float a) { return ImVec4(c.x, c.y, c.z, a); }

double linearChannel(float c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

// ---- palettes --------------------------------------------------------------
// Warm off-white page, soft blue-grey controls, navy accent.
const Palette& lightPalette() {
    static const Palette p{
        .id = ThemeId::Light, .name = "Light", .minTextContrast = 4.5,
        .windowBg = rgb(0xF6F4EF), .surfaceBg = rgb(0xFFFFFF),
        .text = rgb(0x1B1F24), .textDim = rgb(0x4B525C), .warningText = rgb(0x8A3A00), .linkText = rgb(0x0A4F96),
        .button = rgb(0xE2E8F0), .buttonHovered = rgb(0xD2DCE9), .buttonActive = rgb(0xBECEE2),
        .buttonText = rgb(0x1B1F24),
        .frameBg = rgb(0xFFFFFF), .frameBgHovered = rgb(0xEEF2F7), .frameBgActive = rgb(0xE2E8F0),
        .controlBorder = rgb(0x5E6978), .accent = rgb(0x1F4E79),
        .selectedBg = rgb(0xD2DCE9), .hoveredBg = rgb(0xE2E8F0),
        .highlightBg = rgb(0xFFF0BF), .highlightText = rgb(0x1B1F24), .cueMarker = rgb(0x9A6700),
        .currentWordBg = rgb(0x1F4E79), .currentWordText = rgb(0xFFFFFF),
        .focusOutline = rgb(0x0A5CB8), .seekTrack = rgb(0xD2D8E0), .seekFill = rgb(0x1F4E79),
        .scrollbarGrab = rgb(0x76808D), .separator = rgb(0xD2D8E0),
    };
    return p;
}

// Soft charcoal (not pure black, which glares), light grey text, amber for "now".
const Palette& darkPalette() {
    static const Palette p{
        .id = ThemeId::Dark, .name = "Dark", .minTextContrast = 4.5,
        .windowBg = rgb(0x1A1D22), .surfaceBg = rgb(0x22262C),
        .text = rgb(0xECEFF3), .textDim = rgb(0xB7BFCA), .warningText = rgb(0xFFB86B), .linkText = rgb(0x8CC4FF),
        .button = rgb(0x2F3640), .buttonHovered = rgb(0x3A4350), .buttonActive = rgb(0x4A5566),
        .buttonText = rgb(0xECEFF3),
        .frameBg = rgb(0x262B32), .frameBgHovered = rgb(0x2F3640), .frameBgActive = rgb(0x3A4350),
        .controlBorder = rgb(0x8893A3), .accent = rgb(0x7FB8F5),
        .selectedBg = rgb(0x34404F), .hoveredBg = rgb(0x2F3640),
        .highlightBg = rgb(0x3B3320), .highlightText = rgb(0xFFF3D6), .cueMarker = rgb(0xE8B84A),
        .currentWordBg = rgb(0xF0C35A), .currentWordText = rgb(0x1A1D22),
        .focusOutline = rgb(0x7FB8F5), .seekTrack = rgb(0x3A4350), .seekFill = rgb(0x7FB8F5),
        .scrollbarGrab = rgb(0x7C8797), .separator = rgb(0x3A4350),
    };
    return p;
}

// Black, white and yellow; cyan only for the focus ring, so it is never
// mistaken for "now playing".
const Palette& highContrastPalette() {
    static const Palette p{
        .id = ThemeId::HighContrast, .name = "High contrast", .minTextContrast = 7.0,
        .windowBg = rgb(0x000000), .surfaceBg = rgb(0x000000),
        .text = rgb(0xFFFFFF), .textDim = rgb(0xE6E6E6), .warningText = rgb(0xFFFF00), .linkText = rgb(0xFFFF00),
        .button = rgb(0x000000), .buttonHovered = rgb(0x262626), .buttonActive = rgb(0x404040),
        .buttonText = rgb(0xFFFFFF),
        .frameBg = rgb(0x000000), .frameBgHovered = rgb(0x262626), .frameBgActive = rgb(0x404040),
        .controlBorder = rgb(0xFFFFFF), .accent = rgb(0xFFFF00),
        .selectedBg = rgb(0x333300), .hoveredBg = rgb(0x262626),
        .highlightBg = rgb(0xFFFF00), .highlightText = rgb(0x000000), .cueMarker = rgb(0xFFFF00),
        .currentWordBg = rgb(0x000000), .currentWordText = rgb(0xFFFF00),
        .focusOutline = rgb(0x00FFFF), .seekTrack = rgb(0x404040), .seekFill = rgb(0xFFFF00),
        .scrollbarGrab = rgb(0xFFFFFF), .separator = rgb(0xFFFFFF),
    };
    return p;
}

const Palette& paletteFor(ThemeId id) {
    switch (id) {
    case ThemeId::Light: return lightPalette();
    case ThemeId::Dark: return darkPalette();
    case ThemeId::HighContrast: return highContrastPalette();
    }
    return lightPalette();
}

std::array<const Palette*, 3> allPalettes() { return {&lightPalette(), &darkPalette(), &highContrastPalette()}; }

// ---- contrast --------------------------------------------------------------

double relativeLuminance(ImVec4 c) {
    return 0.2126 * linearChannel(c.x) + 0.7152 * linearChannel(c.y) + 0.0722 * linearChannel(c.z);
}

double contrastRatio(ImVec4 a, ImVec4 b) {
    double la = relativeLuminance(a), lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ColourPair> textOnBackgroundPairs(const Palette& p) {
    return {
        {p.text, p.windowBg, "text on window"},
        {p.text, p.surfaceBg, "text on panel/popup"},
        {p.text, p.button, "label on button"},
        {p.text, p.buttonHovered, "label on button (hovered)"},
        {p.text, p.buttonActive, "label on button (pressed)"},
        {p.buttonText, p.button, "button text on button"},
        {p.buttonText, p.buttonHovered, "button text on button (hovered)"},
        {p.buttonText, p.buttonActive, "button text on button (pressed)"},
        {p.text, p.frameBg, "value in slider/input"},
        {p.text, p.frameBgHovered, "value in slider/input (hovered)"},
        {p.text, p.frameBgActive, "value in slider/input (active)"},
        {p.text, p.selectedBg, "text on selected row/tab/text selection"},
        {p.text, p.hoveredBg, "text on hovered row/tab"},
        {p.textDim, p.windowBg, "dimmed text on window"},
        {p.textDim, p.surfaceBg, "dimmed text on panel"},
        {p.warningText, p.windowBg, "warning on window"},
        {p.warningText, p.surfaceBg, "warning on panel"},
        {p.linkText, p.windowBg, "link on window"},
        {p.linkText, p.surfaceBg, "link on panel"},
        {p.highlightText, p.highlightBg, "current cue text"},
        {p.currentWordText, p.currentWordBg, "current word"},
    };
}

std::vector<ColourPair> nonTextPairs(const Palette& p) {
    return {
        {p.controlBorder, p.windowBg, "control border on window"},
        {p.controlBorder, p.surfaceBg, "control border on panel"},
        // ImGui 1.86 draws the nav highlight 3-4 px outside the item, on the page.
        {p.focusOutline, p.windowBg, "focus ring on window"},
        {p.focusOutline, p.surfaceBg, "focus ring on panel"},
        {p.accent, p.frameBg, "slider grab/check mark in frame"},
        {p.accent, p.frameBgHovered, "slider grab/check mark in frame (hovered)"},
        {p.accent, p.frameBgActive, "slider grab/check mark in frame (active)"},
        {p.seekFill, p.seekTrack, "seek bar played part on track"},
        {p.seekFill, p.windowBg, "seek bar played part on window"},
        {p.seekFill, p.surfaceBg, "seek bar played part on panel"},
        {p.cueMarker, p.windowBg, "current-cue marker on window"},
        {p.cueMarker, p.surfaceBg, "current-cue marker on panel"},
        {p.currentWordBg, p.highlightBg, "current word within current cue"},
        {p.scrollbarGrab, p.windowBg, "scrollbar on window"},
        {p.scrollbarGrab, p.surfaceBg, "scrollbar on panel"},
    };
}

// ---- style -----------------------------------------------------------------

namespace {

/// Sizes in pixels for a 20 px font; applyTheme scales them.
ImGuiStyle baseStyle() {
    ImGuiStyle s; // fresh defaults, so repeated calls never compound scaling
    s.WindowPadding = ImVec2(20, 20);
    s.WindowRounding = 0;       // the player is one full-screen window
    s.WindowBorderSize = 0;
    s.WindowMinSize = ImVec2(64, 64);
    s.ChildRounding = 10;
    s.ChildBorderSize = 1;
    s.PopupRounding = 10;
    s.PopupBorderSize = 2;
    s.FramePadding = ImVec2(16, 12); // 20 px text + 2 * 12 = 44 px high buttons (touch target)
    s.FrameRounding = 10;
    s.ItemSpacing = ImVec2(14, 14);
    s.ItemInnerSpacing = ImVec2(10, 10);
    s.CellPadding = ImVec2(10, 8);
    s.TouchExtraPadding = ImVec2(0, 0); // overlapping hit boxes would pick the wrong button
    s.IndentSpacing = 28;
    s.ColumnsMinSpacing = 12;
    s.ScrollbarSize = 28;               // wide enough to drag with a finger
    s.ScrollbarRounding = 14;
    s.GrabMinSize = 28;
    s.GrabRounding = 10;
    s.TabRounding = 10;
    s.TabBorderSize = 0;
    s.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    s.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    s.DisplaySafeAreaPadding = ImVec2(4, 4);
    return s;
}

void applyColours(const Palette& p, ImVec4* c) {
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.textDim;
    c[ImGuiCol_WindowBg] = p.windowBg;
    c[ImGuiCol_ChildBg] = p.surfaceBg;
    c[ImGuiCol_PopupBg] = p.surfaceBg;
    c[ImGuiCol_Border] = p.controlBorder;
    c[ImGuiCol_BorderShadow] = withAlpha(p.windowBg, 0.0f);
    c[ImGuiCol_FrameBg] = p.frameBg;
    c[ImGuiCol_FrameBgHovered] = p.frameBgHovered;
    c[ImGuiCol_FrameBgActive] = p.frameBgActive;
    c[ImGuiCol_TitleBg] = p.surfaceBg;
    c[ImGuiCol_TitleBgActive] = p.surfaceBg;
    c[ImGuiCol_TitleBgCollapsed] = p.surfaceBg;
    c[ImGuiCol_MenuBarBg] = p.surfaceBg;
    c[ImGuiCol_ScrollbarBg] = p.windowBg;
    c[ImGuiCol_ScrollbarGrab] = p.scrollbarGrab;
    c[ImGuiCol_ScrollbarGrabHovered] = p.controlBorder;
    c[ImGuiCol_ScrollbarGrabActive] = p.accent;
    c[ImGuiCol_CheckMark] = p.accent;
    c[ImGuiCol_SliderGrab] = p.accent;
    c[ImGuiCol_SliderGrabActive] = p.accent;
    c[ImGuiCol_Button] = p.button;
    c[ImGuiCol_ButtonHovered] = p.buttonHovered;
    c[ImGuiCol_ButtonActive] = p.buttonActive;
    c[ImGuiCol_Header] = p.selectedBg;
    c[ImGuiCol_HeaderHovered] = p.hoveredBg;
    c[ImGuiCol_HeaderActive] = p.selectedBg;
    c[ImGuiCol_Separator] = p.separator;
    c[ImGuiCol_SeparatorHovered] = p.controlBorder;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = withAlpha(p.windowBg, 0.0f); // nothing is resizable
    c[ImGuiCol_ResizeGripHovered] = withAlpha(p.windowBg, 0.0f);
    c[ImGuiCol_ResizeGripActive] = withAlpha(p.windowBg, 0.0f);
    c[ImGuiCol_Tab] = p.button;
    c[ImGuiCol_TabHovered] = p.hoveredBg;
    c[ImGuiCol_TabActive] = p.selectedBg;
    c[ImGuiCol_TabUnfocused] = p.button;
    c[ImGuiCol_TabUnfocusedActive] = p.selectedBg;
    c[ImGuiCol_PlotLines] = p.seekFill;
    c[ImGuiCol_PlotLinesHovered] = p.accent;
    c[ImGuiCol_PlotHistogram] = p.seekFill; // ProgressBar fill
    c[ImGuiCol_PlotHistogramHovered] = p.accent;
    c[ImGuiCol_TableHeaderBg] = p.selectedBg;
    c[ImGuiCol_TableBorderStrong] = p.controlBorder;
    c[ImGuiCol_TableBorderLight] = p.separator;
    c[ImGuiCol_TableRowBg] = withAlpha(p.surfaceBg, 0.0f);
    c[ImGuiCol_TableRowBgAlt] = withAlpha(p.surfaceBg, 0.0f); // no zebra stripes: calmer, and contrast stays exact
    c[ImGuiCol_TextSelectedBg] = p.selectedBg;
    c[ImGuiCol_DragDropTarget] = p.focusOutline;
    c[ImGuiCol_NavHighlight] = p.focusOutline;
    c[ImGuiCol_NavWindowingHighlight] = p.focusOutline;
    // Dim the page behind a dialog toward black in every theme (a white veil glares in dark themes).
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.45f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
}

} // namespace

void applyTheme(const Palette& p, float fontPx, ImGuiStyle& style) {
    style = baseStyle();
    float scale = fontPx > 0 ? fontPx / kStyleReferenceFontPx : 1.0f;
    style.ScaleAllSizes(scale);
    // Above 100 % the gaps grow at half the rate of the text (2.5x at 400 %,
    // not 4x), or padding and spacing alone would take a fifth of the window
    // and the panes would get only a line or two. Touch targets keep their
    // size: buttons have a minimum height of their own (largeControlHeight).
    if (scale > 1.0f) {
        const ImGuiStyle base = baseStyle();
        const float gaps = 1.0f + (scale - 1.0f) * 0.5f;
        style.WindowPadding = {base.WindowPadding.x * gaps, base.WindowPadding.y * gaps};
        style.FramePadding = {base.FramePadding.x * gaps, base.FramePadding.y * gaps};
        style.ItemSpacing = {base.ItemSpacing.x * gaps, base.ItemSpacing.y * gaps};
        style.ItemInnerSpacing = {base.ItemInnerSpacing.x * gaps, base.ItemInnerSpacing.y * gaps};
    }
    // ScaleAllSizes leaves border widths alone; keep control outlines clearly
    // visible at every size: 2 px at 20 px text, 7 px at 80 px.
    float border = std::max(2.0f, std::round(fontPx / 12.0f));
    style.FrameBorderSize = border;
    style.PopupBorderSize = border;
    style.ChildBorderSize = std::max(1.0f, std::round(fontPx / 20.0f));
    applyColours(p, style.Colors);
}

} // namespace la::ui
