#pragma once
// A thick, high-contrast outline around the control that has keyboard focus.
// ImGui 1.86 draws its own at a fixed 2 px; ours grows with the text size so
// it stays visible at 300-400 % (WCAG 2.4.7, and 3:1 against its background
// via the theme's focusOutline colour).

namespace la::ui {

/// Call once per frame after all views are drawn, before ImGui::Render().
void drawFocusOutline();

} // namespace la::ui
