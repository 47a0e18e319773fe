// Loading from disk and format detection (transcripts/transcript_file.h) over
// tests/data/transcripts/{detect,vtt,srt}/.

#include "transcripts/parse_error.h"
#include "transcripts/transcript_file.h"

#include "support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace la::transcripts;

namespace {

std::string dataPath(const std::string& relative) { return std::string(LA_TEST_DATA) + "/transcripts/" + relative; }

std::string readBytes(const std::string& path) { return la::test::readFileBytes(path); }

} // namespace

TEST_CASE("Format detection looks at the content first", "[file]") {
    struct Row {
        const char* fixture;
        FileFormat format;
    };
    const std::vector<Row> rows = {
        {"detect/vtt-content", FileFormat::WebVtt},       // no extension
        {"detect/vtt-content.srt", FileFormat::WebVtt},   // signature beats the extension
        {"detect/srt-content.txt", FileFormat::Srt},
        {"detect/srt-content.vtt", FileFormat::WebVtt},   // a .vtt must be WebVTT (then it is rejected)
        {"detect/segments.data", FileFormat::JsonTranscript},
        {"detect/episode.chapters.json", FileFormat::JsonChapters},
        {"detect/broken.chapters.json", FileFormat::JsonChapters}, // by name, so its parser reports the error
        {"detect/binary.bin", FileFormat::Unknown},
        {"detect/notes.txt", FileFormat::Unknown},
        {"srt/utf16le.srt", FileFormat::Srt},
        {"vtt/bom-crlf.vtt", FileFormat::WebVtt},
    };
    for (const Row& r : rows) {
        INFO(r.fixture);
        CHECK(detectFormat(readBytes(dataPath(r.fixture)), r.fixture) == r.format);
    }
}

TEST_CASE("Loading dispatches to the right parser", "[file]") {
    SECTION("WebVTT without an extension") {
        Transcript t = loadTranscript(dataPath("detect/vtt-content"));
        CHECK(t.format == "vtt");
        REQUIRE(t.cues.size() == 1);
        CHECK(t.cues[0].speaker == "Host");
        CHECK(t.cues[0].text == "no extension");
    }
    SECTION("SubRip named .txt") {
        Transcript t = loadTranscript(dataPath("detect/srt-content.txt"));
        CHECK(t.format == "srt");
        REQUIRE(t.cues.size() == 1);
        CHECK(t.cues[0].text == "SubRip named .txt");
    }
    SECTION("JSON transcript, sorted on load") {
        Transcript t = loadTranscript(dataPath("detect/segments.data"));
        CHECK(t.format == "json");
        REQUIRE(t.cues.size() == 2);
        CHECK(t.cues[0].text == "first");
        CHECK(t.cues[1].speaker == "Host");
    }
    SECTION("JSON chapters, sorted by start, toc:false kept") {
        ChapterList c = loadChapters(dataPath("detect/episode.chapters.json"));
        REQUIRE(c.chapters.size() == 3);
        CHECK(c.chapters[0].title == std::optional<std::string>("Intro"));
        CHECK(c.chapters[0].url == "article.md#intro");
        CHECK(c.chapters[1].start == 30);
        CHECK_FALSE(c.chapters[1].title.has_value());
        CHECK_FALSE(c.chapters[1].toc);
        CHECK(c.chapters[2].title == std::optional<std::string>("Later"));
    }
    SECTION("cues come back in text-track order") {
        Transcript t = loadTranscript(dataPath("srt/unsorted.srt"));
        REQUIRE(t.cues.size() == 3);
        CHECK(t.cues[0].text == "first");
        CHECK(t.cues[1].text == "second");
        CHECK(t.cues[2].text == "third");
    }
}

TEST_CASE("Files that cannot be loaded throw ParseError naming file and problem", "[file]") {
    struct Row {
        std::string path;
        int line, column;
        std::string problem;
    };
    const std::string missing = dataPath("detect/does-not-exist.vtt");
    const std::vector<Row> rows = {
        {missing, 0, 0, "file not found"},
        {dataPath("detect"), 0, 0, "is a directory, not a file"},
        {dataPath("detect/empty.vtt"), 0, 0, "empty file"},
        {dataPath("srt/blank.srt"), 0, 0, "empty file"},
        {dataPath("detect/binary.bin"), 0, 0, "binary data, not a transcript or chapters file"},
        {dataPath("detect/notes.txt"), 0, 0,
         "not a transcript or chapters file (expected WebVTT, SubRip or Podcasting 2.0 JSON)"},
        {dataPath("detect/srt-content.vtt"), 1, 1, "not a WebVTT file: it must start with WEBVTT"},
    };
    for (const Row& r : rows) {
        INFO(r.path);
        try {
            loadTranscriptFile(r.path);
            FAIL("no ParseError");
        } catch (const ParseError& e) {
            CHECK(e.file() == r.path);
            CHECK(e.line() == r.line);
            CHECK(e.column() == r.column);
            CHECK(e.problem() == r.problem);
        }
    }
    SECTION("a JSON syntax error keeps the JSON parser's line and column") {
        try {
            loadTranscriptFile(dataPath("detect/broken.chapters.json"));
            FAIL("no ParseError");
        } catch (const ParseError& e) {
            CHECK(e.line() == 2);
            CHECK(e.column() == 38);
            CHECK(e.problem().rfind("invalid JSON", 0) == 0);
        }
    }
    SECTION("asking for the wrong kind") {
        CHECK_THROWS_WITH(loadChapters(dataPath("vtt/basic.vtt")),
                          dataPath("vtt/basic.vtt") + ": this is a transcript, not a chapters file");
        CHECK_THROWS_WITH(loadTranscript(dataPath("detect/episode.chapters.json")),
                          dataPath("detect/episode.chapters.json") + ": this is a chapters file, not a transcript");
    }
}

TEST_CASE("formatName gives inspect's short names", "[file]") {
    CHECK(std::string(formatName(FileFormat::WebVtt)) == "vtt");
    CHECK(std::string(formatName(FileFormat::Srt)) == "srt");
    CHECK(std::string(formatName(FileFormat::JsonTranscript)) == "json");
    CHECK(std::string(formatName(FileFormat::JsonChapters)) == "chapters");
    CHECK(std::string(formatName(FileFormat::Unknown)) == "unknown");
}
