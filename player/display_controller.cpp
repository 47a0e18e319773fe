#include "player/display_controller.h"

#include "ui/theme.h"

#include <imgui.h>

namespace la::player {

DisplayController::DisplayController(std::string fontDir, std::function<void()> uploadFontTexture)
    : fontDir_(std::move(fontDir)), uploadFontTexture_(std::move(uploadFontTexture)) {}

void DisplayController::setPreferences(const DisplayPreferences& p) {
    // sanitize() checks preferences as a whole; the listening half is not ours and is left out.
    Preferences all;
    static_cast<DisplayPreferences&>(all) = p;
    sanitize(all);
    prefs_ = all;
}

void DisplayController::setTextSize(double scale) {
    DisplayPreferences p = prefs_;
    p.textScale = scale;
    setPreferences(p);
}

void DisplayController::stepTextSize(int direction) {
    setTextSize(direction > 0   ? nextTextScalePreset(prefs_.textScale)
                : direction < 0 ? previousTextScalePreset(prefs_.textScale)
                                : kTextScaleRange.defaultValue);
}

void DisplayController::setControlsSize(double scale) {
    DisplayPreferences p = prefs_;
    p.controlsScale = scale;
    setPreferences(p);
}

void DisplayController::setLineSpacing(double spacing) {
    DisplayPreferences p = prefs_;
    p.lineSpacing = spacing;
    setPreferences(p);
}

void DisplayController::setTheme(ui::ThemeId theme) {
    DisplayPreferences p = prefs_;
    p.theme = theme;
    setPreferences(p);
}

std::string DisplayController::prepareFrame(int windowHeight) {
    windowHeight_ = windowHeight;
    // The words at the text size; buttons and labels grow more slowly.
    float uiPx = ui::fontPxForScale(controlsScaleFor(prefs_, windowHeight));
    float readingPx = ui::fontPxForScale(prefs_.textScale);
    int theme = int(prefs_.theme);
    std::string warning;
    bool fontsChanged = uiPx != builtUiPx_ || readingPx != builtReadingPx_;
    if (fontsChanged) {
        ImGuiIO& io = ImGui::GetIO();
        if (!ui::buildFonts(*io.Fonts, fontDir_, uiPx, readingPx, fonts_, warning) && warning.empty()) {
            warning = "The text could not be prepared at this size.";
        }
        io.FontDefault = fonts_.ui;
        if (uploadFontTexture_) uploadFontTexture_();
        builtUiPx_ = uiPx;
        builtReadingPx_ = readingPx;
    }
    if (fontsChanged || theme != builtTheme_) {
        ui::applyTheme(ui::paletteFor(prefs_.theme), fonts_.uiPx > 0 ? fonts_.uiPx : uiPx, ImGui::GetStyle());
        builtTheme_ = theme;
    }
    return warning;
}

ui::DisplayBarState DisplayController::barState(double speed) const {
    ui::DisplayBarState b;
    b.speed = speed;
    b.textScale = prefs_.textScale;
    b.controlsScale = prefs_.controlsScale;
    b.effectiveControlsScale = controlsScaleFor(prefs_, windowHeight_);
    b.lineSpacing = prefs_.lineSpacing;
    b.theme = prefs_.theme;
    return b;
}

} // namespace la::player
