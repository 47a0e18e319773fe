// Podcasting 2.0 JSON chapters: one test per rule in transcripts/chapters_parser.h, over
// the fixtures in tests/data/transcripts/chapters/.

#include "transcripts/chapters_parser.h"

#include "support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace la::transcripts;

namespace {

std::string readChaptersFixture(const std::string& name) { return la::test::readTestData("transcripts/chapters/" + name); }

ChapterList parseFixture(const std::string& name) { return parseChapters(readChaptersFixture(name), name); }

} // namespace

TEST_CASE("Chapters: all fields, sorted by start (stable), toc:false kept, unknown keys ignored", "[chapters]") {
    ChapterList list = parseFixture("basic.json");
    CHECK(list.warnings.empty());
    REQUIRE(list.chapters.size() == 5);
    const auto& c = list.chapters;

    CHECK(c[0].start == 0);
    CHECK(c[0].title == std::optional<std::string>("Intro"));
    CHECK_FALSE(c[0].end.has_value());
    CHECK(c[0].url.empty());
    CHECK(c[0].img.empty());
    CHECK(c[0].toc);
    CHECK_FALSE(c[0].location.has_value());

    CHECK(c[1].start == 95.5);
    CHECK(c[1].end == std::optional<double>(180));
    CHECK(c[1].title == std::optional<std::string>("How immunotherapy works"));
    CHECK(c[1].url == "article.md#how-immunotherapy-works");
    CHECK(c[1].img == "img/cells.png");

    CHECK(c[2].start == 95.5); // same start: file order kept
    CHECK(c[2].title == std::optional<std::string>("Same start, later in file"));
    CHECK_FALSE(c[2].toc);

    CHECK(c[3].start == 200);
    CHECK_FALSE(c[3].title.has_value()); // no title: null, not ""
    CHECK_FALSE(c[3].toc);
    CHECK(c[3].img == "img/map.jpg");
    REQUIRE(c[3].location.has_value());
    CHECK(c[3].location->name == "Sydney");
    CHECK(c[3].location->geo == "geo:-33.86,151.21");
    CHECK(c[3].location->osm == "R5750005");

    CHECK(c[4].start == 300);
    CHECK(c[4].title == std::optional<std::string>("Extras"));
    CHECK_FALSE(c[4].end.has_value()); // endTime: null is absent
    CHECK(c[4].toc);
}

TEST_CASE("Chapters: bad chapters are skipped with a warning naming file, line and index", "[chapters]") {
    ChapterList list = parseFixture("bad-chapters.json");
    REQUIRE(list.chapters.size() == 1);
    CHECK(list.chapters[0].title == std::optional<std::string>("good"));
    const std::vector<std::string> expected = {
        "bad-chapters.json:4: chapters[0]: not an object",
        "bad-chapters.json:5: chapters[1]: startTime is missing",
        "bad-chapters.json:6: chapters[2]: startTime is a string, not a number",
        "bad-chapters.json:7: chapters[3]: endTime is before startTime",
        "bad-chapters.json:8: chapters[4]: title is a number, not a string",
        "bad-chapters.json:9: chapters[5]: url is a boolean, not a string",
        "bad-chapters.json:10: chapters[6]: img is an object, not a string",
        "bad-chapters.json:11: chapters[7]: toc is not a boolean",
        "bad-chapters.json:12: chapters[8]: location is not an object",
        "bad-chapters.json:13: chapters[9]: location.name is a number, not a string",
        "bad-chapters.json:14: chapters[10]: startTime is negative",
    };
    CHECK(list.warnings == expected);
}

TEST_CASE("Chapters: empty list is valid; missing version is a warning", "[chapters]") {
    ChapterList empty = parseFixture("empty.json");
    CHECK(empty.chapters.empty());
    CHECK(empty.warnings.empty());

    ChapterList noVersion = parseFixture("no-version.json");
    CHECK(noVersion.chapters.size() == 1);
    CHECK(noVersion.warnings == std::vector<std::string>{"no-version.json: no \"version\""});
}

TEST_CASE("Chapters: syntax errors and non-chapter documents are ParseErrors", "[chapters]") {
    struct Row {
        const char* file;
        int line, column;
        const char* message;
    };
    const Row rows[] = {
        {"syntax-missing-comma.json", 4, 21,
         "syntax-missing-comma.json:4:21: invalid JSON: syntax error while parsing object - unexpected string "
         "literal; expected '}'"},
        {"not-object.json", 1, 1, "not-object.json:1:1: not a Podcasting 2.0 JSON chapters file: the top level is not an object"},
        {"no-chapters.json", 0, 0, "no-chapters.json: not a Podcasting 2.0 JSON chapters file: no \"chapters\" array"},
        {"chapters-not-array.json", 0, 0,
         "chapters-not-array.json: not a Podcasting 2.0 JSON chapters file: \"chapters\" is not an array"},
    };
    for (const Row& row : rows) {
        INFO(row.file);
        try {
            parseFixture(row.file);
            FAIL("no ParseError");
        } catch (const ParseError& e) {
            CHECK(e.line() == row.line);
            CHECK(e.column() == row.column);
            CHECK(std::string(e.what()) == row.message);
        }
    }
}

TEST_CASE("Chapters: content sniffing", "[chapters]") {
    struct Row {
        std::string text;
        bool chapters;
    };
    const Row rows[] = {
        {"{\"version\":\"1.2.0\",\"chapters\":[]}", true},
        {"\xEF\xBB\xBF{ \"chapters\"\t:\r\n[ ]}", true},
        {"{\"version\":\"1.0.0\",\"segments\":[]}", false},
        {"{\"chapters\": \"none\"}", false},
        {"[{\"chapters\":[]}]", false},
        {"", false},
    };
    for (const Row& row : rows) {
        INFO(row.text);
        CHECK(looksLikeJsonChapters(row.text) == row.chapters);
    }
}
