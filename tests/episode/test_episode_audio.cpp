// The committed episode audio, measured against the committed transcript:
// length, speech inside every cue, silence between utterances, pacing, tags.
#include "episode/episode_fixture.h"

#include <catch2/catch.hpp>
#include <vorbis/vorbisfile.h>

#include <algorithm>
#include <map>
#include <string>

using namespace episode_test;

TEST_CASE("episode audio decodes with the project's decoder and lasts 6 to 10 minutes", "[episode][audio]") {
    const Audio& a = audio();
    CHECK(a.rate == 16000);
    CHECK(a.channels == 1);
    REQUIRE(a.totalFrames > 0);
    CHECK(int64_t(a.mono.size()) == a.totalFrames);
    double seconds = double(a.totalFrames) / a.rate;
    INFO("duration " << seconds << " s");
    CHECK(seconds >= 6 * 60);
    CHECK(seconds <= 10 * 60);
    // Healthy level: not clipped, not too quiet.
    CHECK(a.peakDb(0, seconds) < -0.5);
    CHECK(a.peakDb(0, seconds) > -12);
}

TEST_CASE("the transcript and chapters fit inside the audio", "[episode][audio]") {
    double seconds = double(audio().totalFrames) / audio().rate;
    REQUIRE_FALSE(jsonCues().empty());
    CHECK(jsonCues().front().start > 0.1);        // a lead-in, not speech at 0
    CHECK(jsonCues().back().end <= seconds - 0.5); // and a tail
}

TEST_CASE("every cue interval holds speech, starting and ending at its edges", "[episode][audio]") {
    const Audio& a = audio();
    double startPeakMin = 0, endPeakMin = 0, rmsMin = 0;
    for (const Cue& c : jsonCues()) {
        INFO("cue " << c.start << " --> " << c.end << ": " << c.text);
        CHECK(a.rmsDb(c.start, c.end) > -32);          // speech level (speech is about -20 dBFS)
        // Speech right at the start and right up to the end (peaks: a final
        // "f" or "t" is quiet, but the syllable it closes is not).
        CHECK(a.peakDb(c.start, c.start + 0.2) > -30);
        CHECK(a.peakDb(c.end - 0.2, c.end) > -30);
        startPeakMin = std::min(startPeakMin, a.peakDb(c.start, c.start + 0.2));
        endPeakMin = std::min(endPeakMin, a.peakDb(c.end - 0.2, c.end));
        rmsMin = std::min(rmsMin, a.rmsDb(c.start, c.end));
    }
    WARN("quietest cue RMS " << rmsMin << " dBFS; lowest peak in the first 0.2 s " << startPeakMin
                             << " dBFS, in the last 0.2 s " << endPeakMin << " dBFS");
}

TEST_CASE("the gaps between utterances are silent and paced like a conversation", "[episode][audio]") {
    const Audio& a = audio();
    const auto& cues = jsonCues();
    const auto& perLine = cuesPerLine();
    const auto& lines = script().lines;
    REQUIRE(perLine.size() == lines.size());
    double seconds = double(a.totalFrames) / a.rate;
    // Lead-in and tail.
    CHECK(a.peakDb(0, cues.front().start - 0.02) < -60);
    CHECK(a.peakDb(cues.back().end + 0.03, seconds) < -60);
    double shortest = 1e9, longest = 0, loudestGap = -200;
    for (size_t i = 1; i < lines.size(); ++i) {
        double from = cues[perLine[i - 1].back()].end, to = cues[perLine[i].front()].start;
        double gap = to - from;
        INFO("script line " << lines[i].lineNumber << ": gap " << from << " .. " << to);
        if (lines[i].anchor != lines[i - 1].anchor) {
            CHECK(gap >= 1.0);
            CHECK(gap <= 1.6);
        } else {
            CHECK(gap >= 0.3);
            CHECK(gap <= 0.6);
            shortest = std::min(shortest, gap);
            longest = std::max(longest, gap);
        }
        // Inside the gap (50 ms away from the edges, where the codec smears a little): silence.
        CHECK(a.rmsDb(from + 0.05, to - 0.05) < -70);
        CHECK(a.peakDb(from + 0.05, to - 0.05) < -60);
        loudestGap = std::max(loudestGap, a.peakDb(from + 0.05, to - 0.05));
    }
    WARN("pauses within a section " << shortest << " .. " << longest << " s; loudest peak inside a gap "
                                    << loudestGap << " dBFS");
    CHECK(shortest >= 0.3);
    CHECK(longest <= 0.6);
}

TEST_CASE("the Vorbis comments name the episode", "[episode][audio]") {
    OggVorbis_File vf;
    std::string path = assetPath("episode.ogg");
    REQUIRE(ov_fopen(path.c_str(), &vf) == 0);
    vorbis_comment* vc = ov_comment(&vf, -1);
    REQUIRE(vc != nullptr);
    std::map<std::string, std::string> tags;
    for (int i = 0; i < vc->comments; ++i) {
        std::string c(vc->user_comments[i], size_t(vc->comment_lengths[i]));
        size_t eq = c.find('=');
        if (eq != std::string::npos) {
            std::string key = c.substr(0, eq);
            std::transform(key.begin(), key.end(), key.begin(), [](unsigned char ch) { return char(std::toupper(ch)); });
            tags[key] = c.substr(eq + 1);
        }
    }
    ov_clear(&vf);
    CHECK(tags["TITLE"] == "New Cancer Treatments – Immunotherapy and Targeted Therapy");
    CHECK_FALSE(tags["ARTIST"].empty());
    CHECK_FALSE(tags["ALBUM"].empty());
    CHECK_FALSE(tags["DATE"].empty());
    // The tags are the script's metadata.
    for (const auto& [key, value] : script().meta) CHECK(tags[key] == value);
}
