#pragma once
// The sheet of keyboard shortcuts (? or F1): every key the player answers,
// what it does, and a Close button; Escape closes it, the arrows, Page Up/Down,
// Home and End scroll it. Declared for screen
// readers as a dialog of paragraphs, one per key.

struct ImFont;

namespace la::ui {

/// Draws the sheet over the player while `open`; Close or Escape set it false.
/// `words`: the reading font (the list grows with the text size); null: the current font.
void drawKeyboardHelp(bool& open, ImFont* words = nullptr);

} // namespace la::ui
