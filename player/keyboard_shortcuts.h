#pragma once
// Global keyboard shortcuts, read from ImGui's key state for this frame:
// Space play/pause, Left/Right back 15 s / forward 30 s, Up/Down volume,
// M mute, Home/End, PageUp/PageDown (or , and .) previous/next chapter,
// Ctrl+F or / search, R read the current chapter's section. Ignored while a text field has the keyboard.

#include "player/app_host.h"
#include "ui/commands.h"

#include <functional>

namespace la::player {

/// `key` went down this frame (AppHost::keyPressed: the host knows its key codes).
using KeyPressed = std::function<bool(Key key, bool repeat)>;

/// Call between ImGui::NewFrame() and ImGui::Render().
ui::Commands collectShortcuts(double duration, const KeyPressed& keyPressed);

} // namespace la::player
