#pragma once
// Global keyboard shortcuts, read from ImGui's key state for this frame:
// Space play/pause, Left/Right back 15 s / forward 30 s, Up/Down volume,
// M mute, Home/End, PageUp/PageDown (or , and .) previous/next chapter,
// Ctrl+F or / search, R read the current chapter's section, ? or F1 the sheet
// of shortcuts. Ignored while a
// text field has the keyboard.
//
// And control-by-control mode: Tab turns on ImGui's keyboard navigation
// (arrows move the focus outline, Space/Enter press the focused control),
// Escape turns it off. It lives in ImGui's io.ConfigFlags, so it outlasts a
// person unless it is left on purpose (the kiosk's reset does).

#include "player/app_host.h"
#include "ui/commands.h"

#include <functional>

namespace la::player {

/// `key` went down this frame (AppHost::keyPressed: the host knows its key codes).
using KeyPressed = std::function<bool(Key key, bool repeat)>;

enum class KeyboardNavigation {
    Off,
    JustTurnedOn, ///< Tab this frame: the key did that and nothing else
    On,
};

/// Turns control-by-control mode on (Tab) or off (Escape) and says which it
/// is now. Call between ImGui::NewFrame() and ImGui::Render(), before collectShortcuts.
KeyboardNavigation updateKeyboardNavigation(const KeyPressed& keyPressed);

/// Control-by-control mode off, e.g. for the next person at a kiosk.
void leaveKeyboardNavigation();

/// The shortcuts' commands for this frame's keys. While navigating, the
/// arrows and Space belong to the focus outline (in 1.86 navigation owns them).
ui::Commands collectShortcuts(double duration, const KeyPressed& keyPressed, KeyboardNavigation navigation);

} // namespace la::player
