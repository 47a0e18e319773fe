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

using namespace la;

namespace {

std::string nameOf(const test::ScriptedHost& host, const std::string& id) {
    int i = host.lastTree.find(id);
    return i < 0 ? "" : host.lastTree.node(i).name;
}

std::string focusedId(const test::ScriptedHost& host) {
    int i = host.lastTree.focused();
    return i < 0 ? "" : host.lastTree.node(i).id;
}

} // namespace

TEST_CASE("A screen reader presses Play, sets the speed, moves the focus and picks a transcript line") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    player::AppOptions options;
    options.audioFile = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    options.settingsFile = dir.file("settings.json");
    options.quitAfter = 60;
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
