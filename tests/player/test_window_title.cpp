// Issue #13: the window title says what the player is doing (a screen
// reader's window list, the task switcher).
#include "player/window_title.h"

#include <catch2/catch.hpp>

using la::player::TitleFacts;
using la::player::windowTitle;

TEST_CASE("The window title says playing or paused and the chapter being heard") {
    TitleFacts f;
    f.loaded = true;
    f.playing = true;
    f.chapter = 4;
    f.chapterCount = 9;
    f.episodeTitle = "New Cancer Treatments";
    CHECK(windowTitle(f) == "ListenAlong \u2014 Playing \u2014 Chapter 4 of 9");
    f.playing = false;
    CHECK(windowTitle(f) == "ListenAlong \u2014 Paused \u2014 Chapter 4 of 9");
    f.chapter = 0; // before the first chapter, or none: the episode instead
    CHECK(windowTitle(f) == "ListenAlong \u2014 Paused \u2014 New Cancer Treatments");
    f.chapterCount = 0;
    f.chapter = 3;
    CHECK(windowTitle(f) == "ListenAlong \u2014 Paused \u2014 New Cancer Treatments");
    f.loaded = false;
    CHECK(windowTitle(f) == "ListenAlong \u2014 New Cancer Treatments");
    f.episodeTitle.clear();
    CHECK(windowTitle(f) == "ListenAlong \u2014 no episode");
}
