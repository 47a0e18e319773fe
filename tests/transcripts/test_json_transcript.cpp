// Podcasting 2.0 JSON transcripts: one test per rule in transcripts/json_transcript_parser.h,
// over the fixtures in tests/data/transcripts/json/.

#include "transcripts/json_transcript_parser.h"

#include "support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace la::transcripts;

namespace {

std::string readJsonFixture(const std::string& name) { return la::test::readTestData("transcripts/json/" + name); }

Transcript parseFixture(const std::string& name) { return parseJsonTranscript(readJsonFixture(name), name); }

struct ExpectedCue {
    double start, end;
    std::string text, speaker;
};

void requireCues(const Transcript& t, const std::vector<ExpectedCue>& expected) {
    REQUIRE(t.cues.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO("cue " << i);
        CHECK(t.cues[i].start == Approx(expected[i].start).margin(1e-9));
        CHECK(t.cues[i].end == Approx(expected[i].end).margin(1e-9));
        CHECK(t.cues[i].text == expected[i].text);
        CHECK(t.cues[i].speaker == expected[i].speaker);
        CHECK(t.cues[i].id.empty());
        CHECK(t.cues[i].words.empty());
    }
}

} // namespace

TEST_CASE("JSON transcript: one cue per segment, sorted by start, speakers kept", "[json]") {
    Transcript t = parseFixture("basic.json");
    CHECK(t.format == "json");
    CHECK(t.warnings.empty());
    requireCues(t, {{0.5, 4.0, "What is immunotherapy?", "Host"},
                    {4.5, 7.25, "It uses your immune system.", "Nurse"},
                    {7.25, 9.0, "No speaker here.", ""}});
}

TEST_CASE("JSON transcript: word-level, ' ', empty and zero-length segments are all cues", "[json]") {
    Transcript t = parseFixture("word-level.json");
    CHECK(t.warnings.empty());
    // Equal starts: longer first, then file order (stable).
    requireCues(t, {{0.221, 0.361, "It's", "Speaker 1"},
                    {0.361, 0.361, " ", "Speaker 1"},
                    {0.462, 0.883, "Friday", "Speaker 1"},
                    {0.883, 0.883, ",", "Speaker 1"},
                    {0.883, 0.883, "", "Speaker 1"},
                    {1.0, 3.0, "longer first", "Speaker 2"},
                    {1.0, 2.0, "father.\n", "Speaker 2"},
                    {1.0, 2.0, "same times, file order", "Speaker 2"}});
}

TEST_CASE("JSON transcript: a missing or null endTime ends at the next later start, at most 5 s on", "[json]") {
    Transcript t = parseFixture("missing-end.json");
    CHECK(t.warnings.empty());
    requireCues(t, {{0, 2, "bounded by the next start", ""},
                    {2, 7, "null end, next start is far", ""},
                    {30, 35, "same start, no end: capped at start + 5", ""},
                    {30, 31, "explicit end", ""},
                    {40, 45, "last: start + 5", ""}});
}

TEST_CASE("JSON transcript: bad segments are skipped with a warning naming file, line and index", "[json]") {
    Transcript t = parseFixture("bad-segments.json");
    requireCues(t, {{1, 2, "the one good segment", ""}});
    const std::vector<std::string> expected = {
        "bad-segments.json:4: segments[0]: not an object",
        "bad-segments.json:5: segments[1]: startTime is missing",
        "bad-segments.json:6: segments[2]: startTime is a string, not a number",
        "bad-segments.json:7: segments[3]: startTime is negative",
        "bad-segments.json:8: segments[4]: endTime is before startTime",
        "bad-segments.json:9: segments[5]: endTime is a boolean, not a number",
        "bad-segments.json:10: segments[6]: body is missing",
        "bad-segments.json:11: segments[7]: body is a number, not a string",
        "bad-segments.json:12: segments[8]: speaker is an array, not a string",
        "bad-segments.json:13: segments[9]: startTime is too large",
    };
    CHECK(t.warnings == expected);
}

TEST_CASE("JSON transcript: version problems are warnings; BOM and empty lists are fine", "[json]") {
    struct Row {
        const char* file;
        size_t cues;
        std::vector<std::string> warnings;
    };
    const Row rows[] = {
        {"bom-no-version.json", 1, {"bom-no-version.json: no \"version\""}},
        {"version-number.json", 0, {"version-number.json: version is a number, not a string"}},
        {"empty.json", 0, {}},
    };
    for (const Row& row : rows) {
        INFO(row.file);
        Transcript t = parseFixture(row.file);
        CHECK(t.cues.size() == row.cues);
        CHECK(t.warnings == row.warnings);
    }
}

TEST_CASE("JSON transcript: syntax errors give ParseError with line and column", "[json]") {
    struct Row {
        const char* file;
        int line, column;
        const char* problem;
    };
    const Row rows[] = {
        {"syntax-trailing-comma.json", 5, 3,
         "invalid JSON: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"},
        {"syntax-control-char.json", 3, 43,
         "invalid JSON: syntax error while parsing value - invalid string: control character U+000A (LF) must be "
         "escaped to \\u000A or \\n"},
        {"syntax-bad-utf8.json", 1, 41,
         "invalid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte"},
        {"syntax-number-overflow.json", 2, 17, "invalid JSON: number overflow parsing '1e400'"},
        {"syntax-truncated.json", 2, 1,
         "invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
    };
    for (const Row& row : rows) {
        INFO(row.file);
        try {
            parseFixture(row.file);
            FAIL("no ParseError");
        } catch (const ParseError& e) {
            CHECK(e.file() == row.file);
            CHECK(e.line() == row.line);
            CHECK(e.column() == row.column);
            CHECK(e.problem() == row.problem);
            CHECK(std::string(e.what()) == std::string(row.file) + ":" + std::to_string(row.line) + ":" +
                                               std::to_string(row.column) + ": " + row.problem);
        }
    }
}

TEST_CASE("JSON transcript: error positions point at the offending token or byte", "[json]") {
    struct Row {
        std::string text;
        int line, column;
    };
    const Row rows[] = {
        {"{\"segments\": [1 true]}", 1, 17},       // unexpected literal: its first byte
        {"{\"a\": 1 \"b\": 2}", 1, 9},             // unexpected string: its opening quote
        {"{\"a\": 1,\n  -12}", 2, 3},              // unexpected number: its first byte
        {"{\"a\": -}", 1, 8},                       // lexer error: the byte that broke the number
        {"{\"a\": [1,\n\n  }", 3, 3},               // unexpected '}'
        {"\xEF\xBB\xBF{\"a\" 1}", 1, 9},            // columns count bytes, BOM included
    };
    for (const Row& row : rows) {
        INFO(row.text);
        try {
            parseJsonTranscript(row.text, "t.json");
            FAIL("no ParseError");
        } catch (const ParseError& e) {
            CHECK(e.line() == row.line);
            CHECK(e.column() == row.column);
        }
    }
}

TEST_CASE("JSON transcript: a document that is not a transcript is a ParseError", "[json]") {
    struct Row {
        const char* file;
        const char* message;
    };
    const Row rows[] = {
        {"not-object.json", "not-object.json:1:1: not a Podcasting 2.0 JSON transcript: the top level is not an object"},
        {"no-segments.json", "no-segments.json: not a Podcasting 2.0 JSON transcript: no \"segments\" array"},
        {"segments-not-array.json",
         "segments-not-array.json: not a Podcasting 2.0 JSON transcript: \"segments\" is not an array"},
    };
    for (const Row& row : rows) {
        INFO(row.file);
        CHECK_THROWS_AS(parseFixture(row.file), ParseError);
        CHECK_THROWS_WITH(parseFixture(row.file), row.message);
    }
}

TEST_CASE("JSON transcript: warning lines survive escaped keys and nested look-alike keys", "[json]") {
    // A nested "segments" key is not the top-level one; an escaped top-level key still
    // parses (nlohmann decodes it) but its lines are unknown, so warnings have no line.
    Transcript nested = parseJsonTranscript(
        "{\"meta\": {\"segments\": [1, 2]},\n\"version\": \"1\",\n\"segments\": [\n {\"startTime\": 1}\n]}", "n.json");
    CHECK(nested.warnings == std::vector<std::string>{"n.json:4: segments[0]: body is missing"});
    Transcript escaped = parseJsonTranscript("{\"version\": \"1\", \"segm\\u0065nts\": [{\"startTime\": 1}]}", "e.json");
    CHECK(escaped.warnings == std::vector<std::string>{"e.json: segments[0]: body is missing"});
}

TEST_CASE("JSON transcript: content sniffing", "[json]") {
    struct Row {
        std::string text;
        bool transcript;
    };
    const Row rows[] = {
        {"{\"version\":\"1.0.0\",\"segments\":[]}", true},
        {"\xEF\xBB\xBF \n {\n \"segments\" :\n [", true},
        {"{\"version\":\"1.2.0\",\"chapters\":[]}", false},
        {"[{\"segments\":[]}]", false},
        {"{\"body\": \"the \\\"segments\\\" word\"}", false},
        {"WEBVTT\n\n00:00.000 --> 00:01.000\nsegments", false},
        {"", false},
        {"{", false},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(looksLikeJsonTranscript(row.text) == row.transcript);
    }
}
