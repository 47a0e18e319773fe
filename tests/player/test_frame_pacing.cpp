// What decides when the player draws and what it keeps: the visible state
// that triggers a frame, the batching of quick key taps, and the one-run
// command-line overrides.

#include "player/platform/event_batcher.h"
#include "player/config/run_overrides.h"
#include "player/visible_state.h"

#include <catch2/catch.hpp>

using namespace la;
using namespace la::player;

namespace {

std::vector<transcripts::Cue> twoCues() {
    transcripts::Cue a;
    a.start = 1.0, a.end = 3.0, a.text = "one two three";
    a.words = {{1.0, "one"}, {1.6, "two"}, {2.2, "three"}};
    transcripts::Cue b;
    b.start = 3.5, b.end = 5.0, b.text = "four";
    return {a, b};
}

media::PlaybackStatus at(double position) {
    media::PlaybackStatus s;
    s.position = position, s.duration = 100, s.playing = true;
    return s;
}

} // namespace

TEST_CASE("Visible state changes with the word, the cue and the clock, not in between", "[pacing]") {
    auto cues = twoCues();
    auto v = [&](double t) { return visibleStateOf(at(t), 1200, cues, nullptr, 0); };
    CHECK(v(1.05) == v(1.2));           // same word, same second, same 3-px step of the bar
    CHECK(v(1.5).word != v(1.7).word);  // the next word
    CHECK(v(2.9).cue != v(3.6).cue);    // the next cue
    CHECK(v(1.95).clockSecond != v(2.05).clockSecond);
    // 1200 px for 100 s: the bar moves one 3-px step every 0.25 s.
    CHECK(v(10.0).seekPixel == v(10.2).seekPixel);
    CHECK(v(10.0).seekPixel != v(10.3).seekPixel);
    media::PlaybackStatus paused = at(1.5);
    paused.playing = false;
    CHECK_FALSE(visibleStateOf(paused, 1200, cues, nullptr, 0) == v(1.5));
}

TEST_CASE("A key pressed and released between two frames is seen pressed for one frame", "[pacing]") {
    REQUIRE(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    SDL_Event down{}, up{};
    down.type = SDL_KEYDOWN, down.key.keysym.scancode = SDL_SCANCODE_SPACE;
    up.type = SDL_KEYUP, up.key.keysym.scancode = SDL_SCANCODE_SPACE;
    SDL_PushEvent(&down);
    SDL_PushEvent(&up);
    EventBatcher batcher;
    std::vector<SDL_Event> first = batcher.next(0);
    REQUIRE(first.size() == 1);
    CHECK(first[0].type == SDL_KEYDOWN);
    CHECK(batcher.holdsBack());
    std::vector<SDL_Event> second = batcher.next(1000); // must not wait: a release is pending
    REQUIRE(second.size() == 1);
    CHECK(second[0].type == SDL_KEYUP);
    CHECK_FALSE(batcher.holdsBack());
    SDL_QuitSubSystem(SDL_INIT_EVENTS);
}

TEST_CASE("Shift released in the same batch as Tab is pressed waits for the next frame", "[pacing]") {
    REQUIRE(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    // Shift went down in the frame before; Tab down, Tab up and Shift up now.
    SDL_Event tabDown{}, tabUp{}, shiftUp{};
    tabDown.type = SDL_KEYDOWN, tabDown.key.keysym.scancode = SDL_SCANCODE_TAB;
    tabUp.type = SDL_KEYUP, tabUp.key.keysym.scancode = SDL_SCANCODE_TAB;
    shiftUp.type = SDL_KEYUP, shiftUp.key.keysym.scancode = SDL_SCANCODE_LSHIFT;
    SDL_PushEvent(&tabDown);
    SDL_PushEvent(&shiftUp);
    SDL_PushEvent(&tabUp);
    EventBatcher batcher;
    std::vector<SDL_Event> first = batcher.next(0);
    REQUIRE(first.size() == 1);
    CHECK(first[0].type == SDL_KEYDOWN);
    std::vector<SDL_Event> second = batcher.next(0);
    REQUIRE(second.size() == 2);
    CHECK(second[0].key.keysym.scancode == SDL_SCANCODE_LSHIFT);
    SDL_QuitSubSystem(SDL_INIT_EVENTS);
}

TEST_CASE("Command-line overrides last one run unless the listener changes them", "[pacing][settings]") {
    AppOptions options;
    options.speed = 1.5;
    options.theme = ui::ThemeId::HighContrast;
    RunOverrides run(options);
    Settings saved;
    saved.speed = 1.0;
    saved.theme = ui::ThemeId::Light;
    Settings now = run.begin(saved);
    CHECK(now.speed == 1.5);
    CHECK(now.theme == ui::ThemeId::HighContrast);
    CHECK(run.toSave(now).speed == 1.0);             // untouched: the saved value stays
    CHECK(run.toSave(now).theme == ui::ThemeId::Light);
    now.speed = 2.0;                                 // changed during the run: kept
    CHECK(run.toSave(now).speed == 2.0);
    options.speed = 9.0;                             // out of range: brought into range
    CHECK(RunOverrides(options).begin(saved).speed == 3.0);
}
