#pragma once
// Crisp text at any size: the font atlas is rebuilt with FreeType at the exact
// pixel size wanted (ImGui FAQ "How should I handle DPI"), never scaled up with
// FontGlobalScale or SetWindowFontScale, which blur.
//
// Two families of size: the UI font (buttons, labels; controlsScaleFor) and
// the reading font (transcript, article, chapter titles; Settings::textScale),
// each regular + bold, from the bundled DejaVu Sans (assets/fonts/).
//
// Typical use, between frames on the UI thread:
//
//   la::ui::FontSet fonts;
//   std::string err;
//   if (!la::ui::buildFonts(*io.Fonts, assetsDir + "/fonts", la::ui::fontPxForScale(controlsScaleFor(s)),
//                           la::ui::fontPxForScale(s.textScale), fonts, err))
//       showWarning(err);                      // still usable: ImGui's built-in font
//   io.FontDefault = fonts.ui;                 // the old ImFont* pointers are gone
//   ImGui_ImplOpenGL3_DestroyFontsTexture();   // upload the new atlas
//   ImGui_ImplOpenGL3_CreateFontsTexture();
//   la::ui::applyTheme(palette, fonts.uiPx, ImGui::GetStyle());  // sizes follow the font
//
// Cost: a build rasterizes 4 fonts x every glyph of glyphRanges() and grows
// with the square of the pixel size (at 400 % the atlas is 2048x2048, 16 MiB
// as RGBA32), taking a noticeable part of a second on a slow machine. So
// rebuild only when a size changes, never per frame. Measure it on yours with
// `build/tests/test_ui "[measure]" -s`; that test also keeps 400 % within
// 4096x4096.

#include <imgui.h>

#include <string>

namespace la::ui {

/// UI and reading font size at text scale 1.0 (100 %).
inline constexpr float kBaseFontPx = 20.0f;
/// Sizes outside this range are clamped by buildFonts.
inline constexpr float kMinFontPx = 8.0f;
inline constexpr float kMaxFontPx = 160.0f;

/// kBaseFontPx * scale, rounded down to whole pixels (FreeType hints to the
/// pixel grid; fractional sizes only blur). 1.0 -> 20, 2.5 -> 50, 4.0 -> 80.
float fontPxForScale(double scale);

/// File names looked up in fontDir.
inline constexpr const char* kRegularFontFile = "DejaVuSans.ttf";
inline constexpr const char* kBoldFontFile = "DejaVuSans-Bold.ttf";

/// Code points baked into every font (zero-terminated ImGui range list,
/// static storage): Basic Latin, Latin-1 Supplement, Latin Extended-A, General
/// Punctuation (’ ‘ “ ” – — • … ′ ″ etc.), € ™, and U+FFFD for unknown characters.
const ImWchar* glyphRanges();

struct FontSet {
    ImFont* ui = nullptr;          ///< UI regular; also atlas Fonts[0], the ImGui default font
    ImFont* uiBold = nullptr;      ///< == ui when the bold file is missing
    ImFont* reading = nullptr;     ///< transcript / article text
    ImFont* readingBold = nullptr; ///< == reading when the bold file is missing
    float uiPx = 0;                ///< the pixel sizes actually built (after rounding/clamping)
    float readingPx = 0;
    int atlasWidth = 0;            ///< texture size of the built atlas, in pixels
    int atlasHeight = 0;
    bool usingFallbackFont = false; ///< ImGui's built-in font stands in for a missing/broken DejaVu
};

/// Clears `atlas` and rebuilds it with FreeType: UI regular/bold at uiPx and
/// reading regular/bold at readingPx (each rounded down, clamped to
/// [kMinFontPx, kMaxFontPx]), then builds the texture data (atlas.Build()).
///
/// Must run on the UI thread between frames (not between NewFrame and Render:
/// the atlas is locked then, and this returns false without touching it).
/// Afterwards every ImFont* from an earlier call is dangling: reset
/// io.FontDefault and the renderer's texture as shown above.
///
/// Failure: a missing or unreadable font file, or one FreeType cannot load,
/// returns false with `error` naming the file and the problem; the atlas is
/// still built and `out` is usable (bold falls back to regular, regular to
/// ImGui's built-in font at the requested size). Never throws or asserts on
/// bad files.
bool buildFonts(ImFontAtlas& atlas, const std::string& fontDir, float uiPx, float readingPx, FontSet& out,
                std::string& error);

} // namespace la::ui
