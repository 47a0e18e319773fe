#pragma once
// Owns the listener's preferences while the app runs: loads them at start,
// applies display commands (text sizes, line spacing, theme), rebuilds the
// font atlas and style between frames when a size or theme changed, and saves
// the settings (atomically) when asked.

#include "player/config/settings.h"
#include "player/config/settings_store.h"
#include "ui/commands.h"
#include "ui/display_bar.h"
#include "ui/fonts.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace la::player {

class DisplayController {
public:
    /// fontDir: the bundled fonts (assets/fonts). settingsFile: empty for
    /// defaults that are never saved (e.g. the kiosk). uploadFontTexture:
    /// called after the font atlas was rebuilt, to make its texture again
    /// (the renderer's business: AppHost::uploadFontTexture).
    DisplayController(std::string fontDir, std::filesystem::path settingsFile, std::function<void()> uploadFontTexture);

    /// Reads the settings file; returns warnings to show (bad file, clamped values).
    std::vector<std::string> load();
    /// Writes `s` (e.g. the settings minus this run's command-line
    /// overrides); returns "" or the error to show.
    std::string save(const Settings& s);

    /// Applies the display commands among `commands` (others are ignored).
    void apply(const ui::Commands& commands);

    /// Between frames on the UI thread: rebuilds fonts and style if needed
    /// (the controls' size depends on the window's height, in points).
    /// Returns a warning when the bundled font could not be loaded ("" else).
    std::string prepareFrame(int windowHeight);

    Settings& settings() { return settings_; }
    const Settings& settings() const { return settings_; }
    const ui::FontSet& fonts() const { return fonts_; }
    ui::DisplayBarState barState() const;

private:
    std::string fontDir_;
    SettingsStore store_;
    bool persistent_;
    Settings settings_;
    std::function<void()> uploadFontTexture_;
    ui::FontSet fonts_;
    float builtUiPx_ = 0;
    float builtReadingPx_ = 0;
    int builtTheme_ = -1;
    int windowHeight_ = 0;
};

} // namespace la::player
