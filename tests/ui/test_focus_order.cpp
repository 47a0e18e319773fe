// The keyboard order read from a semantic tree (ui/focus_order.h): a list is
// one stop (its focused, else current, else first item, then the controls
// of that row), a dialog keeps the focus inside, F6 goes region by region,
// and a line scrolled out of the tree since it had the focus still counts
// as being in its list.

#include "ui/focus_order.h"

#include <catch2/catch.hpp>

using namespace la::ui;

namespace {

int button(SemanticTree& t, const std::string& id, std::uint32_t states = 0) {
    int i = t.add(id, SemanticRole::PushButton, id);
    t.node(i).states |= kFocusable | states;
    return i;
}

int item(SemanticTree& t, const std::string& id, std::uint32_t states = 0) {
    int i = t.add(id, SemanticRole::ListItem, id);
    t.node(i).states |= kFocusable | states;
    return i;
}

/// display/a, display/b, a transcript of lines 3..6 (5 current), chapters
/// with a "read" link per row, transport/play.
SemanticTree player(std::uint32_t line4 = 0) {
    SemanticTree t;
    t.begin("ListenAlong");
    button(t, "display/a");
    button(t, "display/b");
    t.add("display/label", SemanticRole::Paragraph, "Text 100 %"); // not a stop
    t.open("transcript", SemanticRole::List, "Transcript");
    item(t, "transcript/cue/3");
    item(t, "transcript/cue/4", line4);
    item(t, "transcript/cue/5", kCurrent);
    item(t, "transcript/cue/6");
    t.close();
    t.open("chapters", SemanticRole::List, "Chapters");
    item(t, "chapters/0");
    button(t, "chapters/0/read");
    item(t, "chapters/1", kCurrent);
    button(t, "chapters/1/read");
    t.close();
    int off = button(t, "transport/back");
    t.node(off).states |= kDisabled; // disabled: skipped
    button(t, "transport/play");
    return t;
}

std::vector<std::string> stopIds(const SemanticTree& t) {
    std::vector<std::string> ids;
    for (int i : tabStops(t)) ids.push_back(t.node(i).id);
    return ids;
}

} // namespace

TEST_CASE("Tab stops: each list once (the current item, then its row's controls); text and disabled controls are not stops") {
    CHECK(stopIds(player()) == std::vector<std::string>{"display/a", "display/b", "transcript/cue/5", "chapters/1",
                                                        "chapters/1/read", "transport/play"});
    // A focused item is its list's stop.
    CHECK(stopIds(player(kFocused))[2] == "transcript/cue/4");
}

TEST_CASE("Tab and Shift+Tab go round the stops; from nothing Tab starts at the first, Shift+Tab at the last") {
    SemanticTree t = player();
    CHECK(focusTarget(t, "", FocusMove::Next) == "display/a");
    CHECK(focusTarget(t, "", FocusMove::Previous) == "transport/play");
    CHECK(focusTarget(t, "display/b", FocusMove::Next) == "transcript/cue/5");
    CHECK(focusTarget(t, "transport/play", FocusMove::Next) == "display/a");
    CHECK(focusTarget(t, "chapters/1", FocusMove::Previous) == "transcript/cue/5");
    // From a list item that is not the stop (a screen reader put the focus there): out of the list.
    CHECK(focusTarget(t, "transcript/cue/3", FocusMove::Next) == "chapters/1");
    // From a row's link: on past the list.
    CHECK(focusTarget(t, "chapters/1/read", FocusMove::Next) == "transport/play");
    // From a line that scrolled out of the tree since: where its list stands.
    CHECK(focusTarget(t, "transcript/cue/90", FocusMove::Next) == "chapters/1");
    CHECK(focusTarget(t, "transcript/cue/90", FocusMove::Previous) == "display/b");
}

TEST_CASE("F6 and Shift+F6 go to the first stop of the next and previous region") {
    SemanticTree t = player();
    CHECK(focusTarget(t, "display/a", FocusMove::NextRegion) == "transcript/cue/5");
    CHECK(focusTarget(t, "transcript/cue/5", FocusMove::NextRegion) == "chapters/1");
    CHECK(focusTarget(t, "chapters/1/read", FocusMove::NextRegion) == "transport/play");
    CHECK(focusTarget(t, "transport/play", FocusMove::NextRegion) == "display/a");
    CHECK(focusTarget(t, "display/b", FocusMove::PreviousRegion) == "transport/play");
    CHECK(focusTarget(t, "chapters/1/read", FocusMove::PreviousRegion) == "transcript/cue/5");
    CHECK(regionOf("transcript/cue/4") == "transcript");
}

TEST_CASE("Up and Down within a list reach the neighbouring items, nothing past either end") {
    SemanticTree t = player();
    const int five = t.find("transcript/cue/5");
    CHECK(listNeighbour(t, five, +1) == "transcript/cue/6");
    CHECK(listNeighbour(t, five, -1) == "transcript/cue/4");
    CHECK(listNeighbour(t, t.find("transcript/cue/6"), +1).empty());
    CHECK(listNeighbour(t, t.find("chapters/0"), +1) == "chapters/1"); // the link between is not an item
    CHECK(listNeighbour(t, t.find("display/a"), +1).empty());          // not in a list
}

TEST_CASE("An open dialog keeps the stops inside it") {
    SemanticTree t = player();
    t.open("keyboard help", SemanticRole::Dialog, "Keyboard shortcuts");
    t.add("keyboard help/title", SemanticRole::Heading, "Keyboard shortcuts");
    button(t, "keyboard help/close");
    t.close();
    REQUIRE(openDialog(t) == t.find("keyboard help"));
    CHECK(stopIds(t) == std::vector<std::string>{"keyboard help/close"});
    CHECK(focusTarget(t, "transport/play", FocusMove::Next) == "keyboard help/close");
    CHECK(focusTarget(t, "keyboard help/close", FocusMove::Next) == "keyboard help/close");
}
