#pragma once
// Global keyboard shortcuts, read from ImGui's key state for this frame:
// Space play/pause, Left/Right back 15 s / forward 30 s, Up/Down volume,
// M mute, Home/End, PageUp/PageDown (or , and .) previous/next chapter,
// Ctrl+F or / search, R read the current chapter's section. Ignored while a text field has the keyboard.

#include "ui/commands.h"

namespace la::player {

/// Call between ImGui::NewFrame() and ImGui::Render().
ui::Commands collectShortcuts(double duration);

} // namespace la::player
