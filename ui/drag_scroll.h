#pragma once
// Scrolling a list by dragging it with a finger (or the mouse), as on a
// phone: there is no hover and no scroll wheel on a kiosk's touch screen.
// A press that moves less than a little is still a tap on what is under it;
// once it moves further it scrolls, and the press no longer counts as a tap
// on any control (the control under the finger has moved with the content).

namespace la::ui {

struct DragScroll {
    bool dragging = false; ///< pressed on the list, not yet released
    bool scrolled = false; ///< ... and moved far enough to scroll; stays set for the release frame
    float startMouseY = 0;
    float startScrollY = 0;
};

/// Call inside the scrolling child window, once a frame. Returns true when
/// this press started scrolling in this frame.
bool updateDragScroll(DragScroll& st);

} // namespace la::ui
