#include "player/platform/atspi_text_range.h"

#include "transcripts/text_utils.h"

#include <algorithm>

namespace la::player {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0; }

// Whether a unit of this kind begins (or, for the *End kinds, ends) at `i`;
// 0 and the text's length always bound one.
bool isBoundary(const std::u32string& t, int i, TextUnit unit) {
    const auto at = [&](int k) { return t[size_t(k)]; };
    const int n = int(t.size());
    switch (unit) {
    case TextUnit::WordStart: return !isSpace(at(i)) && isSpace(at(i - 1));
    case TextUnit::WordEnd: return !isSpace(at(i - 1)) && (i == n || isSpace(at(i)));
    case TextUnit::LineStart: return at(i - 1) == U'\n';
    case TextUnit::LineEnd: return i < n && at(i) == U'\n';
    case TextUnit::Char: return true;
    case TextUnit::Whole: return false;
    }
    return false;
}

} // namespace

std::u32string decodeUtf8(const std::string& utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) out.push_back(transcripts::decodeUtf8(utf8, i).value_or(kReplacement));
    return out;
}

std::string substringUtf8(const std::u32string& text, int start, int end) {
    start = std::clamp(start, 0, int(text.size()));
    end = std::clamp(end, start, int(text.size()));
    std::string out;
    for (int i = start; i < end; ++i) transcripts::appendUtf8(out, text[size_t(i)]);
    return out;
}

TextRange textRangeAt(const std::u32string& text, int offset, TextUnit unit) {
    const int n = int(text.size());
    if (offset < 0 || offset >= n) return {offset, offset};
    int start = offset, end = offset + 1;
    while (start > 0 && !isBoundary(text, start, unit)) --start;
    while (end < n && !isBoundary(text, end, unit)) ++end;
    return {start, end};
}

} // namespace la::player
