#pragma once
// Arrow-key navigation into scrolling lists (control-by-control mode).
//
// The transcript, chapter list and article text are scrolling child windows
// whose controls join the whole window's navigation (NavFlattened). ImGui
// 1.86 then scores a list's controls for the arrow keys even when they are
// scrolled out of view, if the focus is in another pane: an arrow could jump
// to a hidden control (and scroll that pane away from what is playing).

#include <imgui.h>

namespace la::ui {

/// Guards the next item, `size` at the cursor, in such a list: while the
/// focus is in another window, an item out of view is left out of
/// navigation; once the focus is in the list, every item is reachable, so
/// the arrows still scroll it. Construct just before the item, destroy after.
class NavOnlyWhenVisible {
public:
    explicit NavOnlyWhenVisible(ImVec2 size);
    ~NavOnlyWhenVisible();
    NavOnlyWhenVisible(const NavOnlyWhenVisible&) = delete;
    NavOnlyWhenVisible& operator=(const NavOnlyWhenVisible&) = delete;

private:
    bool pushed_ = false;
};

} // namespace la::ui
