// Issue #13: what a screen reader asks (ui::SemanticRequest, queued by the
// platform's AT-SPI adapter) does what the same action by a person does, in
// the next frame, through the views and the command router — the real
// PlayerApp on a windowless host (tests/support/scripted_host.h).

#include "player/player_app.h"
#include "support/headless_imgui.h"
#include "support/ogg_fixture.h"
#include "support/scripted_host.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

using namespace la;

namespace {

std::string nameOf(const test::ScriptedHost& host, const std::string& id) {
    int i = host.lastTree.find(id);
    return i < 0 ? "" : host.lastTree.node(i).name;
}

player::AppOptions episodeOptions(const test::TempDir& dir, double quitAfter) {
    player::AppOptions options;
    options.audioFile = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    options.settingsFile = dir.file("settings.json");
    options.quitAfter = quitAfter;
    return options;
}

std::string focusedId(const test::ScriptedHost& host) {
    int i = host.lastTree.focused();
    return i < 0 ? "" : host.lastTree.node(i).id;
}

} // namespace

TEST_CASE("A screen reader presses Play, sets the speed, moves the focus and picks a transcript line") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    player::AppOptions options = episodeOptions(dir, 60);
    test::ScriptedHost host;
    int step = 0;
    std::string seenTitle, seenSpeed, seenFocus, seenPosition, pickedCue;
    host.script = [&](test::ScriptedHost& h) {
        switch (step) {
        case 0: // the player is on screen, paused
            if (nameOf(h, "transport/play") != "Play") return;
            h.request("transport/play", ui::kPress);
            ++step;
            return;
        case 1:
            if (nameOf(h, "transport/play") != "Pause") return;
            seenTitle = h.title;
            h.request("transport/play", ui::kPress); // pause again: the position holds still
            h.request("transport/speed", ui::kSetValue, 1.5);
            ++step;
            return;
        case 2:
            if (nameOf(h, "transport/play") != "Play" || h.valueText("transport/speed") != "1.5 times") return;
            seenSpeed = h.valueText("transport/speed");
            h.request("transport/forward", ui::kFocus);
            ++step;
            return;
        case 3:
            if (focusedId(h) != "transport/forward") return;
            seenFocus = focusedId(h);
            // A line further down the transcript than the one being heard.
            for (const ui::SemanticNode& n : h.lastTree.nodes())
                if (n.id.rfind("transcript/cue/", 0) == 0 && n.id != "transcript/cue/0" && (n.states & ui::kShowing))
                    pickedCue = n.id;
            REQUIRE_FALSE(pickedCue.empty());
            h.request(pickedCue, ui::kPress);
            ++step;
            return;
        case 4: {
            int i = h.lastTree.find(pickedCue);
            if (i < 0 || !(h.lastTree.node(i).states & ui::kCurrent)) return;
            seenPosition = h.valueText("transport/seek");
            ++step;
            return;
        }
        default: return;
        }
    };
    std::ostringstream err;
    int code = player::PlayerApp(options, host, err).run();
    INFO("stderr: " << err.str() << "; stopped at step " << step);
    CHECK(code == 0);
    CHECK(step == 5);
    CHECK(seenTitle.find("Playing") != std::string::npos);
    CHECK(seenSpeed == "1.5 times");
    CHECK(seenFocus == "transport/forward");
    CHECK(seenPosition.rfind("0:00 of", 0) != 0); // the line's time, not the start
}

TEST_CASE("A screen reader opens the chapters and the article as page tabs, finds them in the tree, and hears a chapter jump") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    player::AppOptions options = episodeOptions(dir, 30);
    options.start = 95; // chapter 3
    test::ScriptedHost host;
    host.width = 800, host.height = 480; // one pane at a time, behind tabs
    int step = 0;
    std::vector<std::string> chapters, currentChapters, headings;
    bool chaptersTabSelected = false, listenFromHere = false;
    std::string announced;
    host.script = [&](test::ScriptedHost& h) {
        if (step == 0 && h.shows("view/Chapters")) {
            h.request("view/Chapters", ui::kPress);
            ++step;
        } else if (step == 1 && h.shows("chapters/0")) {
            chaptersTabSelected = h.lastTree.node(h.lastTree.find("view/Chapters")).states & ui::kSelected;
            for (const ui::SemanticNode& n : h.lastTree.nodes()) {
                if (n.role != ui::SemanticRole::ListItem || n.id.rfind("chapters/", 0) != 0) continue;
                chapters.push_back(n.name);
                if (n.states & ui::kCurrent) currentChapters.push_back(n.name);
            }
            h.request("chapters/next", ui::kPress);
            ++step;
        } else if (step == 2) {
            // The jump is said once for a screen reader, with where it landed.
            for (const ui::SemanticNode& n : h.lastTree.nodes())
                if (n.role == ui::SemanticRole::Notification) announced = n.name;
            if (announced.empty()) return;
            h.request("view/Article", ui::kPress);
            ++step;
        } else if (step == 3 && h.shows("article/0")) {
            for (const ui::SemanticNode& n : h.lastTree.nodes()) {
                if (n.role == ui::SemanticRole::Heading && n.id.rfind("article/", 0) == 0) headings.push_back(n.name);
                listenFromHere |= n.id.find("/listen") != std::string::npos && n.role == ui::SemanticRole::PushButton;
            }
            ++step;
        }
    };
    std::ostringstream err;
    CHECK(player::PlayerApp(options, host, err).run() == 0);
    INFO("stopped at step " << step);
    REQUIRE(step == 4);
    CHECK(announced == "Chapter 4 of 9: " + chapters[3]);
    CHECK(chaptersTabSelected);
    CHECK(chapters.size() >= 3);
    REQUIRE(currentChapters.size() == 1);
    CHECK(currentChapters[0] == chapters[2]);
    CHECK(headings.size() >= 5);
    CHECK(listenFromHere);
}

TEST_CASE("F1 opens the sheet of keyboard shortcuts; its Close closes it") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    test::ScriptedHost host;
    int step = 0;
    host.script = [&](test::ScriptedHost& h) {
        if (step == 0 && h.shows("transport/play")) {
            CHECK_FALSE(h.shows("keyboard help"));
            h.press(player::Key::F1);
            ++step;
        } else if (step == 1 && h.shows("keyboard help")) {
            h.request("keyboard help/close", ui::kPress);
            ++step;
        } else if (step == 2 && !h.shows("keyboard help")) {
            ++step;
        }
    };
    std::ostringstream err;
    CHECK(player::PlayerApp(episodeOptions(dir, 20), host, err).run() == 0);
    CHECK(step == 3);
}
