#include "player/keyboard_focus.h"

#include "ui/focus_order.h"

#include <algorithm>

namespace la::player {

void KeyboardFocus::reset() {
    lastFocused_.clear();
    dialogOpen_ = dialogAppeared_ = false;
    beforeDialog_.clear();
}

FocusKeys KeyboardFocus::update(const ui::SemanticTree& shown, const KeyPressed& keyPressed, bool shift, bool typing,
                                bool focusShown) {
    FocusKeys out;
    if (shown.nodes().empty()) return out;
    auto take = [&](Key k, bool repeat = true) {
        if (!keyPressed(k, repeat)) return false;
        out.taken.insert(k);
        return true;
    };
    auto focus = [&](const std::string& id) {
        if (!id.empty()) out.requests.push_back({id, ui::kFocus, 0});
    };
    const int focusedNode = shown.focused();
    // Where the focus is, or was before its line scrolled out of the tree.
    if (focusedNode >= 0) lastFocused_ = shown.node(focusedNode).id;
    const std::string focused = focusedNode >= 0 || focusShown ? lastFocused_ : std::string();

    // A dialog takes the focus when it opens, and gives it back when it closes.
    const int dialog = ui::openDialog(shown);
    // It takes the focus in the frame after it appeared: ImGui lays a popup
    // out hidden first, so its list (and the item to start on) is not there yet.
    if (dialog >= 0 && !dialogOpen_ && !dialogAppeared_) {
        dialogAppeared_ = true;
        beforeDialog_ = focusShown ? focused : std::string();
    } else if (dialog >= 0 && !dialogOpen_) {
        dialogOpen_ = true;
        dialogAppeared_ = false;
        // Its first stop (a list's current item), even if ImGui put its own
        // focus on the popup's first item: that focus does not count.
        ui::SemanticTree unfocused = shown;
        if (focusedNode >= 0) unfocused.node(focusedNode).states &= ~std::uint32_t(ui::kFocused);
        const std::string first = ui::focusTarget(unfocused, "", ui::FocusMove::Next);
        if (!first.empty()) out.requests.push_back({first, ui::kFocus, focusShown ? 0.0 : 1.0});
    } else if (dialog < 0 && (dialogOpen_ || dialogAppeared_)) {
        dialogOpen_ = dialogAppeared_ = false;
        if (shown.find(beforeDialog_) >= 0) focus(beforeDialog_);
        beforeDialog_.clear();
    }

    // The first Tab shows where the focus is (where a click left it), then moves it.
    const ui::FocusMove tab = shift ? ui::FocusMove::Previous : ui::FocusMove::Next;
    if (take(Key::Tab)) {
        const std::vector<int> stops = ui::tabStops(shown);
        const bool focusedIsStop = std::find(stops.begin(), stops.end(), focusedNode) != stops.end();
        focus(focusShown || !focusedIsStop ? ui::focusTarget(shown, focused, tab) : focused);
    }
    if (take(Key::F6, false))
        focus(ui::focusTarget(shown, focused, shift ? ui::FocusMove::PreviousRegion : ui::FocusMove::NextRegion));
    if (typing || !focusShown) return out;
    if (dialog < 0 && take(Key::Escape, false)) out.hideFocus = true; // a dialog's Escape is the dialog's
    if (focusedNode < 0) return out;

    const ui::SemanticNode& n = shown.node(focusedNode);
    if (const int list = ui::enclosingList(shown, focusedNode); list >= 0 && n.role == ui::SemanticRole::ListItem) {
        // Within a list: the next and previous items; Home and End its ends
        // (which the list brings into view first: it may hold thousands).
        if (take(Key::Down)) focus(ui::listNeighbour(shown, focusedNode, +1));
        if (take(Key::Up)) focus(ui::listNeighbour(shown, focusedNode, -1));
        if (take(Key::Home, false)) out.requests.push_back({shown.node(list).id, ui::kFocus, 0});
        if (take(Key::End, false)) out.requests.push_back({shown.node(list).id, ui::kFocus, -1});
    }
    if (n.actions & (ui::kIncrement | ui::kDecrement)) { // a slider, the speed
        if (take(Key::Right) || take(Key::Up)) out.requests.push_back({n.id, ui::kIncrement, 0});
        if (take(Key::Left) || take(Key::Down)) out.requests.push_back({n.id, ui::kDecrement, 0});
    }
    // In a dialog Enter is the dialog's default action (OK, "I'm still
    // here"), as on the desktop; Space presses the focused button.
    const bool enter = dialog < 0 && (take(Key::Enter, false) || take(Key::KeypadEnter, false));
    if ((n.actions & ui::kPress) && (enter || take(Key::Space, false))) out.requests.push_back({n.id, ui::kPress, 0});
    return out;
}

} // namespace la::player
