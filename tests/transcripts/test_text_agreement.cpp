// One text model: an article (md4c + text_utils) and a cue (WebVTT cue text)
// decode the same character references and repair the same invalid UTF-8 the
// same way, because both go through transcripts/text_utils.h.

#include "transcripts/article.h"
#include "transcripts/webvtt_parser.h"

#include <catch2/catch.hpp>

using namespace la::transcripts;

namespace {

// The text of the one paragraph of a one-line article.
std::string asArticle(const std::string& line) {
    Article a = parseArticle(line + "\n", "a.md");
    REQUIRE(a.sections.size() == 1);
    REQUIRE(a.sections[0].blocks.size() == 1);
    return a.sections[0].blocks[0].text;
}

// The text of the one cue of a WebVTT file whose cue payload is `line`.
std::string asCue(const std::string& line) {
    Transcript t = parseWebVtt("WEBVTT\n\n00:00.000 --> 00:01.000\n" + line + "\n", "a.vtt");
    REQUIRE(t.cues.size() == 1);
    return t.cues[0].text;
}

} // namespace

TEST_CASE("Character references decode the same in an article and in a cue", "[text][article][webvtt]") {
    struct Row {
        std::string written;
        std::string decoded;
    };
    const std::vector<Row> rows = {
        {"caf&eacute;", "caf\xC3\xA9"},
        {"a&mdash;b", "a\xE2\x80\x94" "b"},
        {"a&nbsp;b", "a\xC2\xA0" "b"},
        {"wait&hellip;", "wait\xE2\x80\xA6"},
        {"caf&#233;", "caf\xC3\xA9"},
        {"a&#x2014;b", "a\xE2\x80\x94" "b"},
        {"a&#X2014;b", "a\xE2\x80\x94" "b"},
        {"&alpha;&Omega;", "\xCE\xB1\xCE\xA9"},          // beyond the few names articles once knew
        {"a&#150;b", "a\xE2\x80\x93" "b"},                // C1 range read as Windows-1252, as HTML does
        {"x &#0; y", "x \xEF\xBF\xBD y"},                 // NUL reference
        {"&#x110000;", "\xEF\xBF\xBD"},                   // out of range
        {"x &bogus; y", "x &bogus; y"},                   // unknown name: kept as written
        {"x &#xZZ; y", "x &#xZZ; y"},                     // malformed number: kept as written
        {"fish &amp; chips", "fish & chips"},
    };
    for (const Row& r : rows) {
        INFO(r.written);
        CHECK(asArticle(r.written) == r.decoded);
        CHECK(asCue(r.written) == r.decoded);
    }
}

TEST_CASE("Invalid UTF-8 is replaced the same way in an article and in a cue", "[text][article][webvtt]") {
    const std::string fffd = "\xEF\xBF\xBD";
    const std::string bytes = "a\xFF" "b\xE2\x82" "c\xED\xA0\x80" "d\xF0\x9F\x98" "e";
    // One U+FFFD per maximal invalid subpart: FF; E2 82; ED, A0, 80 (a surrogate); F0 9F 98.
    const std::string expected = "a" + fffd + "b" + fffd + "c" + fffd + fffd + fffd + "d" + fffd + "e";
    CHECK(asArticle(bytes) == expected);
    CHECK(asCue(bytes) == expected);

    Article a = parseArticle("ok\n\nbad \xFF\n", "a.md");
    REQUIRE_FALSE(a.warnings.empty());
    CHECK(a.warnings.front() == "a.md:3: invalid UTF-8 replaced by U+FFFD");
}
