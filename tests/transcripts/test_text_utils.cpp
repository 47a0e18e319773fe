// Encoding and character-reference helpers (transcripts/text_utils.h).

#include "transcripts/text_utils.h"

#include <catch2/catch.hpp>

using namespace la::transcripts;

TEST_CASE("UTF-8 validation and repair", "[text]") {
    struct Row {
        std::string bytes;
        bool valid;
        std::string sanitized;
    };
    const std::string fffd = "\xEF\xBF\xBD";
    const std::vector<Row> rows = {
        {"plain ascii", true, "plain ascii"},
        {"caf\xC3\xA9 \xF0\x9F\x8E\xA7", true, "caf\xC3\xA9 \xF0\x9F\x8E\xA7"},
        {"a\xE9" "b", false, "a" + fffd + "b"},                  // Latin-1 byte
        {"\xC0\xAF", false, fffd + fffd},                          // overlong
        {"\xED\xA0\x80", false, fffd + fffd + fffd},               // surrogate
        {"\xE2\x82", false, fffd},                                 // truncated: one maximal subpart
        {"\xF4\x90\x80\x80", false, fffd + fffd + fffd + fffd},    // above U+10FFFF
    };
    for (const Row& r : rows) {
        INFO(r.bytes);
        CHECK(isValidUtf8(r.bytes) == r.valid);
        CHECK(sanitizeUtf8(r.bytes) == r.sanitized);
    }
    Utf8Census census = utf8Census("\xC3\xA9\xC3\xA9 \xE9");
    CHECK(census.multibyte == 2);
    CHECK(census.invalid == 1);
}

TEST_CASE("Byte-order marks and legacy encodings become UTF-8", "[text]") {
    CHECK(detectBom("\xEF\xBB\xBFx") == Bom::Utf8);
    CHECK(detectBom(std::string("\xFF\xFE\x00\x00", 4)) == Bom::Utf32Le);
    CHECK(detectBom(std::string("\x00\x00\xFE\xFF", 4)) == Bom::Utf32Be);
    CHECK(detectBom("\xFF\xFEx\0") == Bom::Utf16Le);
    CHECK(detectBom("\xFE\xFF") == Bom::Utf16Be);
    CHECK(detectBom("WEBVTT") == Bom::None);
    CHECK(bomToUtf8("\xEF\xBB\xBFhi") == "hi");
    CHECK(bomToUtf8(std::string("\xFF\xFEh\0\xE9\0", 6)) == "h\xC3\xA9");
    CHECK(bomToUtf8(std::string("\xFE\xFF\xD8\x3C\xDF\xA7", 6)) == "\xF0\x9F\x8E\xA7"); // surrogate pair
    CHECK(bomToUtf8(std::string("\xFF\xFE\x00\xD8x\0", 6)) == "\xEF\xBF\xBDx");        // lone surrogate
    CHECK(bomToUtf8("no bom") == "no bom");
    CHECK(windows1252ToUtf8("\x93\xE9\x80\x94") == "\xE2\x80\x9C\xC3\xA9\xE2\x82\xAC\xE2\x80\x9D");
    CHECK(normalizeNewlines("a\r\nb\rc\n\r\nd") == "a\nb\nc\n\nd");
}

TEST_CASE("Whitespace helpers use ASCII whitespace only", "[text]") {
    CHECK(trimAsciiWhitespace(" \t\fx y\r\n") == "x y");
    CHECK(collapseAsciiWhitespace("  a \t\n b  ") == "a b");
    CHECK(collapseAsciiWhitespace("a\xC2\xA0 b") == "a\xC2\xA0 b"); // U+00A0 is not folded
}

TEST_CASE("consumeCharacterReference follows HTML", "[text]") {
    struct Row {
        const char* text; // the characters after '&'
        const char* decoded; // nullptr: not a reference
        size_t consumed;
    };
    const std::vector<Row> rows = {
        {"amp;x", "&", 4},      {"amp x", "&", 3},        {"ampx", "&", 3},
        {"notin;", "\xE2\x88\x89", 6}, {"notit;", "\xC2\xAC", 3}, {"#38;", "&", 4},
        {"#x26", "&", 4},       {"#150;", "\xE2\x80\x93", 5}, {"#xFFFFFFFFF;", "\xEF\xBF\xBD", 12},
        {"#;", nullptr, 0},     {"#x;", nullptr, 0},      {"unknown;", nullptr, 0},
        {" amp;", nullptr, 0},  {"<", nullptr, 0},        {"", nullptr, 0},
    };
    for (const Row& r : rows) {
        INFO("&" << r.text);
        size_t pos = 0;
        auto out = consumeCharacterReference(r.text, pos);
        if (!r.decoded) {
            CHECK_FALSE(out.has_value());
            CHECK(pos == 0);
        } else {
            REQUIRE(out.has_value());
            CHECK(*out == r.decoded);
            CHECK(pos == r.consumed);
        }
    }
    size_t pos = 0;
    CHECK_FALSE(consumeCharacterReference(">x", pos, '>').has_value()); // the additional allowed character
}

TEST_CASE("decodeUtf8 steps over one code point or one invalid subpart", "[text]") {
    const std::string s = "a\xC3\xA9\xE2\x82" "b\xF0\x9F\x8E\xA7\xFF";
    size_t i = 0;
    CHECK(decodeUtf8(s, i) == char32_t('a'));
    CHECK(i == 1);
    CHECK(decodeUtf8(s, i) == char32_t(0xE9));
    CHECK(i == 3);
    CHECK_FALSE(decodeUtf8(s, i)); // truncated E2 82: one subpart of two bytes
    CHECK(i == 5);
    CHECK(decodeUtf8(s, i) == char32_t('b'));
    CHECK(decodeUtf8(s, i) == char32_t(0x1F3A7));
    CHECK(i == 10);
    CHECK_FALSE(decodeUtf8(s, i));
    CHECK(i == s.size());
}

TEST_CASE("findInvalidUtf8 gives the first ill-formed offset", "[text]") {
    CHECK_FALSE(findInvalidUtf8("caf\xC3\xA9"));
    CHECK_FALSE(findInvalidUtf8(""));
    CHECK(findInvalidUtf8("ab\xC3\xA9\xFFx\xFF") == size_t(4));
    CHECK(findInvalidUtf8("\xE2\x82") == size_t(0));
}

TEST_CASE("decodeCharacterReferences decodes every reference in a text", "[text]") {
    CHECK(decodeCharacterReferences("caf&eacute; &amp; &#x2014;&#8212;") == "caf\xC3\xA9 & \xE2\x80\x94\xE2\x80\x94");
    CHECK(decodeCharacterReferences("&bogus; & &#xZZ; a&") == "&bogus; & &#xZZ; a&");
    CHECK(decodeCharacterReferences("&notit;") == "\xC2\xACit;"); // legacy name, as HTML reads it
    CHECK(decodeCharacterReferences("") == "");
}
