#pragma once
// The reading controls above the content: text size (Smaller / Bigger
// text), theme, and, behind "More settings", the reading text size and line
// spacing. (Speed is the transport's speed chip.) Labels are
// plain words; the row wraps onto more lines at large text sizes.

#include "ui/commands.h"

#include <imgui.h>

namespace la::ui {

struct DisplayBarState {
    double speed = 1.0;
    double textScale = 1.0;
    double controlsScale = 0;          ///< as set: 0 = automatic
    double effectiveControlsScale = 1.0; ///< what the controls are drawn at
    double lineSpacing = 1.5;
    ThemeId theme = ThemeId::Light;
    bool speakControls = false; ///< the program's own speech (issue #14), under "More settings"
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
