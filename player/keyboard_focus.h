#pragma once
// The keyboard order (issue #13): Tab and Shift+Tab visit every control in
// reading order, F6 and Shift+F6 jump between regions, Up/Down/Home/End move
// within a list (the transcript, the chapters), the arrows step a slider,
// Enter or Space press the focused control (in a dialog Enter is its default
// action), and Escape hides the focus. A dialog takes the focus when it
// opens and gives it back when it closes.
//
// The order is the last frame's semantic tree (ui/focus_order.h): what the
// person saw. Each move is a request, as a screen reader's are
// (ui::SemanticRequest), taken by the view that draws the element in this
// frame: the focus is shown and scrolled into view there.

#include "player/app_host.h"
#include "player/keyboard_shortcuts.h"
#include "ui/semantic_tree.h"

#include <set>
#include <string>
#include <vector>

namespace la::player {

struct FocusKeys {
    std::vector<ui::SemanticRequest> requests;
    std::set<Key> taken; ///< keys used here, which the shortcuts must not see again
    bool hideFocus = false; ///< Escape outside a dialog: the outline goes
};

class KeyboardFocus {
public:
    /// This frame's keys against the last frame's tree. `shift`: held.
    /// `typing`: a text field has the keys (only Tab and F6 leave it).
    /// `focusShown`: the focus outline is on screen (ui::keyboardFocusShown):
    /// only then do Enter, Space and the arrows act on the focused control.
    FocusKeys update(const ui::SemanticTree& shown, const KeyPressed& keyPressed, bool shift, bool typing,
                     bool focusShown);

    /// Forgets where the focus was before a dialog (the kiosk's next person).
    void reset();

private:
    std::string lastFocused_;  ///< the last element the tree showed focused
    bool dialogAppeared_ = false; ///< a dialog is there since the last frame
    bool dialogOpen_ = false;     ///< ... and has taken the focus
    std::string beforeDialog_; ///< the focus to give back when the dialog closes
};

} // namespace la::player
