#pragma once
// Where a screen reader's "read this character / word / line" starts and ends
// in an element's text. AT-SPI counts offsets in characters (code points), not
// UTF-8 bytes, and a name like "2:09 — Nurse: …" has multi-byte characters, so
// the text is decoded once and ranges are found over code points. Plain C++
// (no GLib) so it is tested on its own.

#include <string>

namespace la::player {

enum class TextUnit {
    Char,
    WordStart, ///< a word and the spaces after it (ATK_TEXT_BOUNDARY_WORD_START)
    WordEnd,   ///< the spaces before a word and the word (ATK_TEXT_BOUNDARY_WORD_END)
    LineStart, ///< a line and its newline (ATK_TEXT_BOUNDARY_LINE_START)
    LineEnd,   ///< the newline before a line and the line (ATK_TEXT_BOUNDARY_LINE_END)
    Whole,     ///< sentences, paragraphs: an element's name is one of each
};

struct TextRange {
    int start = 0, end = 0; ///< characters, end exclusive
    bool operator==(const TextRange&) const = default;
};

/// Code points of UTF-8 text; an ill-formed sequence becomes one U+FFFD.
std::u32string decodeUtf8(const std::string& utf8);
/// UTF-8 of code points [start, end) of `text`, clamped to the text.
std::string substringUtf8(const std::u32string& text, int start, int end);

/// The unit of `text` that holds character `offset`; {offset, offset} when the
/// offset is outside the text (the end of the text holds nothing).
TextRange textRangeAt(const std::u32string& text, int offset, TextUnit unit);

} // namespace la::player
