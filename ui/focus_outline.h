#pragma once
// A thick, high-contrast outline around the control that has keyboard focus.
// ImGui 1.86 draws its own at a fixed 2 px; ours grows with the text size so
// it stays visible at 300-400 % (WCAG 2.4.7, and 3:1 against its background
// via the theme's focusOutline colour).

namespace la::ui {

/// Whether the keyboard focus is shown: it was moved by a key or a screen
/// reader, and no click has happened since (a click focuses what it
/// presses, but shows no outline).
bool keyboardFocusShown();

/// Shows it (a key or a screen reader moved the focus).
void showKeyboardFocus();

/// Stops showing it (Escape; the kiosk's next person).
void hideKeyboardFocus();

/// No element has the keyboard focus any more, and none is shown.
void clearKeyboardFocus();

/// Call once per frame after ImGui::NewFrame(): a click hides the outline.
void beginKeyboardFocusFrame();

/// Call once per frame after all views are drawn, before ImGui::Render().
/// `textPx`: the reading text's size, so the outline grows with the text
/// size even around a control drawn in the (smaller) controls' font.
void drawFocusOutline(float textPx = 0);

} // namespace la::ui
