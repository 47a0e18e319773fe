// The talking kiosk (issue #14) through the real app core: PlayerApp in kiosk
// mode on a host without a window, the real espeak-ng synthesizer and the
// real output mix, pulled by a stand-in device. A visitor arrives, presses
// Tab, asks for the phrase again, starts listening, pauses and walks away;
// the speech log (--speech-log) must hold what was meant, in that order, and
// the output must carry the voice.

#include "player/player_app.h"
#include "support/headless_imgui.h"
#include "support/ogg_fixture.h"
#include "support/scripted_host.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace la;
using player::Key;

namespace {

struct Logged {
    long ms = 0;
    std::string kind, text;
};

std::vector<Logged> readLog(const std::string& path) {
    std::vector<Logged> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        Logged l;
        std::string ms;
        std::getline(fields, ms, '\t');
        std::getline(fields, l.kind, '\t');
        std::getline(fields, l.text);
        l.ms = std::stol(ms);
        out.push_back(l);
    }
    return out;
}

// Index of the first entry at or after `from` of this kind whose text holds `part`, or -1.
int find(const std::vector<Logged>& log, const std::string& kind, const std::string& part, int from = 0) {
    for (int i = from; i < int(log.size()); ++i)
        if ((kind.empty() || log[size_t(i)].kind == kind) && log[size_t(i)].text.find(part) != std::string::npos) return i;
    return -1;
}

} // namespace

TEST_CASE("The kiosk says the welcome, the focus, the result, the countdown and the reset, and repeats on F2") {
    test::HeadlessImGui imgui;
    test::TempDir dir;
    const std::string config = dir.file("kiosk.json"), speechLog = dir.file("speech.log");
    std::ofstream(config) << R"({"idleResetSeconds": 30, "countdownSeconds": 10, "allowQuit": false})";
    player::AppOptions options;
    options.kiosk = true;
    options.kioskConfig = config;
    options.audioFile = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    options.speechLog = speechLog;
    options.quitAfter = 90;

    enum class Step { Arrive, Repeat, Listen, Pause, Leave, Done } step = Step::Arrive;
    float voicePeak = 0, silentPeak = 1;
    bool resetSeen = false;
    test::ScriptedHost host;
    host.script = [&](test::ScriptedHost& h) {
        const double t = double(h.now) / 1000.0;
        switch (step) {
        case Step::Arrive:
            if (t < 2 || !h.shows("attract/listen")) return;
            silentPeak = h.sink->pull(0.3); // nobody there: the welcome waits silently
            h.press(Key::Tab);
            step = Step::Repeat;
            return;
        case Step::Repeat:
            voicePeak = h.sink->pull(1.0); // the welcome, heard
            h.press(Key::F2);
            step = Step::Listen;
            return;
        case Step::Listen:
            if (!h.click("attract/listen")) return;
            step = Step::Pause;
            return;
        case Step::Pause:
            if (!h.shows("transport/play")) return;
            h.sink->pull(0.2);
            h.press(Key::Space);
            step = Step::Leave;
            return;
        case Step::Leave: // nobody touches it any more: countdown, then the reset
            h.sink->pull(0.05);
            if (h.shows("attract/listen")) resetSeen = true, step = Step::Done;
            return;
        case Step::Done:
            return;
        }
    };
    std::ostringstream err;
    int code = player::PlayerApp(options, host, err).run();
    INFO("stderr: " << err.str());
    CHECK(code == 0);
    CHECK(resetSeen);

    const std::vector<Logged> log = readLog(speechLog);
    std::string all;
    for (const Logged& l : log) all += std::to_string(l.ms) + " " + l.kind + " " + l.text + "\n";
    INFO("speech log:\n" << all);
    REQUIRE_FALSE(log.empty());
    // Nothing before the first key; then the welcome, with how to start.
    const int welcome = find(log, "welcome", "Touch Listen, or press Enter");
    REQUIRE(welcome == 0);
    CHECK(find(log, "repeat", "Touch Listen, or press Enter", welcome) > welcome);
    const int playing = find(log, "", "Playing", welcome);
    CHECK(playing > welcome);
    const int paused = find(log, "", "Paused", playing);
    CHECK(paused > playing);
    const int countdown = find(log, "countdown", "5 seconds", paused);
    CHECK(countdown > paused);
    CHECK(find(log, "reset", "started again", countdown) > countdown);
    // The voice went to the output; before the first key there was nothing.
    CHECK(silentPeak < 0.001f);
    CHECK(voicePeak > 0.05f);
}
