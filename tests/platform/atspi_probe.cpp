// A stand-in for the player for the AT-SPI test (issue #13): no window, a
// semantic tree shaped like the player's (transport bar, transcript), the
// bridge publishing it, and the screen reader's requests applied to a small
// model each turn, as the player applies them to its own. The client
// (atspi_client_test.py) reads and drives it over AT-SPI.
//
// Usage: atspi_probe [--seconds N] [--frozen]
//   --frozen  mirrors the first tree only (update() once): the client must
//             then fail, which shows the test sees a broken bridge.
#include "player/platform/atspi_bridge.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <chrono>
#include <string>

using namespace la::ui;

namespace {

volatile std::sig_atomic_t g_quit = 0;
void onSignal(int) { g_quit = 1; }

// What the probe's "player" is doing; the screen reader's requests change it.
struct Model {
    bool playing = false;
    double positionS = 129;
    double speed = 1.5;
    std::string focusedId = "transport/play";
};

std::string clock(double s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", int(s) / 60, int(s) % 60);
    return buf;
}

std::string speedText(double speed) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g times", speed);
    return buf;
}

int addButton(SemanticTree& t, const Model& m, const char* id, const char* name, SemanticBounds where) {
    int n = t.add(id, SemanticRole::PushButton, name);
    t.node(n).actions = kPress;
    t.node(n).states |= kFocusable | (m.focusedId == id ? kFocused : 0u);
    t.node(n).bounds = where;
    return n;
}

int addSlider(SemanticTree& t, const Model& m, const char* id, const char* name, SemanticValue v, SemanticBounds where) {
    int n = t.add(id, SemanticRole::Slider, name);
    t.node(n).value = v;
    t.node(n).actions = kIncrement | kDecrement | kSetValue;
    t.node(n).states |= kFocusable | (m.focusedId == id ? kFocused : 0u);
    t.node(n).bounds = where;
    return n;
}

SemanticTree treeOf(const Model& m) {
    SemanticTree t;
    t.begin(std::string("ListenAlong — ") + (m.playing ? "Playing" : "Paused") + " — Chapter 2 of 9");
    t.node(0).bounds = {0, 0, 960, 640};
    t.add("chapter/title", SemanticRole::Heading, "Chapter 2: The immune system");
    t.open("transport", SemanticRole::Panel, "Playback");
    addButton(t, m, "transport/play", m.playing ? "Pause" : "Play", {20, 560, 64, 48});
    addButton(t, m, "transport/back", "Back 15 s", {92, 560, 64, 48});
    addButton(t, m, "transport/forward", "Forward 30 s", {164, 560, 64, 48});
    addSlider(t, m, "transport/seek", "Seek", {m.positionS, 0, 421, 15, clock(m.positionS) + " of 7:01"}, {240, 570, 480, 24});
    addSlider(t, m, "transport/speed", "Speed", {m.speed, 0.5, 3, 0.25, speedText(m.speed)}, {730, 570, 120, 24});
    t.close();
    t.open("transcript", SemanticRole::List, "Transcript");
    const char* lines[] = {"2:01 — Host: Welcome back to the show.", "2:09 — Nurse: The immune system learns.",
                           "2:15 — Host: How fast does it learn?"};
    for (int i = 0; i < 3; ++i) {
        int n = t.add("transcript/cue/" + std::to_string(i + 1), SemanticRole::ListItem, lines[i]);
        t.node(n).actions = kPress | kScrollIntoView;
        if (i == 1) t.node(n).states |= kCurrent;
        t.node(n).bounds = {20, 80 + 40 * float(i), 900, 36};
    }
    t.close();
    return t;
}

void apply(Model& m, const SemanticRequest& r) {
    std::printf("PROBE request %s action=%u value=%g\n", r.id.c_str(), unsigned(r.action), r.value);
    if (r.action == kFocus) m.focusedId = r.id;
    if (r.id == "transport/play" && r.action == kPress) m.playing = !m.playing;
    if (r.id == "transport/back" && r.action == kPress) m.positionS = std::max(0.0, m.positionS - 15);
    if (r.id == "transport/forward" && r.action == kPress) m.positionS = std::min(421.0, m.positionS + 30);
    if (r.id == "transport/speed") {
        if (r.action == kSetValue) m.speed = r.value;
        if (r.action == kIncrement) m.speed += 0.25;
        if (r.action == kDecrement) m.speed -= 0.25;
        m.speed = std::clamp(m.speed, 0.5, 3.0);
    }
}

} // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    double seconds = 60;
    bool frozen = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--frozen")) frozen = true;
    }
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    std::string error;
    auto bridge = la::player::AtSpiBridge::start("ListenAlong", error);
    if (!bridge) {
        std::fprintf(stderr, "atspi_probe: %s\n", error.c_str());
        return 1;
    }
    bridge->setWindowOrigin(100, 50);
    Model model;
    bridge->update(treeOf(model));
    bridge->windowActivated();
    std::printf("PROBE ready\n");

    using Clock = std::chrono::steady_clock;
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    long turns = 0;
    while (!g_quit && Clock::now() < end) {
        bridge->wait(100, {});
        for (const SemanticRequest& r : bridge->takeRequests()) apply(model, r);
        if (!frozen) bridge->update(treeOf(model));
        ++turns;
    }
    std::printf("PROBE done turns=%ld\n", turns);
    return 0;
}
