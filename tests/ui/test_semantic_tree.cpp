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

// ---- the transport bar declares what it draws ----------------------------------

#include "support/headless_imgui.h"
#include "ui/semantic_scope.h"
#include "ui/transport_bar.h"

namespace {

SemanticTree drawBar(const TransportState& s) {
    SemanticTree tree;
    tree.begin("ListenAlong");
    SemanticScope scope(&tree);
    TransportViewState view;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({1280, 300});
    ImGui::Begin("bar", nullptr, ImGuiWindowFlags_NoDecoration);
    drawTransportBar(s, view);
    ImGui::End();
    ImGui::Render();
    return tree;
}

} // namespace

TEST_CASE("The transport bar names its controls for a screen reader, with values and states") {
    la::test::HeadlessImGui imgui;
    TransportState s;
    s.position = 129;
    s.duration = 421;
    s.audioLoaded = true;
    s.speed = 1.5;
    s.volume = 0.8f;
    s.muted = true;
    SemanticTree t = drawBar(s);
    auto at = [&](const char* id) -> const SemanticNode& {
        int i = t.find(id);
        INFO(id);
        REQUIRE(i >= 0);
        return t.node(i);
    };
    CHECK(at("transport/play").name == "Play");
    CHECK(at("transport/play").role == SemanticRole::PushButton);
    CHECK(at("transport/play").actions == kPress);
    CHECK(at("transport/back").name == "Back 15 seconds");
    CHECK(at("transport/forward").name == "Forward 30 seconds");
    REQUIRE(at("transport/seek").value);
    CHECK(at("transport/seek").value->text == "2:09 of 7:01");
    CHECK(at("transport/seek").role == SemanticRole::Slider);
    CHECK(at("transport/speed").name == "Speed 1.5 times");
    CHECK(at("transport/speed").value->current == 1.5);
    CHECK(at("transport/mute").states & kChecked);
    CHECK(at("transport/volume").value->text == "80 %");
    // Bounds are where the control was drawn, in reading order left to right.
    const SemanticNode& back = at("transport/back");
    const SemanticNode& play = at("transport/play");
    CHECK(back.bounds.width > 20);
    CHECK(play.bounds.x > back.bounds.x);
    CHECK(t.find("transport/finish") == -1); // only in a kiosk

    s.audioLoaded = false; // no episode: the controls are there, and disabled
    SemanticTree off = drawBar(s);
    const SemanticNode& p = off.node(off.find("transport/play"));
    CHECK(p.states & kDisabled);
    CHECK_FALSE(p.states & kFocusable);
}

TEST_CASE("Without a tree, drawing declares nothing and nothing breaks") {
    la::test::HeadlessImGui imgui;
    CHECK(currentSemanticTree() == nullptr);
    ImGui::NewFrame();
    ImGui::Begin("bar");
    TransportViewState view;
    drawTransportBar(TransportState{}, view);
    ImGui::End();
    ImGui::Render();
    CHECK(currentSemanticTree() == nullptr);
}

TEST_CASE("The sleep timer's time left sits on the chapter line (compact: a line of its own), read as text, without moving the controls") {
    la::test::HeadlessImGui imgui;
    TransportState s;
    s.position = 129;
    s.duration = 421;
    s.audioLoaded = true;
    s.chapterTitle = "Chapter 2: Cancer and the immune system";
    SemanticTree without = drawBar(s);
    CHECK(without.find("transport/sleep timer") < 0);
    s.sleepText = "Sleep in 14:59";
    SemanticTree with = drawBar(s);
    int i = with.find("transport/sleep timer");
    REQUIRE(i >= 0);
    CHECK(with.node(i).name == "Sleep in 14:59");
    CHECK(with.node(i).role == SemanticRole::Paragraph);
    const SemanticBounds& b = with.node(i).bounds;
    const SemanticBounds& seek = with.node(with.find("transport/seek")).bounds;
    CHECK(b.y + b.height <= seek.y);  // above the seek bar
    CHECK(b.x > 1280 / 2.0f);         // at the line's end, beside the title
    // The seek bar and Play/Pause stay where they were.
    CHECK(seek.y == without.node(without.find("transport/seek")).bounds.y);
    CHECK(with.node(with.find("transport/play")).bounds.y == without.node(without.find("transport/play")).bounds.y);
    // The compact layout leaves out the chapter line, but not the time left:
    // it gets a line of its own, above the seek bar.
    s.compact = true;
    SemanticTree compact = drawBar(s);
    int c = compact.find("transport/sleep timer");
    REQUIRE(c >= 0);
    CHECK(compact.node(c).bounds.x < 1280 / 2.0f);
    CHECK(compact.node(c).bounds.y + compact.node(c).bounds.height <= compact.node(compact.find("transport/seek")).bounds.y);
    s.sleepText.clear();
    CHECK(drawBar(s).find("transport/sleep timer") < 0);
}
