#pragma once
// The reading controls above the content: text size (Smaller / Bigger
// text), theme, and, behind "More settings", the reading text size and line
// spacing. (Speed is the transport's speed chip.) Labels are
// plain words; the row wraps onto more lines at large text sizes.

#include "ui/commands.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace la::ui {

struct DisplayBarState {
    double speed = 1.0;
    double textScale = 1.0;
    double controlsScale = 0;          ///< as set: 0 = automatic
    double effectiveControlsScale = 1.0; ///< what the controls are drawn at
    double lineSpacing = 1.5;
    ThemeId theme = ThemeId::Light;
    bool speakControls = false; ///< the program's own speech (issue #14), under "More settings"
    // Easy listening (issue #15), under "More settings".
    bool evenLoudness = true;
    bool voiceBoost = false;
    bool shortenPauses = false;
    double savedSeconds = 0; ///< time Shorten pauses has saved (shown beside it)
    // The sleep timer (issue #15), under "More settings": its menu (filled by
    // player/ from sleepTimerOptions; empty: not offered), the choice now and
    // its time left ("Sleep in 14:59"; "" when off).
    struct SleepChoice {
        SleepMode mode = SleepMode::Off;
        int minutes = 0;
        std::string label; ///< "Off", "30 minutes", "End of chapter"
    };
    std::vector<SleepChoice> sleepChoices;
    SleepMode sleepMode = SleepMode::Off;
    int sleepMinutes = 0; ///< Minutes: the menu's entry chosen (0: a time of its own, after "+5 min")
    std::string sleepText;
};

struct DisplayBarUi {
    bool showMore = false;
    bool expanded = false; ///< large text: the controls are shown (else one button)
    bool textSizeJustChanged = false; ///< Smaller/Bigger text was pressed last frame
    ImVec2 biggerMin{0, 0}, biggerMax{0, 0}; ///< where Bigger text was drawn last frame (tests)
};

/// Width of the one button the controls fold behind at large text ("Speed,
/// text size and colours"), or 0 when every control fits one row (nothing
/// folds). Lets the caller put that button beside the title.
float displayBarToggleWidth(const DisplayBarUi& ui);

/// Draws at the cursor, full width; returns the user's requests.
/// allowCollapse: at large text, fold the controls behind one button.
Commands drawDisplayBar(const DisplayBarState& state, DisplayBarUi& ui, bool allowCollapse = true);

} // namespace la::ui
