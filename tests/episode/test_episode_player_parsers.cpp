// The episode's WebVTT read through the player's own parsers and file loader:
// same cues, speakers and word timings as the JSON transcript and our
// test-side reading of the VTT.
#include "episode/episode_fixture.h"

#include "transcripts/transcript_file.h"
#include "transcripts/webvtt_parser.h"

#include <catch2/catch.hpp>

#include <string>

using namespace episode_test;

namespace {
std::string trimmed(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}
} // namespace

TEST_CASE("the player's WebVTT parser reads the episode like the JSON transcript", "[episode][parsers]") {
    using namespace la::transcripts;
    Transcript t = parseWebVtt(readText(assetPath("episode.vtt")), "episode.vtt");
    for (const auto& w : t.warnings) WARN(w);
    CHECK(t.warnings.empty());
    const auto& json = jsonCues();
    const auto& vtt = vttCues();
    REQUIRE(t.cues.size() == json.size());
    for (size_t i = 0; i < t.cues.size(); ++i) {
        const episode_test::Cue& j = json[i];
        const auto& c = t.cues[i];
        INFO("cue " << i + 1 << ": " << j.text);
        CHECK(c.start == Approx(j.start).margin(1e-6));
        CHECK(c.end == Approx(j.end).margin(1e-6));
        CHECK(c.speaker == j.speaker);
        CHECK(trimmed(c.text) == j.text);
        // Word timings: one per word, as our own reading of the file found them.
        REQUIRE(c.words.size() == vtt[i].words.size());
        for (size_t k = 0; k < c.words.size(); ++k) {
            CHECK(c.words[k].start == Approx(vtt[i].words[k].start).margin(1e-6));
            CHECK(trimmed(c.words[k].text) == vtt[i].words[k].text);
            CHECK(c.words[k].start >= c.start);
            CHECK(c.words[k].start < c.end);
            if (k) CHECK(c.words[k].start > c.words[k - 1].start);
        }
    }
}

TEST_CASE("the player's file loader detects each episode file", "[episode][parsers]") {
    using namespace la::transcripts;
    Transcript vtt = loadTranscript(assetPath("episode.vtt"));
    CHECK(vtt.format == "vtt");
    Transcript json = loadTranscript(assetPath("episode.transcript.json"));
    CHECK(json.format == "json");
    CHECK(vtt.cues.size() == json.cues.size());
    ChapterList chapters = loadChapters(assetPath("episode.chapters.json"));
    CHECK(chapters.chapters.size() == 9);
    CHECK(chapters.warnings.empty());
}
