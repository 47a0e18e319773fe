#include "player/platform/atspi_roles.h"

namespace la::player {

using ui::SemanticRole;

AtkRole atkRoleOf(SemanticRole role) {
    switch (role) {
    case SemanticRole::Frame: return ATK_ROLE_FRAME;
    case SemanticRole::Panel: return ATK_ROLE_PANEL;
    case SemanticRole::PushButton: return ATK_ROLE_PUSH_BUTTON;
    case SemanticRole::ToggleButton: return ATK_ROLE_TOGGLE_BUTTON;
    case SemanticRole::Slider: return ATK_ROLE_SLIDER;
    case SemanticRole::List: return ATK_ROLE_LIST;
    case SemanticRole::ListItem: return ATK_ROLE_LIST_ITEM;
    case SemanticRole::Paragraph: return ATK_ROLE_PARAGRAPH;
    case SemanticRole::Heading: return ATK_ROLE_HEADING;
    case SemanticRole::Link: return ATK_ROLE_LINK;
    case SemanticRole::PageTabList: return ATK_ROLE_PAGE_TAB_LIST;
    case SemanticRole::PageTab: return ATK_ROLE_PAGE_TAB;
    case SemanticRole::Dialog: return ATK_ROLE_DIALOG;
    case SemanticRole::Status: return ATK_ROLE_STATUSBAR;
    case SemanticRole::Notification: return ATK_ROLE_NOTIFICATION;
    case SemanticRole::TextField: return ATK_ROLE_ENTRY;
    case SemanticRole::CheckBox: return ATK_ROLE_CHECK_BOX;
    }
    return ATK_ROLE_UNKNOWN;
}

namespace {

bool isSelectable(SemanticRole role) { return role == SemanticRole::ListItem || role == SemanticRole::PageTab; }

// The ATK states that stand for one flag; kFocused's FOCUSED is signalled as
// focus, with the focus tracker, by the mirror.
std::vector<AtkStateType> statesOfFlag(SemanticRole role, ui::SemanticState flag) {
    switch (flag) {
    case ui::kFocusable: return {ATK_STATE_FOCUSABLE};
    case ui::kFocused: return {ATK_STATE_FOCUSED};
    case ui::kChecked: return {ATK_STATE_CHECKED};
    case ui::kSelected: return {ATK_STATE_SELECTED};
    case ui::kExpanded: return {ATK_STATE_EXPANDABLE, ATK_STATE_EXPANDED};
    case ui::kDisabled: return {ATK_STATE_ENABLED, ATK_STATE_SENSITIVE}; // inverted: see addAtkStates
    case ui::kShowing: return {ATK_STATE_SHOWING};
    // ATK 2.46 has no CURRENT: the object attribute current=true says it, and
    // ACTIVE flips with it so a client hears of the change (state-changed:active).
    case ui::kCurrent: return {ATK_STATE_ACTIVE};
    }
    return {};
}

constexpr ui::SemanticState kAllFlags[] = {ui::kFocusable, ui::kFocused, ui::kChecked, ui::kSelected,
                                           ui::kCurrent,   ui::kExpanded, ui::kDisabled, ui::kShowing};

} // namespace

void addAtkStates(AtkStateSet* set, SemanticRole role, std::uint32_t states) {
    atk_state_set_add_state(set, ATK_STATE_VISIBLE);
    if (role == SemanticRole::ToggleButton || role == SemanticRole::CheckBox) atk_state_set_add_state(set, ATK_STATE_CHECKABLE);
    if (isSelectable(role)) atk_state_set_add_state(set, ATK_STATE_SELECTABLE);
    for (ui::SemanticState flag : kAllFlags) {
        const bool on = flag == ui::kDisabled ? !(states & flag) : (states & flag) != 0;
        if (!on) continue;
        for (AtkStateType s : statesOfFlag(role, flag)) atk_state_set_add_state(set, s);
    }
}

std::vector<AtkStateType> atkStatesOfFlags(SemanticRole role, std::uint32_t flipped) {
    std::vector<AtkStateType> out;
    for (ui::SemanticState flag : kAllFlags)
        if (flipped & flag)
            for (AtkStateType s : statesOfFlag(role, flag)) out.push_back(s);
    return out;
}

} // namespace la::player
