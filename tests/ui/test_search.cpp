// Transcript search: case-insensitive (ASCII and Latin-1 capitals), byte
// offsets into the cue text, UTF-8 left intact.
#include "ui/search.h"

#include <catch2/catch.hpp>

using namespace la;
using namespace la::ui;

namespace {
std::vector<transcripts::Cue> cues(std::initializer_list<const char*> texts) {
    std::vector<transcripts::Cue> out;
    for (const char* t : texts) {
        transcripts::Cue c;
        c.text = t;
        out.push_back(c);
    }
    return out;
}
} // namespace

TEST_CASE("foldCase lowers ASCII and Latin-1 capitals without changing lengths") {
    CHECK(foldCase("Immune SYSTEM") == "immune system");
    CHECK(foldCase("\xC3\x89T\xC3\x89") == "\xC3\xA9t\xC3\xA9"); // ÉTÉ -> été
    CHECK(foldCase("\xC3\x97") == "\xC3\x97");                   // × stays
    CHECK(foldCase("body\xE2\x80\x99s") == "body\xE2\x80\x99s"); // ’ untouched
}

TEST_CASE("searchCues finds every occurrence and counts cues") {
    auto cs = cues({"The immune system", "nothing here", "Immune cells, immune response", "caf\xC3\x89"});
    SearchResult r = searchCues(cs, "IMMUNE");
    REQUIRE(r.cues == std::vector<size_t>{0, 2});
    REQUIRE(r.hits.size() == 3);
    CHECK(r.hits[0].cue == 0);
    CHECK(r.hits[0].begin == 4);
    CHECK(r.hits[0].end == 10);
    CHECK(r.hits[2].begin == 14);
    CHECK(searchCues(cs, "caf\xC3\xA9").cues == std::vector<size_t>{3});
    CHECK(searchCues(cs, "").cues.empty());
    CHECK(searchCues(cs, "   ").cues.empty());
    CHECK(searchCues(cs, "zebra").hits.empty());
}

TEST_CASE("firstHitAtOrAfter starts from what is playing, wrapping to the first") {
    SearchResult r;
    r.cues = {2, 5, 9};
    CHECK(firstHitAtOrAfter(r, 0) == 0);
    CHECK(firstHitAtOrAfter(r, 5) == 1);
    CHECK(firstHitAtOrAfter(r, 6) == 2);
    CHECK(firstHitAtOrAfter(r, 10) == 0);
}
