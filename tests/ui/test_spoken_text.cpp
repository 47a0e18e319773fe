// What the talking kiosk will say for an element (ui/spoken_text.h): name,
// value when the name lacks it, kind of control, and the states that matter.

#include "ui/spoken_text.h"

#include <catch2/catch.hpp>

using namespace la::ui;

namespace {

SemanticNode node(SemanticRole role, std::string name, std::uint32_t states = 0) {
    SemanticNode n;
    n.role = role;
    n.name = std::move(name);
    n.states = states | kShowing | kFocusable;
    return n;
}

} // namespace

TEST_CASE("Spoken: buttons, toggles, check boxes and tabs say their kind and state") {
    CHECK(spokenText(node(SemanticRole::PushButton, "Play")) == "Play, button");
    CHECK(spokenText(node(SemanticRole::ToggleButton, "Mute", kChecked)) == "Mute, toggle button, on");
    CHECK(spokenText(node(SemanticRole::ToggleButton, "Mute")) == "Mute, toggle button, off");
    CHECK(spokenText(node(SemanticRole::CheckBox, "Keep the current section in view")) ==
          "Keep the current section in view, check box, not checked");
    CHECK(spokenText(node(SemanticRole::PageTab, "Transcript", kSelected)) == "Transcript, tab, selected");
    CHECK(spokenText(node(SemanticRole::PushButton, "Dark", kChecked)) == "Dark, button, chosen");
    CHECK(spokenText(node(SemanticRole::PushButton, "OK", kDisabled)) == "OK, button, unavailable");
    CHECK(spokenText(node(SemanticRole::PushButton, "Chapter 2 of 9", kExpanded)) == "Chapter 2 of 9, button, open");
}

TEST_CASE("Spoken: a value is said once, after the name") {
    SemanticNode seek = node(SemanticRole::Slider, "Position");
    seek.value = SemanticValue{129, 0, 421, 5, "2:09 of 7:01"};
    CHECK(spokenText(seek) == "Position, 2:09 of 7:01, slider");
    SemanticNode speed = node(SemanticRole::PushButton, "Speed 1.5 times");
    speed.value = SemanticValue{1.5, 0.5, 3, 0.05, "1.5 times"};
    CHECK(spokenText(speed) == "Speed 1.5 times, button"); // the name says it already
    SemanticNode box = node(SemanticRole::TextField, "Search the transcript");
    box.value = SemanticValue{0, 0, 0, 0, "immune"};
    CHECK(spokenText(box) == "Search the transcript, immune, edit text");
}

TEST_CASE("Spoken: text is read as it is; the line being heard says so") {
    CHECK(spokenText(node(SemanticRole::Paragraph, "Information last reviewed June 2017")) ==
          "Information last reviewed June 2017");
    CHECK(spokenText(node(SemanticRole::ListItem, "Yes, those are the two ways.", kCurrent)) ==
          "Yes, those are the two ways. Now playing");
    CHECK(spokenText(node(SemanticRole::Heading, "About the immune system")) == "About the immune system, heading");
}

TEST_CASE("Clock times are said as minutes and seconds") {
    CHECK(speakableTimes("Position, 2:09 of 7:01, slider") == "Position, 2 minutes 9 seconds of 7 minutes 1 second, slider");
    CHECK(speakableTimes("0:03 of 1:00") == "3 seconds of 1 minute");
    CHECK(speakableTimes("at 1:02:03.") == "at 1 hour 2 minutes 3 seconds.");
    CHECK(speakableTimes("0:00") == "0 seconds");
    CHECK(speakableTimes("Chapter 4 of 9: Cancer") == "Chapter 4 of 9: Cancer"); // not a time
    CHECK(speakableTimes("Speed 1.5 times") == "Speed 1.5 times");
}
