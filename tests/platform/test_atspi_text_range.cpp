// Issue #13: the character, word and line a screen reader reads at an offset
// of an element's text, counted in characters, not UTF-8 bytes.
#include "player/platform/atspi_text_range.h"

#include <catch2/catch.hpp>

using namespace la::player;

TEST_CASE("Text is counted in characters, and cut back to UTF-8 whole") {
    const std::u32string t = decodeUtf8("2:09 — Nurse");
    CHECK(t.size() == 12);
    CHECK(substringUtf8(t, 5, 6) == "—");
    CHECK(substringUtf8(t, 7, 99) == "Nurse");
    CHECK(decodeUtf8("a\xff" "b") == U"a\uFFFDb");
}

TEST_CASE("A word runs to the next word's start, or from the last word's end") {
    const std::u32string t = decodeUtf8("2:09 — Nurse: The immune");
    CHECK(textRangeAt(t, 8, TextUnit::WordStart) == TextRange{7, 14}); // "Nurse: "
    CHECK(textRangeAt(t, 13, TextUnit::WordStart) == TextRange{7, 14}); // the space after it
    CHECK(textRangeAt(t, 20, TextUnit::WordStart) == TextRange{18, 24}); // the last word
    CHECK(textRangeAt(t, 8, TextUnit::WordEnd) == TextRange{6, 13}); // " Nurse:"
    CHECK(textRangeAt(t, 0, TextUnit::WordEnd) == TextRange{0, 4});
}

TEST_CASE("Characters, lines and whole texts") {
    const std::u32string t = decodeUtf8("one\ntwo");
    CHECK(textRangeAt(t, 2, TextUnit::Char) == TextRange{2, 3});
    CHECK(textRangeAt(t, 1, TextUnit::LineStart) == TextRange{0, 4});
    CHECK(textRangeAt(t, 5, TextUnit::LineStart) == TextRange{4, 7});
    CHECK(textRangeAt(t, 5, TextUnit::LineEnd) == TextRange{3, 7});
    CHECK(textRangeAt(t, 5, TextUnit::Whole) == TextRange{0, 7});
}

TEST_CASE("Offsets outside the text hold nothing") {
    const std::u32string t = decodeUtf8("Play");
    CHECK(textRangeAt(t, 4, TextUnit::WordStart) == TextRange{4, 4});
    CHECK(textRangeAt(t, -1, TextUnit::Char) == TextRange{-1, -1});
    CHECK(textRangeAt(U"", 0, TextUnit::Whole) == TextRange{0, 0});
}
