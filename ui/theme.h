#pragma once
// Colour themes as data, and the calm, touch-friendly ImGui style built from them.
//
// A Palette names every colour the UI draws with. applyTheme() turns it into an
// ImGuiStyle (every ImGuiCol set, sizes scaled to the font). The contrast
// promises are checked from the same data: textOnBackgroundPairs() and
// nonTextPairs() list the (foreground, background) pairs the UI really draws,
// and tests/ui/test_theme_contrast.cpp requires, for each theme:
//   - text on every background it is drawn on: palette.minTextContrast
//     (7:1, WCAG 1.4.6, for high contrast; 4.5:1, WCAG 1.4.3, for light/dark);
//   - control boundaries, focus ring, seek-bar fill, slider grab, check mark,
//     current-cue marker: 3:1 against what is next to them (WCAG 1.4.11).
// A view that draws with a new colour combination adds the pair here first.
//
// All palette colours are opaque (alpha 1), so the ratios are what is on screen.

#include "ui/theme_id.h"

#include <imgui.h>

#include <array>
#include <vector>

namespace la::ui {


struct Palette {
    ThemeId id;
    const char* name;        ///< "Light", "Dark", "High contrast": for the settings screen
    double minTextContrast;  ///< 4.5 (WCAG AA) or 7.0 (WCAG AAA, high contrast)

    // Surfaces
    ImVec4 windowBg;         ///< the main window / page
    ImVec4 surfaceBg;        ///< panels, popups, tooltips, child windows (transcript pane)
    // Text
    ImVec4 text;             ///< body text and every ImGui label (ImGuiCol_Text)
    ImVec4 textDim;          ///< secondary text: times, hints (ImGuiCol_TextDisabled); still meets minTextContrast
    ImVec4 warningText;      ///< "Could not open file ..." messages
    ImVec4 linkText;         ///< links in articles
    // Buttons (labels use `text`; buttonText is for views that push it on primary buttons)
    ImVec4 button;
    ImVec4 buttonHovered;
    ImVec4 buttonActive;
    ImVec4 buttonText;
    // Frames: sliders, checkboxes, text inputs
    ImVec4 frameBg;
    ImVec4 frameBgHovered;
    ImVec4 frameBgActive;
    ImVec4 controlBorder;    ///< outline of every button/frame (FrameBorderSize), >= 3:1 on windowBg/surfaceBg
    ImVec4 accent;           ///< slider grab, check mark, selected tab underline
    // Lists and tabs (Selectable, tabs, table headers)
    ImVec4 selectedBg;       ///< selected row / active tab
    ImVec4 hoveredBg;        ///< hovered row / tab
    // Transcript
    ImVec4 highlightBg;      ///< background of the cue being spoken now
    ImVec4 highlightText;    ///< text of the cue being spoken now
    ImVec4 cueMarker;        ///< bar beside the current cue: the non-colour-only cue for "now"
    ImVec4 currentWordBg;    ///< background of the word being spoken now (inside the highlighted cue)
    ImVec4 currentWordText;
    // Focus and progress
    ImVec4 focusOutline;     ///< keyboard focus ring (ImGuiCol_NavHighlight), drawn just outside the item
    ImVec4 seekTrack;        ///< the unplayed part of the seek bar
    ImVec4 seekFill;         ///< the played part
    ImVec4 scrollbarGrab;
    ImVec4 separator;        ///< decorative lines between sections (no contrast requirement)
};

const Palette& lightPalette();
const Palette& darkPalette();
/// Black, white and yellow; every text pair at least 7:1.
const Palette& highContrastPalette();
const Palette& paletteFor(ThemeId id);
/// The three themes in the order they are offered.
std::array<const Palette*, 3> allPalettes();

/// WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05) of two sRGB colours, in
/// [1, 21]; alpha is ignored. Order of arguments does not matter.
double contrastRatio(ImVec4 a, ImVec4 b);
/// WCAG relative luminance of an sRGB colour (0 = black, 1 = white).
double relativeLuminance(ImVec4 c);

struct ColourPair {
    ImVec4 foreground;
    ImVec4 background;
    const char* name;        ///< e.g. "text on button (hovered)"
};
/// Every text colour with every background it is drawn on. Threshold: minTextContrast.
std::vector<ColourPair> textOnBackgroundPairs(const Palette& p);
/// Control boundaries, focus ring and state indicators against what is next to
/// them. Threshold: kNonTextMinContrast.
std::vector<ColourPair> nonTextPairs(const Palette& p);
inline constexpr double kNonTextMinContrast = 3.0;

/// The font size the base style's pixel values are designed for; applyTheme
/// scales them by fontPx / kStyleReferenceFontPx.
inline constexpr float kStyleReferenceFontPx = 20.0f;

/// Replaces `style` with the ListenAlong style for `p` at font size fontPx
/// (the UI font's pixel size, FontSet::uiPx): fresh ImGuiStyle, generous
/// padding, large rounded controls, a border of at least 2 px on every control,
/// then ScaleAllSizes(fontPx / 20) (padding and spacing: half that growth
/// above 20 px), then every ImGuiCol from the palette.
/// Call between frames (e.g. right after buildFonts) on the UI thread, with
/// ImGui::GetStyle() normally; never call ScaleAllSizes on the result again.
void applyTheme(const Palette& p, float fontPx, ImGuiStyle& style);

} // namespace la::ui
