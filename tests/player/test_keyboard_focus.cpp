// Issue #13: the keyboard order of the real PlayerApp on a windowless host
// (tests/support/scripted_host.h). Tab and Shift+Tab visit every control in
// the order of the frame's semantic tree, the transcript and the chapters as
// one stop each; Up/Down/Home/End move within a list, reaching lines far out
// of view; Space presses what has the focus; the arrows step a slider; F6
// jumps between regions; a dialog takes the focus and gives it back.

#include "player/player_app.h"
#include "support/headless_imgui.h"
#include "support/scripted_host.h"
#include "support/ogg_fixture.h"
#include "ui/focus_order.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace la;
using player::Key;

namespace {

player::AppOptions episodeOptions(const test::TempDir& dir, double start = 60) {
    player::AppOptions options;
    options.audioFile = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    options.settingsFile = dir.file("settings.json");
    options.quitAfter = 120;
    options.start = start;
    return options;
}

std::string focusedId(const test::ScriptedHost& h) {
    int i = h.lastTree.find("frame") < 0 ? -1 : h.lastTree.focused();
    return i < 0 ? "" : h.lastTree.node(i).id;
}

bool isCue(const std::string& id) { return id.rfind("transcript/cue/", 0) == 0; }
int cueNumber(const std::string& id) { return isCue(id) ? std::stoi(id.substr(15)) : -1; }

/// Runs the app, giving the script one step at a time: each step acts, then
/// the next waits until the frame after the step's input was drawn.
struct KeyScript {
    using Step = std::function<void(test::ScriptedHost&)>;
    std::vector<Step> steps;
    size_t next = 0;
    int waitFrames = 0;
    test::ScriptedHost host;

    int run(const player::AppOptions& options) {
        host.script = [this](test::ScriptedHost& h) {
            if (!h.shows("transport/play")) return; // the player is not on screen yet
            if (waitFrames > 0) { --waitFrames; return; }
            if (next >= steps.size()) {
                h.now = 1000000; // done: quit-after passes
                return;
            }
            h.shift = false;
            steps[next++](h);
            waitFrames = 2; // the input's frame, then one to draw what it did
        };
        std::ostringstream err;
        int code = player::PlayerApp(options, host, err).run();
        INFO("stderr: " << err.str());
        return code;
    }
};

} // namespace

TEST_CASE("Tab visits every control in reading order, each list once, and Shift+Tab goes back") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    KeyScript s;
    std::vector<std::string> expected, forward, backward;
    std::vector<std::string> focusable; // in the tree, outside the lists
    s.steps.push_back([&](test::ScriptedHost& h) { s.waitFrames = 10; }); // the transcript has scrolled to 1:00
    s.steps.push_back([&](test::ScriptedHost& h) {
        for (int i : ui::tabStops(h.lastTree)) expected.push_back(h.lastTree.node(i).id);
        for (const ui::SemanticNode& n : h.lastTree.nodes())
            if ((n.states & ui::kFocusable) && n.role != ui::SemanticRole::ListItem) focusable.push_back(n.id);
        h.press(Key::Tab);
    });
    for (int i = 0; i < 40; ++i)
        s.steps.push_back([&](test::ScriptedHost& h) {
            forward.push_back(focusedId(h));
            h.press(Key::Tab);
        });
    for (int i = 0; i < 5; ++i)
        s.steps.push_back([&](test::ScriptedHost& h) {
            backward.push_back(focusedId(h));
            h.shift = true;
            h.press(Key::Tab);
        });
    s.steps.push_back([&](test::ScriptedHost& h) { backward.push_back(focusedId(h)); });
    REQUIRE(s.run(episodeOptions(dir)) == 0);

    INFO("expected order: " << Catch::Detail::stringify(expected));
    INFO("visited: " << Catch::Detail::stringify(forward));
    REQUIRE(expected.size() >= 15);
    REQUIRE(expected.size() < 40);
    // Every stop in order from the first: all the tree's controls, in the
    // tree's (reading) order.
    REQUIRE(forward.size() > expected.size());
    for (size_t i = 0; i < expected.size(); ++i) CHECK(forward[i] == expected[i]);
    for (const std::string& id : focusable)
        if (id.rfind("chapters/", 0) != 0 || id == "chapters/next" || id == "chapters/previous")
            CHECK(std::find(expected.begin(), expected.end(), id) != expected.end());
    // Then around again (the transcript stopped following what is heard
    // once a line had the focus: "Back to now" is there now).
    CHECK(forward[expected.size()] == expected[0]);
    CHECK(std::find(forward.begin() + long(expected.size()), forward.end(), "transcript/back to now") != forward.end());
    // What a sighted user finds where: the display bar first, the transport last.
    CHECK(expected.front().rfind("display/", 0) == 0);
    CHECK(expected.back().rfind("transport/", 0) == 0);
    // The transcript is one stop, the line being heard (playback is at 1:00, not at the top).
    int cueStops = 0;
    for (const std::string& id : expected) cueStops += isCue(id);
    CHECK(cueStops == 1);
    for (const std::string& id : expected)
        if (isCue(id)) CHECK(cueNumber(id) > 0);
    int chapterStops = 0;
    for (const std::string& id : expected) chapterStops += id.rfind("chapters/", 0) == 0 && id.find('/', 9) == std::string::npos && id != "chapters/next" && id != "chapters/previous";
    CHECK(chapterStops == 1);
    // Each stop once per round.
    CHECK(std::set<std::string>(expected.begin(), expected.end()).size() == expected.size());
    // Shift+Tab: back the way it came.
    REQUIRE(backward.size() == 6);
    for (size_t i = 1; i < backward.size(); ++i) {
        auto at = std::find(forward.rbegin(), forward.rend(), backward[i - 1]);
        REQUIRE(at + 1 < forward.rend());
        CHECK(backward[i] == *(at + 1));
    }
}

TEST_CASE("In the transcript Up and Down move line by line, Home and End reach lines far out of view, Space plays from one") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    KeyScript s;
    std::string start, afterDown, afterUp, afterHome, afterEnd, position;
    bool lastShowing = false;
    auto tabToTranscript = [&](test::ScriptedHost& h) {
        if (!isCue(focusedId(h))) {
            h.press(Key::Tab);
            --s.next; // again, until the focus is on a line
        }
    };
    s.steps.push_back(tabToTranscript);
    s.steps.push_back([&](test::ScriptedHost& h) {
        start = focusedId(h);
        h.press(Key::Down);
    });
    s.steps.push_back([&](test::ScriptedHost& h) {
        afterDown = focusedId(h);
        h.press(Key::Down);
    });
    s.steps.push_back([&](test::ScriptedHost& h) { h.press(Key::Up); });
    s.steps.push_back([&](test::ScriptedHost& h) {
        afterUp = focusedId(h);
        h.press(Key::End);
    });
    s.steps.push_back([&](test::ScriptedHost& h) {
        afterEnd = focusedId(h);
        int i = h.lastTree.find(afterEnd);
        lastShowing = i >= 0 && (h.lastTree.node(i).states & ui::kShowing);
        h.press(Key::Home);
    });
    s.steps.push_back([&](test::ScriptedHost& h) {
        afterHome = focusedId(h);
        h.press(Key::Down);
    });
    s.steps.push_back([&](test::ScriptedHost& h) { h.press(Key::Space); });
    s.steps.push_back([&](test::ScriptedHost& h) { position = h.valueText("transport/seek"); });
    REQUIRE(s.run(episodeOptions(dir)) == 0);

    INFO(start << " " << afterDown << " " << afterUp << " " << afterEnd << " " << afterHome << " " << position);
    REQUIRE(isCue(start));
    CHECK(cueNumber(afterDown) == cueNumber(start) + 1);
    CHECK(cueNumber(afterUp) == cueNumber(start) + 1); // down twice, up once
    CHECK(cueNumber(afterEnd) > cueNumber(start) + 40); // the episode's last line, scrolled into view
    CHECK(lastShowing);
    CHECK(afterHome == "transcript/cue/0");
    // Space on line 1 played from its start: not 1:00 any more, not paused at the top.
    CHECK(position.rfind("1:00 of", 0) != 0);
    CHECK(position.rfind("0:0", 0) == 0);
}

TEST_CASE("Space and Enter press the focused control; arrows step a focused slider; Escape hides the focus and Space is play again") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    KeyScript s;
    std::string volumeBefore, volumeAfter, playName;
    bool muted = false;
    bool shownAfterEscape = true;
    auto tabTo = [&](const std::string& id) {
        return [&, id](test::ScriptedHost& h) {
            if (focusedId(h) != id) {
                h.press(Key::Tab);
                --s.next;
            }
        };
    };
    s.steps.push_back(tabTo("transport/volume"));
    s.steps.push_back([&](test::ScriptedHost& h) {
        volumeBefore = h.valueText("transport/volume");
        h.press(Key::Right);
    });
    s.steps.push_back([&](test::ScriptedHost& h) {
        volumeAfter = h.valueText("transport/volume");
        h.shift = true;
        h.press(Key::Tab); // back to Mute
    });
    s.steps.push_back([&](test::ScriptedHost& h) { h.press(Key::Enter); });
    s.steps.push_back([&](test::ScriptedHost& h) {
        muted = h.lastTree.node(h.lastTree.find("transport/mute")).states & ui::kChecked;
        h.press(Key::Escape);
    });
    s.steps.push_back([&](test::ScriptedHost& h) { h.press(Key::Space); });
    s.steps.push_back([&](test::ScriptedHost& h) {
        playName = h.lastTree.node(h.lastTree.find("transport/play")).name;
        shownAfterEscape = false;
    });
    REQUIRE(s.run(episodeOptions(dir)) == 0);
    INFO(volumeBefore << " -> " << volumeAfter << ", play: " << playName);
    REQUIRE_FALSE(volumeBefore.empty());
    CHECK(volumeAfter != volumeBefore);
    CHECK(std::stoi(volumeAfter) == std::stoi(volumeBefore) + 5);
    CHECK(muted);
    CHECK(playName == "Pause"); // Space outside a focused control: play
}

TEST_CASE("F6 jumps from region to region; a dialog takes the focus and gives it back when it closes") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    KeyScript s;
    std::vector<std::string> regions;
    std::string inDialog, afterDialog;
    for (int i = 0; i < 6; ++i)
        s.steps.push_back([&](test::ScriptedHost& h) {
            if (!focusedId(h).empty()) regions.push_back(focusedId(h));
            h.press(Key::F6);
        });
    s.steps.push_back([&](test::ScriptedHost& h) {
        regions.push_back(focusedId(h));
        h.press(Key::F1);
    });
    s.steps.push_back([&](test::ScriptedHost& h) {
        inDialog = focusedId(h);
        h.press(Key::Space); // on Close
    });
    s.steps.push_back([&](test::ScriptedHost& h) {});
    s.steps.push_back([&](test::ScriptedHost& h) { afterDialog = focusedId(h); });
    REQUIRE(s.run(episodeOptions(dir)) == 0);
    INFO(Catch::Detail::stringify(regions) << "; in the dialog: " << inDialog << "; after: " << afterDialog);
    REQUIRE(regions.size() == 6);
    for (size_t i = 1; i < regions.size(); ++i) CHECK(ui::regionOf(regions[i]) != ui::regionOf(regions[i - 1]));
    std::set<std::string> distinct;
    for (const std::string& r : regions) distinct.insert(ui::regionOf(r));
    CHECK(distinct.count("transport") == 1);
    CHECK(distinct.count("transcript") == 1);
    CHECK(inDialog == "keyboard help/close");
    CHECK(afterDialog == regions.back());
}

TEST_CASE("Enter on the speed opens its menu as a dialog: the focus goes in, stays in, and comes back when it closes") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    KeyScript s;
    std::string inMenu, afterPick, speedAfter;
    std::set<std::string> visitedInMenu;
    s.steps.push_back([&](test::ScriptedHost& h) {
        if (focusedId(h) != "transport/speed") {
            h.press(Key::Tab);
            --s.next;
        }
    });
    s.steps.push_back([&](test::ScriptedHost& h) { h.press(Key::Enter); });
    s.steps.push_back([&](test::ScriptedHost& h) {}); // the menu opens; the next frame moves the focus in
    s.steps.push_back([&](test::ScriptedHost& h) {
        inMenu = focusedId(h);
        h.press(Key::Tab);
    });
    for (int i = 0; i < 30; ++i)
        s.steps.push_back([&](test::ScriptedHost& h) {
            visitedInMenu.insert(focusedId(h));
            // Round the dialog once (past Close), then stop on 1.5x.
            if (!visitedInMenu.count("speed menu/close") || focusedId(h) != "speed menu/1.5\u00d7") h.press(Key::Tab);
        });
    s.steps.push_back([&](test::ScriptedHost& h) { h.press(Key::Space); });
    s.steps.push_back([&](test::ScriptedHost& h) {});
    s.steps.push_back([&](test::ScriptedHost& h) {
        afterPick = focusedId(h);
        speedAfter = h.valueText("transport/speed");
    });
    REQUIRE(s.run(episodeOptions(dir)) == 0);
    INFO("in the menu: " << inMenu << "; visited " << Catch::Detail::stringify(visitedInMenu) << "; after: " << afterPick);
    CHECK(inMenu == "speed menu/slower");
    for (const std::string& id : visitedInMenu) CHECK(id.rfind("speed menu/", 0) == 0); // Tab stays in the dialog
    CHECK(visitedInMenu.count("speed menu/close") == 1);
    CHECK(speedAfter == "1.5 times");
    CHECK(afterPick == "transport/speed");
}

TEST_CASE("The chapter menu opens on the chapter playing; Down and Space play the next one") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    KeyScript s;
    s.host.width = 800, s.host.height = 480; // the transport's chapter picker, not the chapter list
    std::string first, second, title;
    bool firstCurrent = false;
    s.steps.push_back([&](test::ScriptedHost& h) {
        if (focusedId(h) != "transport/chapters") {
            h.press(Key::Tab);
            --s.next;
        }
    });
    s.steps.push_back([&](test::ScriptedHost& h) { h.press(Key::Enter); });
    s.steps.push_back([&](test::ScriptedHost& h) {});
    s.steps.push_back([&](test::ScriptedHost& h) {
        first = focusedId(h);
        int i = h.lastTree.find(first);
        firstCurrent = i >= 0 && (h.lastTree.node(i).states & ui::kCurrent);
        h.press(Key::Down);
    });
    s.steps.push_back([&](test::ScriptedHost& h) {
        second = focusedId(h);
        h.press(Key::Space);
    });
    s.steps.push_back([&](test::ScriptedHost& h) {});
    s.steps.push_back([&](test::ScriptedHost& h) { title = h.title; });
    REQUIRE(s.run(episodeOptions(dir)) == 0);
    INFO(first << " -> " << second << "; title " << title);
    CHECK(first == "chapter menu/1"); // 1:00 is in chapter 2 (index 1)
    CHECK(firstCurrent);
    CHECK(second == "chapter menu/2");
    CHECK(title.find("Chapter 3 of 9") != std::string::npos);
}
