#pragma once
// Owns how the words look while the app runs (text size, controls' size, line
// spacing, theme: DisplayPreferences), and rebuilds the font atlas and style
// between frames when a size or theme changed. Each change is put in range
// here, once.

#include "player/config/settings.h"
#include "ui/display_bar.h"
#include "ui/fonts.h"

#include <functional>
#include <string>

namespace la::player {

class DisplayController {
public:
    /// fontDir: the bundled fonts (assets/fonts). uploadFontTexture: called
    /// after the font atlas was rebuilt, to make its texture again (the
    /// renderer's business: AppHost::uploadFontTexture).
    DisplayController(std::string fontDir, std::function<void()> uploadFontTexture);

    const DisplayPreferences& preferences() const { return prefs_; }
    void setPreferences(const DisplayPreferences& p);

    void setTextSize(double scale);
    /// -1 the next smaller preset, +1 the next bigger one, 0 back to 100 %.
    void stepTextSize(int direction);
    void setControlsSize(double scale); ///< 0: automatic
    void setLineSpacing(double spacing);
    void setTheme(ui::ThemeId theme);

    /// Between frames on the UI thread: rebuilds fonts and style if needed
    /// (the controls' size depends on the window's height, in points).
    /// Returns a warning when the bundled font could not be loaded ("" else).
    std::string prepareFrame(int windowHeight);

    const ui::FontSet& fonts() const { return fonts_; }
    /// What the display bar shows; `speed` is the playback's (PlaybackController owns it).
    ui::DisplayBarState barState(double speed) const;

private:
    std::string fontDir_;
    DisplayPreferences prefs_;
    std::function<void()> uploadFontTexture_;
    ui::FontSet fonts_;
    float builtUiPx_ = 0;
    float builtReadingPx_ = 0;
    int builtTheme_ = -1;
    int windowHeight_ = 0;
};

} // namespace la::player
