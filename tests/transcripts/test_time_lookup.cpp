// Time lookup (transcripts/time_lookup.h): which cue, word or chapter is at
// time t, and where a chapter step goes, with gaps, overlaps, ties and unsorted input.

#include "transcripts/time_lookup.h"

#include <catch2/catch.hpp>

using namespace la::transcripts;

namespace {

std::vector<Cue> makeCues(const std::vector<std::pair<double, double>>& spans) {
    std::vector<Cue> cues;
    for (size_t i = 0; i < spans.size(); ++i) {
        Cue c;
        c.start = spans[i].first;
        c.end = spans[i].second;
        c.text = "cue" + std::to_string(i);
        cues.push_back(c);
    }
    return cues;
}

// The text of the cue at t, or "-" for none.
std::string textAt(const std::vector<Cue>& cues, double t) {
    auto i = cueAt(cues, t);
    return i ? cues[*i].text : "-";
}

} // namespace

TEST_CASE("cueAt: gaps, boundaries and overlaps", "[time]") {
    // cue0 [1,3)  gap  cue1 [5,10) containing cue2 [6,7); cue3 [9,12) overlaps cue1's end
    const std::vector<Cue> cues = makeCues({{1, 3}, {5, 10}, {6, 7}, {9, 12}});
    struct Row {
        double t;
        const char* expected;
    };
    const std::vector<Row> rows = {
        {0, "-"},     {0.999, "-"}, {1, "cue0"},  {2.5, "cue0"}, {3, "-"},     // end is exclusive
        {4, "-"},     {5, "cue1"},  {6, "cue2"},  {6.5, "cue2"}, {7, "cue1"},  // back to the longer cue
        {9, "cue3"},  {9.5, "cue3"}, {10, "cue3"}, {12, "-"},    {100, "-"},   // later start wins
    };
    for (const Row& r : rows) {
        INFO("t = " << r.t);
        CHECK(textAt(cues, r.t) == r.expected);
    }
    CHECK_FALSE(cueAt({}, 1).has_value());
}

TEST_CASE("cueAt: equal starts prefer the later cue in list order", "[time]") {
    std::vector<Cue> cues = makeCues({{1, 2}, {1, 4}});
    sortCuesInTrackOrder(cues); // longer first: cue1 [1,4), then cue0 [1,2)
    REQUIRE(cues[0].text == "cue1");
    CHECK(textAt(cues, 1.5) == "cue0"); // the shorter, later-listed cue is on top
    CHECK(textAt(cues, 3) == "cue1");
}

TEST_CASE("cueAt: unsorted input is sorted first, stably", "[time]") {
    std::vector<Cue> cues = makeCues({{8, 9}, {0, 2}, {4, 6}, {0, 2}, {0, 5}});
    sortCuesInTrackOrder(cues);
    std::vector<std::string> order;
    for (const Cue& c : cues) order.push_back(c.text);
    CHECK(order == std::vector<std::string>{"cue4", "cue1", "cue3", "cue2", "cue0"});
    CHECK(textAt(cues, 1) == "cue3");   // the later of the two identical cues
    CHECK(textAt(cues, 3) == "cue4");
    CHECK(textAt(cues, 4.5) == "cue2");
    CHECK(textAt(cues, 7) == "-");
    CHECK(textAt(cues, 8.5) == "cue0");
}

TEST_CASE("cueAt: zero-length cues are never current", "[time]") {
    const std::vector<Cue> cues = makeCues({{1, 1}, {1, 2}});
    CHECK(textAt(cues, 1) == "cue1");
}

TEST_CASE("chapterAt: before the first, open ends, explicit ends, toc:false", "[time]") {
    std::vector<Chapter> chapters(4);
    chapters[0].start = 30;
    chapters[0].end = 40;   // gap after 40
    chapters[1].start = 0;
    chapters[2].start = 60;
    chapters[2].toc = false; // still a chapter for lookup
    chapters[3].start = 50;
    for (size_t i = 0; i < chapters.size(); ++i) chapters[i].title = "ch" + std::to_string(i);
    sortChaptersByStart(chapters);
    REQUIRE(*chapters[0].title == "ch1");
    auto titleAt = [&](double t) {
        auto i = chapterAt(chapters, t);
        return i ? *chapters[*i].title : std::string("-");
    };
    CHECK(titleAt(-1) == "-");
    CHECK(titleAt(0) == "ch1");
    CHECK(titleAt(29.9) == "ch1");
    CHECK(titleAt(30) == "ch0");
    CHECK(titleAt(40) == "-"); // ended, next not started
    CHECK(titleAt(55) == "ch3");
    CHECK(titleAt(61) == "ch2");
    CHECK_FALSE(chapterAt({}, 5).has_value());
}

TEST_CASE("sortChaptersByStart keeps file order for equal starts", "[time]") {
    std::vector<Chapter> chapters(3);
    chapters[0].start = 10;
    chapters[0].url = "a";
    chapters[1].start = 0;
    chapters[1].url = "b";
    chapters[2].start = 10;
    chapters[2].url = "c";
    sortChaptersByStart(chapters);
    CHECK(chapters[0].url == "b");
    CHECK(chapters[1].url == "a");
    CHECK(chapters[2].url == "c");
}

TEST_CASE("cueBeingHeard: cueAt, or in a gap the last cue that started", "[time]") {
    // cue0 [1,3)  gap  cue1 [5,10) containing cue2 [6,7); cue3 [9,12) overlaps cue1's end
    const std::vector<Cue> cues = makeCues({{1, 3}, {5, 10}, {6, 7}, {9, 12}});
    auto heardAt = [&](double t) {
        auto i = cueBeingHeard(cues, t);
        return i ? cues[*i].text : std::string("-");
    };
    struct Row {
        double t;
        const char* expected;
    };
    const std::vector<Row> rows = {
        {-1, "-"},    {0.999, "-"}, {1, "cue0"},  {2.5, "cue0"},  // before the first cue: none
        {3, "cue0"},  {4.99, "cue0"},                             // the gap keeps the last cue
        {5, "cue1"},  {6, "cue2"},  {7, "cue1"},  {9, "cue3"},    // boundaries and overlaps as cueAt
        {10, "cue3"}, {12, "cue3"}, {1000, "cue3"},               // after the last: still the last
    };
    for (const Row& r : rows) {
        INFO("t = " << r.t);
        CHECK(heardAt(r.t) == r.expected);
    }
    CHECK_FALSE(cueBeingHeard({}, 0).has_value());
    CHECK_FALSE(cueBeingHeard({}, 5).has_value());
}

TEST_CASE("cueBeingHeard: after overlapping cues end, the one that started last", "[time]") {
    const std::vector<Cue> cues = makeCues({{0, 10}, {2, 3}});
    CHECK(cueBeingHeard(cues, 2.5) == size_t(1));
    CHECK(cueBeingHeard(cues, 5) == size_t(0));  // cue1 ended, cue0 still running
    CHECK(cueBeingHeard(cues, 11) == size_t(1)); // both ended: the later start, not the later end
}

TEST_CASE("wordAt: the last word that has started", "[time]") {
    Cue cue;
    cue.start = 1;
    cue.end = 3;
    CHECK_FALSE(wordAt(cue, 2).has_value()); // no word timings
    cue.words = {{1, "one"}, {1.5, "two"}, {2.25, "three"}};
    struct Row {
        double t;
        std::optional<size_t> expected;
    };
    const std::vector<Row> rows = {
        {0.5, std::nullopt}, {0.999, std::nullopt}, // before the first word
        {1, 0},   {1.49, 0},   {1.5, 1},              // a word starts exactly at its start
        {2.2, 1}, {2.25, 2},   {3, 2},   {100, 2},    // the last word stays past the cue's end
    };
    for (const Row& r : rows) {
        INFO("t = " << r.t);
        CHECK(wordAt(cue, r.t) == r.expected);
    }
    cue.words = {{1, "a"}, {1, "b"}, {2, "c"}}; // equal starts: the later one
    CHECK(wordAt(cue, 1) == size_t(1));
}

TEST_CASE("chapterStep: next goes to the next listed start", "[time]") {
    std::vector<Chapter> chapters(4);
    chapters[0].start = 0;
    chapters[1].start = 60;
    chapters[1].toc = false; // not listed: never a step target
    chapters[2].start = 100;
    chapters[3].start = 200;
    CHECK(chapterStep(chapters, -5, +1) == 0.0);     // before the first: to the first
    CHECK(chapterStep(chapters, 0, +1) == 100.0);    // exactly at a start: the next one
    CHECK(chapterStep(chapters, 50, +1) == 100.0);   // skips the unlisted chapter
    CHECK(chapterStep(chapters, 99.99, +1) == 100.0);
    CHECK(chapterStep(chapters, 99.9995, +1) == 200.0); // within 1 ms of a start counts as at it
    CHECK(chapterStep(chapters, 100, +1) == 200.0);
    CHECK_FALSE(chapterStep(chapters, 200, +1));     // in the last chapter: nowhere to go
    CHECK_FALSE(chapterStep(chapters, 1000, +1));
}

TEST_CASE("chapterStep: previous goes to this chapter's start, or the one before within 3 s", "[time]") {
    std::vector<Chapter> chapters(4);
    chapters[0].start = 10;
    chapters[1].start = 60;
    chapters[1].toc = false;
    chapters[2].start = 100;
    chapters[3].start = 200;
    CHECK(chapterStep(chapters, 150, -1) == 100.0);   // well into a chapter: its start
    CHECK(chapterStep(chapters, 103, -1) == 100.0);   // exactly 3 s in: still its start
    CHECK(chapterStep(chapters, 102.9, -1) == 10.0);  // less than 3 s in: the one before
    CHECK(chapterStep(chapters, 100, -1) == 10.0);    // at its start: the one before
    CHECK(chapterStep(chapters, 70, -1) == 10.0);     // the unlisted chapter is not a target
    CHECK(chapterStep(chapters, 1000, -1) == 200.0);  // the last chapter
    CHECK(chapterStep(chapters, 201, -1) == 100.0);
    CHECK(chapterStep(chapters, 12, -1) == 10.0);     // near the first start: stays at the first
    CHECK(chapterStep(chapters, 5, -1) == 10.0);      // before the first: to the first
}

TEST_CASE("chapterStep: no listed chapters, nowhere to go", "[time]") {
    CHECK_FALSE(chapterStep({}, 5, +1));
    CHECK_FALSE(chapterStep({}, 5, -1));
    std::vector<Chapter> unlisted(2);
    unlisted[0].toc = false;
    unlisted[1].start = 30;
    unlisted[1].toc = false;
    CHECK_FALSE(chapterStep(unlisted, 0, +1));
    CHECK_FALSE(chapterStep(unlisted, 40, -1));
}
