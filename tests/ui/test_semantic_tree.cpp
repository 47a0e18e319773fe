// Issue #13 groundwork: the semantic tree the views declare, and the frame-to-
// frame diff an accessibility adapter signals.
#include "ui/semantic_tree.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace la::ui;

namespace {

SemanticTree transport(bool playing, double position, bool focusPlay) {
    SemanticTree t;
    t.begin("ListenAlong");
    t.open("transport", SemanticRole::Panel, "Playback");
    int play = t.add("transport/play", SemanticRole::ToggleButton, playing ? "Pause" : "Play");
    t.node(play).actions = kPress;
    t.node(play).states |= kFocusable | (playing ? kChecked : 0u) | (focusPlay ? kFocused : 0u);
    int seek = t.add("transport/seek", SemanticRole::Slider, "Position");
    t.node(seek).value = SemanticValue{position, 0, 421, 15, position < 130 ? "2:09 of 7:01" : "2:24 of 7:01"};
    t.node(seek).actions = kIncrement | kDecrement | kSetValue;
    t.node(seek).states |= kFocusable | (focusPlay ? 0u : kFocused);
    t.close();
    return t;
}

bool has(const std::vector<SemanticChange>& changes, SemanticChange::Kind kind, const std::string& id) {
    return std::any_of(changes.begin(), changes.end(), [&](const SemanticChange& c) { return c.kind == kind && c.id == id; });
}

} // namespace

TEST_CASE("The tree keeps reading order, parents and ids") {
    SemanticTree t = transport(false, 129, true);
    REQUIRE(t.nodes().size() == 4);
    CHECK(t.node(0).role == SemanticRole::Frame);
    CHECK(t.node(0).name == "ListenAlong");
    int panel = t.find("transport");
    REQUIRE(panel == 1);
    CHECK(t.node(panel).children == std::vector<int>{2, 3});
    CHECK(t.node(t.find("transport/seek")).parent == panel);
    CHECK(t.focused() == t.find("transport/play"));
    CHECK(t.find("nothing") == -1);
    t.close(); // an extra close keeps the root open
    t.close();
    int late = t.add("status", SemanticRole::Status, "Copied");
    CHECK(t.node(late).parent == 0);
}

TEST_CASE("The same frame twice: nothing to signal") {
    CHECK(diffSemanticTrees(transport(false, 129, true), transport(false, 129, true)).empty());
}

TEST_CASE("Only what changed is signalled: a name, a value, a state, the focus") {
    auto changes = diffSemanticTrees(transport(false, 129, true), transport(true, 144, false));
    CHECK(has(changes, SemanticChange::Kind::Name, "transport/play"));   // Play -> Pause
    CHECK(has(changes, SemanticChange::Kind::Value, "transport/seek"));  // 2:09 -> 2:24
    CHECK(has(changes, SemanticChange::Kind::Focus, "transport/seek"));
    auto states = std::find_if(changes.begin(), changes.end(),
                               [](const SemanticChange& c) { return c.kind == SemanticChange::Kind::States; });
    REQUIRE(states != changes.end());
    CHECK(states->id == "transport/play");
    CHECK(states->statesChanged == kChecked); // focus moved too, but that is the Focus change
    CHECK_FALSE(has(changes, SemanticChange::Kind::Children, "transport"));
    CHECK(changes.size() == 4);
}

TEST_CASE("Elements that appear and disappear are added and removed, and their parent's children change") {
    SemanticTree before = transport(false, 0, true);
    SemanticTree after = transport(false, 0, true);
    after.open("toast", SemanticRole::Status, "Speed 1.5 times");
    after.close();
    auto changes = diffSemanticTrees(before, after);
    CHECK(has(changes, SemanticChange::Kind::Added, "toast"));
    CHECK(has(changes, SemanticChange::Kind::Children, "frame"));
    auto back = diffSemanticTrees(after, before);
    CHECK(has(back, SemanticChange::Kind::Removed, "toast"));
    CHECK(has(back, SemanticChange::Kind::Children, "frame"));
}
