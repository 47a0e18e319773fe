#pragma once
// How a view declares what it draws into the frame's semantic tree
// (semantic_tree.h) without threading the tree through every call: like
// ImGui's own context, one tree is current while a frame is drawn. With no
// tree current (tests that only draw, the render sub-command) declaring does
// nothing.

#include "ui/semantic_tree.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace la::ui {

/// Makes `tree` current for its lifetime (the previous one comes back after),
/// and `requests` what a screen reader asked since the last frame: the views
/// take the ones for what they draw (takeRequest); the rest are stale (the
/// element is gone) and are dropped with the frame.
class SemanticScope {
public:
    explicit SemanticScope(SemanticTree* tree, std::vector<SemanticRequest>* requests = nullptr);
    ~SemanticScope();
    SemanticScope(const SemanticScope&) = delete;
    SemanticScope& operator=(const SemanticScope&) = delete;

private:
    SemanticTree* previousTree_;
    std::vector<SemanticRequest>* previousRequests_;
};

/// The tree being built, or null.
SemanticTree* currentSemanticTree();

/// Declares ImGui's last item as an element: its bounds, and its focused,
/// focusable and disabled states from ImGui. A pending kFocus request for it
/// moves ImGui's keyboard focus there (and scrolls it into view). Returns the
/// element's index in the current tree, or -1 when there is none.
int declareLastItem(std::string id, SemanticRole role, std::string name, std::uint32_t actions = kPress,
                    std::uint32_t states = 0);

/// Declares ImGui's last item as text to read (a heading, a paragraph): its
/// bounds, no focus and no actions. Returns its index, or -1.
int declareLastText(std::string id, SemanticRole role, std::string text);

/// The same for text drawn as several items (a bold lead-in and the rest):
/// `bounds` cover them all.
int declareText(std::string id, SemanticRole role, std::string text, SemanticBounds bounds);

/// Starts a group (a list, a panel, a tab list) in the current tree; what is
/// declared until declareClose() goes inside it. Bounds: the current
/// ImGui window's. Returns its index, or -1 when there is no tree.
int declareOpen(std::string id, SemanticRole role, std::string name);
void declareClose();

/// Takes a pending request of `action` for element `index` (from
/// declareLastItem): true once per request, so the view does what the same
/// action by a person would do. kSetValue's value goes to `value`. A disabled
/// element takes none.
bool takeRequest(int index, SemanticAction action, double* value = nullptr);

/// Takes a pending focus request for list `list` (Home, End, a screen reader
/// focusing the list): the index of the item asked for among `count` (the
/// request's value 0: the first, -1: the last), or nothing.
std::optional<std::size_t> takeListFocusRequest(int list, std::size_t count);

/// Whether a request of `action` for element `id` is pending (a view that
/// must first bring the element into view, or react to its focus).
bool hasRequest(const std::string& id, SemanticAction action);

/// Asks for the keyboard focus to move to element `id` when it is declared
/// later in this frame: a list passing a "focus your first item" on.
void requestFocus(std::string id);

/// The usual button: declares ImGui's last item (the button just drawn, which
/// reported `pressed`) and says whether it was pressed, by the person or by
/// a screen reader.
bool declaredButton(bool pressed, std::string id, SemanticRole role, std::string name, std::uint32_t states = 0);

/// Sets the value of element `index` (from declareLastItem; -1 is ignored).
void declareValue(int index, SemanticValue value);

} // namespace la::ui
