#include "player/display_controller.h"

#include "ui/theme.h"

#include <imgui.h>

namespace la::player {

DisplayController::DisplayController(std::string fontDir, std::filesystem::path settingsFile, std::function<void()> uploadFontTexture)
    : fontDir_(std::move(fontDir)), store_(settingsFile), persistent_(!settingsFile.empty()),
      uploadFontTexture_(std::move(uploadFontTexture)) {}

std::vector<std::string> DisplayController::load() {
    if (!persistent_) return {};
    SettingsLoadResult r = store_.load();
    settings_ = r.settings;
    return r.warnings;
}

std::string DisplayController::save(const Settings& s) {
    if (!persistent_) return "";
    std::string error;
    return store_.save(s, error) ? "" : error;
}

void DisplayController::apply(const ui::Commands& commands) {
    for (const ui::Command& c : commands) {
        if (auto* t = std::get_if<ui::SetTextSize>(&c)) settings_.textScale = t->scale;
        else if (auto* st = std::get_if<ui::StepTextSize>(&c)) {
            settings_.textScale = st->direction > 0   ? nextTextScalePreset(settings_.textScale)
                                    : st->direction < 0 ? previousTextScalePreset(settings_.textScale)
                                                        : kTextScaleRange.defaultValue;
        } else if (auto* r = std::get_if<ui::SetControlsSize>(&c)) settings_.controlsScale = r->scale;
        else if (auto* l = std::get_if<ui::SetLineSpacing>(&c)) settings_.lineSpacing = l->spacing;
        else if (auto* th = std::get_if<ui::SetTheme>(&c)) {
            if (th->theme >= 0 && th->theme <= 2) settings_.theme = ThemeChoice(th->theme);
        }
    }
    sanitize(settings_);
}

std::string DisplayController::prepareFrame(int windowHeight) {
    windowHeight_ = windowHeight;
    // The words at the text size; buttons and labels grow more slowly.
    float uiPx = ui::fontPxForScale(controlsScaleFor(settings_, windowHeight));
    float readingPx = ui::fontPxForScale(settings_.textScale);
    int theme = int(settings_.theme);
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
        ui::applyTheme(ui::paletteFor(ui::ThemeId(theme)), fonts_.uiPx > 0 ? fonts_.uiPx : uiPx, ImGui::GetStyle());
        builtTheme_ = theme;
    }
    return warning;
}

ui::DisplayBarState DisplayController::barState() const {
    ui::DisplayBarState b;
    b.speed = settings_.speed;
    b.textScale = settings_.textScale;
    b.controlsScale = settings_.controlsScale;
    b.effectiveControlsScale = controlsScaleFor(settings_, windowHeight_);
    b.lineSpacing = settings_.lineSpacing;
    b.theme = int(settings_.theme);
    return b;
}

} // namespace la::player
