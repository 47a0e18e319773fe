#pragma once
// Kiosk mode's welcome screen, shown while nobody is using the kiosk: the
// episode title, two huge entries ("Touch to listen", "Touch to read"), one-tap
// choices for this visitor (bigger or smaller text, high contrast), the date
// the information was last reviewed and who to ask. Drawn in the reading font
// (the text size), so what a visitor reads grows with "Bigger text".
//
// Sized in multiples of the font size, so it is legible at any text scale: the
// two entries sit side by side when there is room and stack otherwise; all text
// wraps; every button is at least largeControlHeight() (>= 48 px) tall. A
// single tap activates an entry (no hover, no double tap).

#include "ui/commands.h"

#include <imgui.h>

#include <string>

namespace la::ui {

inline constexpr const char* kDefaultReviewedLine = "Information last reviewed June 2017";
inline constexpr const char* kDefaultSupportLine =
    "Questions? Talk to your doctor, or call Cancer Council 13 11 20";

struct AttractScreenVM {
    std::string title;                        ///< the episode title (wrapped; may be empty)
    std::string reviewed = kDefaultReviewedLine;
    std::string support = kDefaultSupportLine;
    ImFont* titleFont = nullptr;              ///< e.g. FontSet::readingBold; nullptr: the current font
    ImFont* bodyFont = nullptr;               ///< e.g. FontSet::reading; nullptr: the current font
    int textPercent = 100;                    ///< the text size now, shown between Smaller and Bigger
    bool highContrast = false;                ///< the high-contrast theme is on
    ThemeId normalTheme = ThemeId::Light;     ///< the kiosk's own theme (High contrast off goes back to it)
    /// The program's own voice (issue #14): "Speech: on/off" and "Say it again".
    bool speechOn = true;
    /// For staff, not visitors: one quiet line in the faint colour in the
    /// bottom corner, under the footer (e.g. "Setup notice for staff: see the log"); "" shows nothing.
    std::string staffNotice;
};

/// A screen rectangle, in pixels.
struct ScreenRect {
    ImVec2 min{0, 0};
    ImVec2 max{0, 0};
    ImVec2 centre() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

/// Where the last frame put things (for tests and layout checks only).
struct AttractScreenLayout {
    ScreenRect listen;
    ScreenRect read;
    bool stacked = false;   ///< the entries are one above the other (narrow screen / large text)
    ScreenRect staffNotice; ///< where the staff notice went (empty when there is none)
    ScreenRect bigger, smaller, contrast; ///< the visitor's one-tap choices
    ScreenRect speech, sayAgain;          ///< the voice's choices
};

/// Draws a window that fills the display (no title bar, no saved settings).
/// Returns StartListening or StartReading when an entry is tapped, and
/// StepTextSize / SetTheme for the choices.
Commands drawAttractScreen(const AttractScreenVM& vm, AttractScreenLayout* layout = nullptr);

} // namespace la::ui
