// WebVTT: file-level rules over the fixtures in tests/data/transcripts/vtt/,
// cue text rules and timestamps as inline tables (transcripts/webvtt_parser.h).

#include "transcripts/parse_error.h"
#include "transcripts/webvtt_parser.h"

#include "support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace la::transcripts;

namespace {

std::string readVttFixture(const std::string& name) { return la::test::readTestData("transcripts/vtt/" + name); }

struct ExpectedCue {
    double start, end;
    std::string id, speaker, text, settings;
};

struct FileCase {
    const char* fixture;
    std::vector<ExpectedCue> cues;
    std::vector<std::string> warnings;
};

void requireCues(const Transcript& t, const std::vector<ExpectedCue>& expected) {
    REQUIRE(t.cues.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO("cue " << i);
        CHECK(t.cues[i].start == Approx(expected[i].start).margin(1e-9));
        CHECK(t.cues[i].end == Approx(expected[i].end).margin(1e-9));
        CHECK(t.cues[i].id == expected[i].id);
        CHECK(t.cues[i].speaker == expected[i].speaker);
        CHECK(t.cues[i].text == expected[i].text);
        CHECK(t.cues[i].settings == expected[i].settings);
    }
}

} // namespace

TEST_CASE("WebVTT files: header, ids, timings, blocks, line endings, order", "[vtt]") {
    const std::vector<FileCase> cases = {
        {"basic.vtt", // header text, hours optional, settings kept, sorted by start
         {{0.5, 4.0, "intro", "", "What is immunotherapy?", ""},
          {4.0, 7.25, "", "", "Third, without id", ""},
          {3723.25, 3725.0, "", "", "Two lines\nof text", "align:start line:10%"}},
         {}},
        {"bom-crlf.vtt", {{1, 2, "1", "", "CRLF line one\nline two", ""}, {2, 3, "", "", "last", ""}}, {}},
        {"cr-only.vtt", {{1, 2, "", "", "CR one\nCR two", ""}, {2, 3, "", "", "last", ""}}, {}},
        {"blocks.vtt", // STYLE, REGION and NOTE blocks are skipped silently
         {{1, 2, "", "", "after blocks", ""}, {3, 4, "", "", "second", "region:fred"}},
         {}},
        {"bad-timings.vtt",
         {{1, 2, "", "", "good one", ""}, {5, 6, "", "", "good two", ""}},
         {"bad-timings.vtt:6: cue skipped: bad end time in '00:02.000 --> 00:03.00'",
          "bad-timings.vtt:9: cue skipped: bad start time in '00:61.000 --> 00:62.000'",
          "bad-timings.vtt:12: text outside any cue skipped"}},
        {"header-timings.vtt", // a timing line right after WEBVTT; an arrow on line 2 starts a new block
         {{1, 2, "", "", "header-timings", ""}, {2, 3, "", "", "", ""}},
         {"header-timings.vtt:6: cue skipped: bad start time in 'foo --> bar'"}},
        {"nul.vtt", {{1, 2, "", "", "a\xEF\xBF\xBD" "b", ""}}, {}},
        {"unsorted.vtt", // start asc, then longer first; equal cues keep file order
         {{1, 4, "", "", "long", ""},
          {1, 4, "", "", "long, second in file", ""},
          {1, 2, "", "", "short", ""},
          {3, 5, "", "", "late", ""}},
         {}},
        {"podcast-few.vtt", // a few broken timings: strict spec result, every one warned
         {{2, 3, "", "", "valid", ""}},
         {"podcast-few.vtt:3: cue skipped: bad start time in '0:00.000 --> 00:01.000'",
          "podcast-few.vtt:6: cue skipped: bad end time in '00:00.000 --> 0:01.000'",
          "podcast-few.vtt:9: cue skipped: bad start time in '00:00.00 --> 00:01.000'"}},
        {"podcast-lenient.vtt", // consistently podcast-style: read leniently, one warning
         {{0.86, 7.38, "", "SPEAKER_1", "First.", ""},
          {10.1, 13.48, "", "", "Second.", ""},
          {62.5, 64, "", "", "Third.", ""},
          {65, 66, "", "", "Fourth, standard.", ""}},
         {"podcast-lenient.vtt: 3 timing lines use non-standard timestamps (like '0.860' or '2:04.780'); "
          "read leniently"}},
    };
    for (const FileCase& c : cases) {
        SECTION(c.fixture) {
            Transcript t = parseWebVtt(readVttFixture(c.fixture), c.fixture);
            CHECK(t.format == "vtt");
            requireCues(t, c.cues);
            CHECK(t.warnings == c.warnings);
        }
    }
}

TEST_CASE("WebVTT: a missing or malformed signature is a ParseError with its position", "[vtt]") {
    struct Row {
        const char* fixture;
        int column;
        const char* problem;
    };
    const std::vector<Row> rows = {
        {"bad-signature.vtt", 6, "not a WebVTT file: it must start with WEBVTT"},
        {"signature-late.vtt", 1, "not a WebVTT file: it must start with WEBVTT"},
        {"signature-no-space.vtt", 7, "not a WebVTT file: WEBVTT must be followed by a space, tab or line break"},
    };
    for (const Row& r : rows) {
        SECTION(r.fixture) {
            try {
                parseWebVtt(readVttFixture(r.fixture), r.fixture);
                FAIL("no ParseError");
            } catch (const ParseError& e) {
                CHECK(e.file() == r.fixture);
                CHECK(e.line() == 1);
                CHECK(e.column() == r.column);
                CHECK(e.problem() == r.problem);
                CHECK(std::string(e.what()) == std::string(r.fixture) + ":1:" + std::to_string(r.column) + ": " + r.problem);
            }
        }
    }
    SECTION("empty text") {
        try {
            parseWebVtt("", "e.vtt");
            FAIL("no ParseError");
        } catch (const ParseError& e) {
            CHECK(std::string(e.what()) == "e.vtt:1:1: empty file; a WebVTT file starts with WEBVTT");
        }
    }
    SECTION("too short") {
        CHECK_THROWS_AS(parseWebVtt("WEBVT", "s.vtt"), ParseError);
        CHECK_THROWS_AS(parseWebVtt("\xEF\xBB\xBF", "s.vtt"), ParseError);
    }
}

TEST_CASE("WebVTT: signature variants that are valid", "[vtt]") {
    CHECK(parseWebVtt("WEBVTT", "f").cues.empty());
    CHECK(parseWebVtt("WEBVTT\n", "f").cues.empty());
    CHECK(parseWebVtt("\xEF\xBB\xBFWEBVTT\tsome header", "f").cues.empty());
    CHECK(parseWebVtt("WEBVTT \n\n00:01.000 --> 00:02.000\nx", "f").cues.size() == 1);
}

TEST_CASE("WebVTT cue text: markup removed, references decoded, first voice is the speaker", "[vtt]") {
    struct Row {
        const char* payload;
        const char* display;
        const char* speaker;
    };
    const std::vector<Row> rows = {
        {"plain", "plain", ""},
        {"<v Dr. Okafor>Hello</v>", "Hello", "Dr. Okafor"},
        {"<v.loud   Ann \t Lee >Hi", "Hi", "Ann Lee"},          // class, whitespace collapsed, unclosed
        {"<v>anonymous</v>", "anonymous", ""},                  // empty annotation: no speaker
        {"<v A>one</v> <v B>two</v>", "one two", "A"},          // the first <v> counts
        {"<V Big>case matters</V>", "case matters", ""},        // tag names are case-sensitive
        {"<c.yellow.bg_blue>col</c> <i>it</i> <b>bo</b> <u>un</u>", "col it bo un", ""},
        {"<ruby>\xE6\xBC\xA2<rt>kan</rt></ruby>", "\xE6\xBC\xA2kan", ""}, // ruby text is kept
        {"<rt>no ruby</rt>", "no ruby", ""},
        {"<lang en-GB>colour</lang>", "colour", ""},
        {"line one\nline two", "line one\nline two", ""},
        {"<unknown>text</unknown>", "text", ""},
        {"a < b", "a ", ""},                                     // "< b" is a start tag " b"
        {"broken <i", "broken ", ""},
        {"&amp; &lt; &gt; &lrm;&rlm;&nbsp;", "& < > \xE2\x80\x8E\xE2\x80\x8F\xC2\xA0", ""},
        {"&quot;&apos;&copy;&eacute;", "\"'\xC2\xA9\xC3\xA9", ""},      // other HTML names
        {"&#65;&#x42;&#X43;&#x80;&#0;&#xD800;&#x110000;", "ABC\xE2\x82\xAC\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", ""},
        {"&amp", "&", ""},                                       // legacy name without ';'
        {"&notit; x", "\xC2\xAC" "it; x", ""},                   // longest legacy prefix
        {"&bogus; & &; &#; &#x;", "&bogus; & &; &#; &#x;", ""},  // not references: kept
        {"&<c>x</c>", "&x", ""},
        {"<v Q&amp;A&gt;s>text", "text", "Q&A>s"},               // references in annotations
        {"<00:00:01.500>timed", "timed", ""},
    };
    for (const Row& r : rows) {
        INFO("payload: " << r.payload);
        CueText t = parseWebVttCueText(r.payload, 0);
        CHECK(t.display == r.display);
        CHECK(t.speaker == r.speaker);
    }
}

TEST_CASE("WebVTT words: timestamp tags give each word its start", "[vtt]") {
    Transcript t = parseWebVtt(readVttFixture("words.vtt"), "words.vtt");
    REQUIRE(t.cues.size() == 1);
    const Cue& cue = t.cues[0];
    CHECK(cue.speaker == "Dr. Okafor");
    CHECK(cue.text == "It uses your\nimmune system.");
    struct W {
        double start;
        const char* text;
    };
    const std::vector<W> expected = {{1.0, "It"}, {1.5, "uses"}, {2.25, "your"}, {2.25, "immune"}, {3.0, "system."}};
    REQUIRE(cue.words.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CHECK(cue.words[i].start == Approx(expected[i].start));
        CHECK(cue.words[i].text == expected[i].text);
    }

    SECTION("no timestamp tag: no words") { CHECK(parseWebVttCueText("just text", 5).words.empty()); }
    SECTION("a tag inside a word does not move that word") {
        CueText c = parseWebVttCueText("wo<00:00:06.000>rd next", 5);
        REQUIRE(c.words.size() == 2);
        CHECK(c.words[0].start == 5);
        CHECK(c.words[1].start == 6);
    }
    SECTION("invalid timestamp tags are ignored") {
        CueText c = parseWebVttCueText("a <00:00:06.00>b <1:2>c", 5);
        CHECK(c.display == "a b c");
        CHECK(c.words.empty());
    }
}

TEST_CASE("WebVTT timestamps: the spec's collect-a-timestamp rules", "[vtt]") {
    struct Row {
        const char* text;
        double seconds; // < 0: invalid
    };
    const std::vector<Row> rows = {
        {"00:00.000", 0},       {"01:02.345", 62.345},   {"1:02:03.456", 3723.456}, {"100:00:00.001", 360000.001},
        {"60:00.000", -1},      {"000:00.000", -1},      {"00:00.00", -1},          {"00:00.0000", -1},
        {"0:00.000", -1},       {"00:60.000", -1},       {"00:00:60.000", -1},      {"00:60:00.000", -1},
        {"00:00", -1},          {"00:00.000 ", -1},      {"", -1},                  {"0.860", -1},
    };
    for (const Row& r : rows) {
        INFO(r.text);
        auto t = parseWebVttTimestamp(r.text);
        if (r.seconds < 0) CHECK_FALSE(t.has_value());
        else {
            REQUIRE(t.has_value());
            CHECK(*t == Approx(r.seconds));
        }
    }
}

TEST_CASE("WebVTT: cue settings never reject a cue", "[vtt]") {
    Transcript t = parseWebVtt("WEBVTT\n\n00:01.000 --> 00:02.000 bogus align:nowhere size:200% :x\ntext\n", "s.vtt");
    REQUIRE(t.cues.size() == 1);
    CHECK(t.cues[0].settings == "bogus align:nowhere size:200% :x");
    CHECK(t.warnings.empty());
}

TEST_CASE("WebVTT: only an empty line ends a cue; whitespace lines are cue text", "[vtt]") {
    Transcript t = parseWebVtt("WEBVTT\n\n00:01.000 --> 00:02.000\na\n \t\nb\n\n00:03.000 --> 00:04.000\nc", "w.vtt");
    REQUIRE(t.cues.size() == 2);
    CHECK(t.cues[0].text == "a\n \t\nb");
    CHECK(t.cues[1].text == "c");
}
