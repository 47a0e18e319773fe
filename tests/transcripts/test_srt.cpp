// SubRip: the rules in transcripts/srt_parser.h over tests/data/transcripts/srt/.

#include "transcripts/parse_error.h"
#include "transcripts/srt_parser.h"

#include "support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace la::transcripts;

namespace {

std::string readSrtFixture(const std::string& name) { return la::test::readTestData("transcripts/srt/" + name); }

struct ExpectedSrtCue {
    double start, end;
    std::string id, text;
};

struct SrtCase {
    const char* fixture;
    std::vector<ExpectedSrtCue> cues;
    std::vector<std::string> warnings;
};

} // namespace

TEST_CASE("SubRip files: numbering, tags, encodings, tolerance, order", "[srt]") {
    const std::string voila = "Voil\xC3\xA0, \xC2\xAB\xC3\xA7" "a\xC2\xBB marche";
    const std::vector<SrtCase> cases = {
        {"basic.srt",
         {{1, 2.5, "1", "Hello there"},
          {3, 4, "2", "Bold under struck red <x>kept</x>\nsecond line"}},
         {}},
        {"bom-crlf.srt", {{1, 2, "1", "BOM and CRLF"}, {2, 3, "2", "second"}}, {}},
        {"utf16le.srt", {{1, 2, "1", voila}}, {}},
        {"utf16be.srt", {{1, 2, "1", voila}}, {}},
        {"utf32le.srt", {{1, 2, "1", voila}}, {}},
        {"utf32be.srt", {{1, 2, "1", voila}}, {}},
        {"cp1252.srt", {{1, 2, "1", "\xC3\x89V\xC3\x89NEMENTS \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC" "5"}}, {}},
        {"mostly-utf8.srt", // one stray byte: still UTF-8, that byte becomes U+FFFD
         {{1, 2, "1", "Caf\xC3\xA9 cr\xC3\xA8me, one stray \xEF\xBF\xBD byte, na\xC3\xAFve"}},
         {}},
        {"tolerant.srt",
         {{1, 2, "", "no number"},
          {2.5, 3.75, "7", "dots, not commas"},                        // '.' fraction; whitespace line ends it
          {4, 5, "8", "coordinates ignored"},                          // junk after the end time
          {5.5, 6, "9", "no blank line before, short fraction"},       // ",5" = 0.5 s; no fraction
          {7, 8, "10", ""},                                            // a cue without text
          {8, 9, "11", "after an empty cue"}},
         {}},
        {"junk.srt", {{1, 2, "1", "kept"}}, {"junk.srt:1: text outside any cue skipped"}},
        {"unsorted.srt", {{1, 4, "1", "first"}, {1, 2, "2", "second"}, {5, 6, "3", "third"}}, {}},
    };
    for (const SrtCase& c : cases) {
        SECTION(c.fixture) {
            Transcript t = parseSrt(readSrtFixture(c.fixture), c.fixture);
            CHECK(t.format == "srt");
            CHECK(t.warnings == c.warnings);
            REQUIRE(t.cues.size() == c.cues.size());
            for (size_t i = 0; i < c.cues.size(); ++i) {
                INFO("cue " << i);
                CHECK(t.cues[i].start == Approx(c.cues[i].start).margin(1e-9));
                CHECK(t.cues[i].end == Approx(c.cues[i].end).margin(1e-9));
                CHECK(t.cues[i].id == c.cues[i].id);
                CHECK(t.cues[i].text == c.cues[i].text);
                CHECK(t.cues[i].speaker.empty());
            }
        }
    }
}

TEST_CASE("SubRip: a file without any cue is a ParseError", "[srt]") {
    struct Row {
        const char* fixture;
        int line, column;
        const char* message;
    };
    const std::vector<Row> rows = {
        {"blank.srt", 0, 0, "blank.srt: empty file: no SubRip cues"},
        {"wrong-arrow.srt", 1, 1,
         "wrong-arrow.srt:1:1: no SubRip cue found: expected a timing line like '00:00:01,000 --> 00:00:02,000'"},
    };
    for (const Row& r : rows) {
        SECTION(r.fixture) {
            try {
                parseSrt(readSrtFixture(r.fixture), r.fixture);
                FAIL("no ParseError");
            } catch (const ParseError& e) {
                CHECK(e.line() == r.line);
                CHECK(e.column() == r.column);
                CHECK(std::string(e.what()) == r.message);
            }
        }
    }
    SECTION("no bytes at all") { CHECK_THROWS_AS(parseSrt("", "x.srt"), ParseError); }
}

TEST_CASE("SubRip timing lines: what counts", "[srt]") {
    struct Row {
        const char* timing;
        double start, end; // start < 0: not a timing line (so no cue)
    };
    const std::vector<Row> rows = {
        {"00:00:01,000 --> 00:00:02,000", 1, 2},
        {"00:00:01.000-->00:00:02.000", 1, 2},
        {"  01:02:03,004 -->   01:02:04,5  ", 3723.004, 3724.5},
        {"123:00:00,000 --> 123:00:01,000", 442800, 442801},
        {"00:00:01,000 --> 00:00:02,000?", 1, 2},
        {"00:00:01 --> 00:00:02", 1, 2},
        {"00:00:01,000 -> 00:00:02,000", -1, 0},
        {"00:01,000 --> 00:02,000", -1, 0},
        {"00:61:00,000 --> 00:62:00,000", -1, 0},
    };
    for (const Row& r : rows) {
        INFO(r.timing);
        std::string file = std::string("1\n") + r.timing + "\ntext\n";
        if (r.start < 0) {
            CHECK_THROWS_AS(parseSrt(file, "t.srt"), ParseError);
            continue;
        }
        Transcript t = parseSrt(file, "t.srt");
        REQUIRE(t.cues.size() == 1);
        CHECK(t.cues[0].start == Approx(r.start));
        CHECK(t.cues[0].end == Approx(r.end));
    }
}

TEST_CASE("SubRip display text strips only basic formatting tags", "[srt]") {
    struct Row {
        const char* raw;
        const char* display;
    };
    const std::vector<Row> rows = {
        {"<i>a</i> <b>b</b> <u>c</u> <s>d</s>", "a b c d"},
        {"<I>upper</I> <B >spaced</ B>", "upper spaced"},
        {"<font color=\"#00ff00\">green</font> <font face=x>f</font>", "green f"},
        {"<i>unclosed", "unclosed"},
        {"<fontx>kept</fontx> <br> <v Bob>", "<fontx>kept</fontx> <br> <v Bob>"},
        {"a < b and c > d", "a < b and c > d"},
        {"{\\an8}top &amp;", "{\\an8}top &amp;"},
    };
    for (const Row& r : rows) {
        INFO(r.raw);
        CHECK(stripSrtTags(r.raw) == r.display);
    }
}

TEST_CASE("SubRip content sniffing", "[srt]") {
    CHECK(looksLikeSrt("1\n00:00:01,000 --> 00:00:02,000\nx\n"));
    CHECK(looksLikeSrt("\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n"));
    CHECK_FALSE(looksLikeSrt("WEBVTT\n\n00:01.000 --> 00:02.000\n"));
    CHECK_FALSE(looksLikeSrt("just prose\n"));
}
