#pragma once
// Global keyboard shortcuts, read from ImGui's key state for this frame:
// Space play/pause, Left/Right back 15 s / forward 30 s, Up/Down volume,
// M mute, Home/End, PageUp/PageDown (or , and .) previous/next chapter,
// Ctrl+F or / search, R read the current chapter's section, ? or F1 the sheet
// of shortcuts. Ignored while a
// text field has the keyboard.
//
// Tab, F6, Enter and the arrows on a focused control are the keyboard
// focus's (keyboard_focus.h), which takes them first.

#include "player/app_host.h"
#include "ui/commands.h"

#include <functional>

namespace la::player {

/// `key` went down this frame (AppHost::keyPressed: the host knows its key codes).
using KeyPressed = std::function<bool(Key key, bool repeat)>;

/// The shortcuts' commands for this frame's keys (call between
/// ImGui::NewFrame() and ImGui::Render()).
ui::Commands collectShortcuts(double duration, const KeyPressed& keyPressed);

} // namespace la::player
