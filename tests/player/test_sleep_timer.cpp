// The sleep timer (sleep_timer.h): a countdown of listening time that stands
// still while paused, or the end of the chapter being heard; a fade over the
// last seconds, one pause request, then off with the volume restored. Driven
// frame by frame as the app drives it, with a simulated clock and playback.
#include "player/sleep_timer.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using namespace la;
using namespace la::player;

namespace {

constexpr std::int64_t kFrameMs = 16; // divides 300 000 and 60 000: firing times are exact

/// The app's side: a monotonic clock and playback that moves while playing.
struct Listener {
    SleepTimer timer;
    std::int64_t now = 0;
    bool playing = true;
    bool ended = false;
    double position = 0;
    double duration = 600;
    double speed = 1;
    unsigned seeks = 0;
    std::vector<transcripts::Chapter> chapters;

    SleepTimerInput input() const { return {playing, ended, position, duration, speed, seeks, &chapters}; }
    /// The frame at `now`, as it is: no time passes.
    SleepTimerOutput update() { return timer.update(now, input()); }
    /// One frame later; playback moves as it did during the frame.
    SleepTimerOutput frame(std::int64_t ms = kFrameMs) {
        if (playing) position += speed * double(ms) / 1000;
        now += ms;
        return update();
    }
    void seek(double to) {
        position = to;
        ++seeks;
    }
    /// Frames until the timer asks for the pause (at most `limitMs`); the wall time it asked at.
    std::optional<std::int64_t> runUntilPause(std::int64_t limitMs) {
        for (std::int64_t end = now + limitMs; now < end;) {
            if (frame().pauseNow) {
                playing = false; // as the app does
                return now;
            }
        }
        return std::nullopt;
    }
};

transcripts::Chapter chapter(double start, std::optional<double> end, bool toc = true) {
    transcripts::Chapter c;
    c.start = start;
    c.end = end;
    c.toc = toc;
    return c;
}

} // namespace

TEST_CASE("A 5-minute timer fires after exactly 300 s of playing, and not while paused", "[sleep]") {
    SECTION("playing throughout") {
        Listener l;
        l.timer.setMinutes(5);
        l.update();
        CHECK(l.runUntilPause(400'000) == 300'000);
        CHECK(l.timer.mode() == SleepTimerMode::Off);
    }
    SECTION("a 60 s pause in between: fires at 360 s of wall time") {
        Listener l;
        l.timer.setMinutes(5);
        l.update();
        while (l.now < 100'000) REQUIRE_FALSE(l.frame().pauseNow);
        l.playing = false;
        l.update();
        while (l.now < 160'000) {
            SleepTimerOutput out = l.frame();
            REQUIRE_FALSE(out.pauseNow);
            REQUIRE(out.remainingSeconds == Approx(200)); // stands still
            REQUIRE(out.text == "Sleep in 3:20");
        }
        l.playing = true;
        l.update();
        CHECK(l.runUntilPause(400'000) == 360'000);
    }
    SECTION("paused the whole time: never fires") {
        Listener l;
        l.playing = false;
        l.timer.setMinutes(5);
        l.update();
        CHECK_FALSE(l.runUntilPause(3'600'000));
        CHECK(l.update().remainingSeconds == Approx(300));
    }
}

TEST_CASE("Minutes are clamped to 5..120", "[sleep]") {
    Listener l;
    for (auto [asked, seconds] : {std::pair{1, 300.0}, {0, 300.0}, {-7, 300.0}, {500, 7200.0}, {120, 7200.0}, {45, 2700.0}}) {
        l.timer.setMinutes(asked);
        CHECK(l.update().remainingSeconds == Approx(seconds));
    }
    l.timer.set({SleepTimerMode::Minutes, 1, ""});
    CHECK(l.update().remainingSeconds == Approx(300));
}

TEST_CASE("The fade: 1 until 5 s before, down to 0 at the firing, 1 again after; one pause", "[sleep]") {
    Listener l;
    l.timer.setMinutes(5);
    l.update();
    int pauses = 0;
    double previous = 1;
    bool sawFiring = false;
    while (l.now < 320'000) {
        SleepTimerOutput out = l.frame();
        REQUIRE(out.volumeFactor >= 0);
        REQUIRE(out.volumeFactor <= 1);
        if (out.pauseNow) {
            ++pauses;
            sawFiring = true;
            CHECK(l.now == 300'000);
            CHECK(out.volumeFactor == 0);
            l.playing = false;
        } else if (sawFiring) {
            REQUIRE(out.volumeFactor == 1);
            REQUIRE(out.text == "Sleep timer off");
            REQUIRE_FALSE(out.remainingSeconds);
        } else if (l.now <= 295'000) {
            REQUIRE(out.volumeFactor == 1);
        } else {
            REQUIRE(out.volumeFactor < previous); // strictly down, every frame
            REQUIRE(out.volumeFactor > 0);
        }
        previous = out.volumeFactor;
    }
    CHECK(pauses == 1);
    // Played again after the pause: the timer stays off.
    l.playing = true;
    for (int i = 0; i < 1000; ++i) REQUIRE_FALSE(l.frame().pauseNow);

    // The curve: linear in dB to -40 dB, shifted to land on 0.
    CHECK(sleepFadeFactor(10) == 1);
    CHECK(sleepFadeFactor(5) == 1);
    CHECK(sleepFadeFactor(0) == 0);
    CHECK(sleepFadeFactor(-1) == 0);
    CHECK(sleepFadeFactor(4) == Approx((0.398107 - 0.01) / 0.99).epsilon(1e-4));   // -8 dB
    CHECK(sleepFadeFactor(2.5) == Approx((0.1 - 0.01) / 0.99).epsilon(1e-4));      // -20 dB
}

TEST_CASE("Pausing during the fade holds the volume and the time left", "[sleep]") {
    Listener l;
    l.timer.setMinutes(5);
    l.update();
    while (l.now < 297'000) l.frame();
    l.playing = false;
    SleepTimerOutput held = l.update();
    CHECK(held.volumeFactor < 1);
    for (int i = 0; i < 1000; ++i) {
        SleepTimerOutput out = l.frame();
        REQUIRE_FALSE(out.pauseNow);
        REQUIRE(out.volumeFactor == held.volumeFactor);
        REQUIRE(*out.remainingSeconds == *held.remainingSeconds);
    }
    l.playing = true;
    l.update();
    CHECK(l.runUntilPause(10'000) == l.now); // fires 3 s of playing later
    CHECK(l.now == 297'000 + 1000 * kFrameMs + 3'000);
}

TEST_CASE("End of chapter: the chapter being heard, at the listening speed", "[sleep]") {
    Listener l;
    l.chapters = {chapter(0, std::nullopt), chapter(60, 200.0), chapter(100, std::nullopt, false)};
    l.duration = 600;
    l.speed = 2;
    l.seek(50);

    SECTION("fires when playing reaches the chapter's end, not at the next one") {
        l.timer.setEndOfChapter();
        SleepTimerOutput out = l.update();
        CHECK(out.remainingSeconds == Approx(5)); // (60 - 50) / 2
        CHECK(out.text == "Sleep at end of chapter (0:05)");
        CHECK(out.volumeFactor == 1);
        std::optional<std::int64_t> at = l.runUntilPause(20'000);
        REQUIRE(at);
        CHECK(*at == Approx(5'000).margin(kFrameMs));
        CHECK(l.position >= 60 - 0.001);
        CHECK(l.position < 60 + 2 * kFrameMs / 1000.0);
        CHECK(l.timer.mode() == SleepTimerMode::Off);
    }
    SECTION("a seek into the next chapter follows that chapter's end (a hidden chapter does not count)") {
        l.timer.setEndOfChapter();
        l.update();
        while (l.position < 58) l.frame();
        SleepTimerOutput fading = l.update();
        CHECK(fading.volumeFactor < 1);
        l.seek(70);
        SleepTimerOutput out = l.update();
        CHECK(out.volumeFactor == 1); // out of the fade at once
        CHECK(out.remainingSeconds == Approx(65)); // (200 - 70) / 2, not the hidden chapter at 100
        CHECK(out.text == "Sleep at end of chapter (1:05)");
        REQUIRE(l.runUntilPause(100'000));
        CHECK(l.position == Approx(200).margin(0.05));
    }
    SECTION("a seek back within the chapter, and a speed change, are followed too") {
        l.timer.setEndOfChapter();
        l.update();
        l.seek(10);
        CHECK(l.update().remainingSeconds == Approx(25));
        l.speed = 1;
        CHECK(l.update().remainingSeconds == Approx(50));
    }
    SECTION("in the gap after a chapter's explicit end, it waits for the next chapter to start") {
        l.chapters.push_back(chapter(300, std::nullopt));
        l.seek(250);
        l.timer.setEndOfChapter();
        CHECK(l.update().remainingSeconds == Approx(25)); // (300 - 250) / 2
    }
    SECTION("no chapters: the end of the episode") {
        l.chapters.clear();
        l.speed = 1;
        l.seek(590);
        l.timer.setEndOfChapter();
        SleepTimerOutput out = l.update();
        CHECK(out.remainingSeconds == Approx(10));
        CHECK(out.text == "Sleep at end of episode (0:10)");
        REQUIRE(l.runUntilPause(20'000));
        CHECK(l.position == Approx(600).margin(0.02));
    }
    SECTION("no chapters: the episode stopping at its end fires it, even a little short of the duration") {
        l.chapters.clear();
        l.seek(599.9);
        l.timer.setEndOfChapter();
        CHECK_FALSE(l.update().pauseNow);
        l.playing = false;
        l.ended = true;
        CHECK(l.update().pauseNow);
        CHECK(l.timer.mode() == SleepTimerMode::Off);
    }
    SECTION("set after the episode ended, it waits for the replay") {
        l.chapters.clear();
        l.position = 600;
        l.playing = false;
        l.ended = true;
        l.update();
        l.timer.setEndOfChapter();
        CHECK_FALSE(l.update().pauseNow);
        l.ended = false; // play() restarts from the top, without a seek
        l.playing = true;
        l.speed = 1;
        l.position = 0;
        CHECK(l.update().remainingSeconds == Approx(600));
    }
}

TEST_CASE("The text for the display and screen readers", "[sleep]") {
    Listener l;
    CHECK(l.update().text == "Sleep timer off");
    l.timer.setMinutes(15);
    CHECK(l.update().text == "Sleep in 15:00");
    CHECK(l.frame(1).text == "Sleep in 15:00"); // a countdown rounds up
    CHECK(l.frame(999).text == "Sleep in 14:59");
    l.timer.setMinutes(90);
    CHECK(l.update().text == "Sleep in 1:30:00");
    l.timer.setMinutes(5);
    l.update();
    l.frame(299'500);
    CHECK(l.update().text == "Sleep in 0:01");

    l.chapters = {chapter(0, std::nullopt), chapter(200, std::nullopt)};
    l.seek(8);
    l.timer.setEndOfChapter();
    CHECK(l.update().text == "Sleep at end of chapter (3:12)"); // (200 - 8) / 1
    l.chapters.clear();
    l.duration = 0; // not known yet
    l.seek(8);
    CHECK(l.update().text == "Sleep at end of episode");
    CHECK_FALSE(l.update().remainingSeconds);
    CHECK(l.update().volumeFactor == 1);
    l.timer.setOff();
    CHECK(l.update().text == "Sleep timer off");
}

TEST_CASE("Cancelling, replacing or extending during the fade restores the volume", "[sleep]") {
    Listener l;
    l.timer.setMinutes(5);
    l.update();
    while (l.now < 298'000) l.frame();
    REQUIRE(l.update().volumeFactor < 1);

    SECTION("off") {
        l.timer.setOff();
        SleepTimerOutput out = l.update();
        CHECK(out.volumeFactor == 1);
        CHECK(out.text == "Sleep timer off");
        CHECK_FALSE(l.runUntilPause(600'000));
    }
    SECTION("set again: replaces") {
        l.timer.setMinutes(10);
        SleepTimerOutput out = l.update();
        CHECK(out.volumeFactor == 1);
        CHECK(out.remainingSeconds == Approx(600));
    }
    SECTION("+5 min") {
        l.timer.extend();
        SleepTimerOutput out = l.update();
        CHECK(out.volumeFactor == 1);
        CHECK(out.remainingSeconds == Approx(302));
        CHECK(out.text == "Sleep in 5:02");
        CHECK(l.runUntilPause(400'000) == 600'000);
    }
}

TEST_CASE("Extend: from end of chapter, from off, and never past 120 minutes", "[sleep]") {
    Listener l;
    l.chapters = {chapter(0, 60.0)};
    l.seek(50);
    l.timer.setEndOfChapter();
    l.update();
    l.timer.extend();
    CHECK(l.timer.mode() == SleepTimerMode::Minutes);
    CHECK(l.update().remainingSeconds == Approx(310)); // 10 s of the chapter + 5 min

    l.timer.setOff();
    l.timer.extend(10);
    CHECK(l.update().remainingSeconds == Approx(600));

    l.timer.setMinutes(118);
    l.timer.extend();
    CHECK(l.update().remainingSeconds == Approx(7200));
}

TEST_CASE("The menu's options", "[sleep]") {
    std::vector<SleepTimerOption> options = sleepTimerOptions();
    std::vector<std::string> labels;
    for (const SleepTimerOption& o : options) labels.push_back(o.label);
    CHECK(labels == std::vector<std::string>{"Off", "5 minutes", "10 minutes", "15 minutes", "30 minutes", "45 minutes",
                                             "60 minutes", "90 minutes", "120 minutes", "End of chapter"});
    CHECK(options.front().mode == SleepTimerMode::Off);
    CHECK(options[3].mode == SleepTimerMode::Minutes);
    CHECK(options[3].minutes == 15);
    CHECK(options.back().mode == SleepTimerMode::EndOfChapter);
    CHECK(sleepTimerOptions(false).back().label == "End of episode");

    // Choosing one sets it.
    Listener l;
    l.timer.set(options[4]);
    CHECK(l.update().remainingSeconds == Approx(1800));
    l.timer.set(options.back());
    CHECK(l.timer.mode() == SleepTimerMode::EndOfChapter);
    l.timer.set(options.front());
    CHECK(l.timer.mode() == SleepTimerMode::Off);
}
