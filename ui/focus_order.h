#pragma once
// The keyboard order, read from a frame's semantic tree (semantic_tree.h):
// which element Tab, Shift+Tab, F6 and the arrow keys in a list move the
// focus to (issue #13). ImGui 1.86 only tabs between text fields; the tree
// already lists every control in reading order, so the order is the tree's.
// Pure: no ImGui here.
//
// - Tab stops are the focusable, enabled elements in tree order; a list
//   (the transcript, the chapters) is one stop: its focused item, else the
//   current one (the line being heard), else its first.
// - While a dialog is open the stops are the dialog's only (it is modal).
// - Regions (for F6) are the elements' id prefixes before the first '/':
//   "display", "view", "transcript", "chapters", "article", "transport"...

#include "ui/semantic_tree.h"

#include <string>
#include <vector>

namespace la::ui {

enum class FocusMove { Next, Previous, NextRegion, PreviousRegion };

/// The tab stops, as node indexes in order.
std::vector<int> tabStops(const SemanticTree& tree);

/// The id `move` takes the focus to from the element `from` (an id; empty or
/// absent from the tree: from before the first stop). Wraps around. Empty
/// when there is no stop.
std::string focusTarget(const SemanticTree& tree, const std::string& from, FocusMove move);

/// The region of an element id: "transcript" for "transcript/cue/4".
std::string regionOf(const std::string& id);

/// The list (index) that holds item `node` directly, or -1.
int enclosingList(const SemanticTree& tree, int node);

/// The item `step` places away from list item `node` among its list's
/// items (the ones declared this frame), or empty at either end.
std::string listNeighbour(const SemanticTree& tree, int node, int step);

/// The open dialog's index (the last one declared: the one on top), or -1.
int openDialog(const SemanticTree& tree);

} // namespace la::ui
