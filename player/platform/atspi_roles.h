#pragma once
// How the semantic tree's roles and state flags read in ATK's terms. The
// choices a reader of AT-SPI output needs to know:
// - kCurrent has no ATK state (ATK 2.46 has none): it is the object attribute
//   "current"="true", as browsers expose aria-current.
// - kShowing is SHOWING; VISIBLE is always set (an element in the tree exists
//   on some page of the window even when scrolled out of view).
// - ENABLED and SENSITIVE unless kDisabled.
// - kChecked is CHECKED; toggle buttons are also CHECKABLE.
// - kExpanded is EXPANDED and EXPANDABLE: the tree says nothing of elements
//   that could expand but are closed.
// - List items and tabs are SELECTABLE.

#include "ui/semantic_tree.h"

#include <atk/atk.h>

#include <cstdint>
#include <vector>

namespace la::player {

AtkRole atkRoleOf(ui::SemanticRole role);

/// Every ATK state an element with these flags has.
void addAtkStates(AtkStateSet* set, ui::SemanticRole role, std::uint32_t states);

/// The ATK states that change when these flags flip (to signal each one).
std::vector<AtkStateType> atkStatesOfFlags(ui::SemanticRole role, std::uint32_t flipped);

} // namespace la::player
