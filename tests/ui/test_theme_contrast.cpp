// Themes: every text colour meets its WCAG contrast threshold against every
// background the UI draws it on, and control boundaries / focus ring / state
// markers meet 3:1 (WCAG 1.4.11). The pairs come from ui/theme.cpp's own
// tables, so a colour change that breaks contrast fails here.

#include "ui/theme.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <sstream>

using namespace la::ui;

namespace {

ImVec4 hex(unsigned v) {
    return ImVec4(((v >> 16) & 0xFF) / 255.0f, ((v >> 8) & 0xFF) / 255.0f, (v & 0xFF) / 255.0f, 1.0f);
}

bool sameColour(const ImVec4& a, const ImVec4& b) {
    return a.x == b.x && a.y == b.y && a.z == b.z && a.w == b.w;
}

std::string describe(const ColourPair& p, double ratio) {
    std::ostringstream os;
    os << p.name << ": " << ratio << ":1";
    return os.str();
}

/// Checks every pair against `threshold`; returns the lowest ratio seen.
double checkPairs(const std::vector<ColourPair>& pairs, double threshold) {
    double lowest = 21.0;
    for (const auto& pair : pairs) {
        double r = contrastRatio(pair.foreground, pair.background);
        lowest = std::min(lowest, r);
        INFO(describe(pair, r) << " (needs " << threshold << ")");
        CHECK(pair.foreground.w == 1.0f); // opaque, so the ratio is what is on screen
        CHECK(pair.background.w == 1.0f);
        CHECK(r >= threshold);
    }
    return lowest;
}

} // namespace

TEST_CASE("contrastRatio follows the WCAG formula", "[theme][contrast]") {
    CHECK(contrastRatio(hex(0x000000), hex(0xFFFFFF)) == Approx(21.0));
    CHECK(contrastRatio(hex(0xFFFFFF), hex(0x000000)) == Approx(21.0)); // order does not matter
    CHECK(contrastRatio(hex(0x777777), hex(0x777777)) == Approx(1.0));
    // Known values (WebAIM contrast checker): #767676 on white is the classic 4.54:1.
    CHECK(contrastRatio(hex(0x767676), hex(0xFFFFFF)) == Approx(4.54).epsilon(0.005));
    CHECK(contrastRatio(hex(0xFFFF00), hex(0x000000)) == Approx(19.56).epsilon(0.005));
    CHECK(relativeLuminance(hex(0xFFFFFF)) == Approx(1.0));
    CHECK(relativeLuminance(hex(0x000000)) == Approx(0.0));
}

TEST_CASE("a low-contrast pair fails the thresholds (the check can fail)", "[theme][contrast]") {
    // Light grey on white, a common "calm" mistake: about 2.3:1.
    double r = contrastRatio(hex(0xAAAAAA), hex(0xFFFFFF));
    CHECK(r < kNonTextMinContrast);
    CHECK(r < lightPalette().minTextContrast);
    // Mid-grey on white passes AA (4.5) but not AAA (7).
    double mid = contrastRatio(hex(0x767676), hex(0xFFFFFF));
    CHECK(mid >= lightPalette().minTextContrast);
    CHECK(mid < highContrastPalette().minTextContrast);
}

TEST_CASE("thresholds: 7:1 for high contrast, 4.5:1 for light and dark", "[theme][contrast]") {
    CHECK(highContrastPalette().minTextContrast == 7.0);
    CHECK(lightPalette().minTextContrast == 4.5);
    CHECK(darkPalette().minTextContrast == 4.5);
    CHECK(kNonTextMinContrast == 3.0);
}

TEST_CASE("every theme meets its contrast thresholds", "[theme][contrast]") {
    for (const Palette* p : allPalettes()) {
        SECTION(p->name) {
            double text = checkPairs(textOnBackgroundPairs(*p), p->minTextContrast);
            double nonText = checkPairs(nonTextPairs(*p), kNonTextMinContrast);
            // Printed with -s; quoted in the report.
            INFO(p->name << ": lowest text " << text << ":1, lowest non-text " << nonText << ":1");
            SUCCEED();
        }
    }
}

TEST_CASE("the pair tables cover the colours the style uses", "[theme][contrast]") {
    for (const Palette* p : allPalettes()) {
        ImGuiStyle style;
        applyTheme(*p, 20.0f, style);
        auto text = textOnBackgroundPairs(*p);
        auto hasTextOn = [&](ImVec4 bg) {
            return std::any_of(text.begin(), text.end(), [&](const ColourPair& cp) {
                return sameColour(cp.foreground, style.Colors[ImGuiCol_Text]) && sameColour(cp.background, bg);
            });
        };
        INFO(p->name);
        // ImGui draws ImGuiCol_Text on all of these.
        for (ImGuiCol bg : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_FrameBg,
                            ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_Button, ImGuiCol_ButtonHovered,
                            ImGuiCol_ButtonActive, ImGuiCol_Header, ImGuiCol_HeaderHovered, ImGuiCol_HeaderActive,
                            ImGuiCol_Tab, ImGuiCol_TabHovered, ImGuiCol_TabActive, ImGuiCol_TableHeaderBg,
                            ImGuiCol_TextSelectedBg}) {
            INFO("ImGuiCol " << bg);
            CHECK(hasTextOn(style.Colors[bg]));
        }
        CHECK(sameColour(style.Colors[ImGuiCol_NavHighlight], p->focusOutline));
        CHECK(sameColour(style.Colors[ImGuiCol_Border], p->controlBorder));
        CHECK(sameColour(style.Colors[ImGuiCol_TextDisabled], p->textDim));
    }
}

TEST_CASE("applyTheme replaces ImGui's default look and scales with the font", "[theme][style]") {
    const ImGuiStyle imguiDefault;
    ImGuiStyle style;
    // Light: nothing may keep ImGui's dark default (HC shares its white text by design).
    applyTheme(lightPalette(), 20.0f, style);
    for (int i = 0; i < ImGuiCol_COUNT; ++i) {
        INFO(ImGui::GetStyleColorName(i) << " still has ImGui's default colour");
        bool invisible = style.Colors[i].w == 0.0f; // e.g. BorderShadow: transparent in both
        CHECK((invisible || !sameColour(style.Colors[i], imguiDefault.Colors[i])));
    }

    CHECK(style.FrameBorderSize >= 2.0f); // visible control boundaries
    CHECK(style.FrameRounding > 0.0f);
    // Buttons at least 44 px high at 100 % (font 20 px + padding).
    CHECK(20.0f + 2 * style.FramePadding.y >= 44.0f);

    // At 4x text: sizes 4x, padding and spacing 2.5x (half the growth, so
    // the panes keep their room).
    ImGuiStyle big;
    applyTheme(lightPalette(), 80.0f, big);
    CHECK(big.FramePadding.y == Approx(style.FramePadding.y * 2.5).margin(1.0));
    CHECK(big.ItemSpacing.y == Approx(style.ItemSpacing.y * 2.5).margin(1.0));
    CHECK(big.WindowPadding.x == Approx(style.WindowPadding.x * 2.5).margin(1.0));
    CHECK(big.ScrollbarSize == Approx(style.ScrollbarSize * 4).margin(1.0));
    CHECK(big.FrameBorderSize > style.FrameBorderSize);

    // Applying twice does not compound the scaling.
    applyTheme(lightPalette(), 80.0f, big);
    CHECK(big.FramePadding.y == Approx(style.FramePadding.y * 2.5).margin(1.0));
}

TEST_CASE("palettes are looked up by id", "[theme]") {
    CHECK(&paletteFor(ThemeId::Light) == &lightPalette());
    CHECK(&paletteFor(ThemeId::Dark) == &darkPalette());
    CHECK(&paletteFor(ThemeId::HighContrast) == &highContrastPalette());
    for (const Palette* p : allPalettes()) CHECK(&paletteFor(p->id) == p);
    CHECK(std::strcmp(highContrastPalette().name, "High contrast") == 0);
}
