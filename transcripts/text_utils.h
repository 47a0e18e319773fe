#pragma once
// Text helpers shared by the transcript parsers: byte-order marks and
// encodings, line endings, whitespace, and HTML character references.
// All strings are UTF-8 unless a function says otherwise. Pure functions; no
// function here throws.

#include <optional>
#include <string>
#include <string_view>

namespace la::transcripts {

/// Appends code point `cp` to `out` as UTF-8 (U+FFFD for surrogates or
/// values above U+10FFFF).
void appendUtf8(std::string& out, char32_t cp);

/// Decodes the code point starting at `bytes[i]` and moves `i` past it. An
/// ill-formed sequence gives nullopt and moves `i` past its maximal invalid
/// subpart (the part sanitizeUtf8 replaces by one U+FFFD). `i` < size.
std::optional<char32_t> decodeUtf8(std::string_view bytes, size_t& i);

/// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(std::string_view bytes);

/// Offset of the first ill-formed UTF-8 sequence in `bytes`; nullopt when
/// there is none. sanitizeUtf8 leaves everything before it unchanged.
std::optional<size_t> findInvalidUtf8(std::string_view bytes);

/// How much of `bytes` is UTF-8: well-formed sequences of 2-4 bytes, and
/// ill-formed parts (each counted once, as sanitizeUtf8 would replace it).
struct Utf8Census {
    size_t multibyte = 0;
    size_t invalid = 0;
};
Utf8Census utf8Census(std::string_view bytes);

/// `bytes` with every ill-formed UTF-8 sequence replaced by U+FFFD, one per
/// maximal invalid subpart (the WHATWG "UTF-8 decode" behaviour).
std::string sanitizeUtf8(std::string_view bytes);

/// The text encoding a byte-order mark announces.
enum class Bom { None, Utf8, Utf16Le, Utf16Be, Utf32Le, Utf32Be };
/// Which BOM `bytes` starts with (UTF-32 LE is checked before UTF-16 LE).
Bom detectBom(std::string_view bytes);

/// `bytes` as UTF-8: the BOM is removed and UTF-16/32 text is converted
/// (broken units become U+FFFD). Without a BOM the bytes are returned as they
/// are, not validated.
std::string bomToUtf8(std::string_view bytes);

/// Windows-1252 (a superset of Latin-1 for printable text) to UTF-8; the five
/// unassigned bytes map to the C1 controls of the same value.
std::string windows1252ToUtf8(std::string_view bytes);

/// CRLF and lone CR become LF; everything else is kept.
std::string normalizeNewlines(std::string_view text);

/// ASCII whitespace as HTML and WebVTT define it: tab, LF, FF, CR, space.
inline bool isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
inline bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

/// Leading and trailing ASCII whitespace removed.
std::string_view trimAsciiWhitespace(std::string_view s);

/// Trimmed, and every run of ASCII whitespace replaced by one space.
std::string collapseAsciiWhitespace(std::string_view s);

/// HTML "consume a character reference" (not in an attribute), for text where
/// `pos` is just past a '&'. On success returns the decoded UTF-8 and moves
/// `pos` past the reference; otherwise returns nullopt and leaves `pos` alone
/// (the caller keeps the '&' literally). `additionalAllowed` (0 for none) is a
/// character that, right after the '&', means "not a reference" (WebVTT passes
/// '>' inside tag annotations). Named references use the full HTML table,
/// longest match first, so legacy names work without ';' ("&amp" -> "&",
/// "&notit;" -> "¬it;"). Numeric ones follow HTML's replacement rules.
std::optional<std::string> consumeCharacterReference(std::string_view text, size_t& pos,
                                                     char additionalAllowed = 0);

/// `text` with every character reference decoded as consumeCharacterReference
/// does (a '&' that starts none stays as written). What a cue's text and an
/// article's "&...;" both go through, so they read the same.
std::string decodeCharacterReferences(std::string_view text);

} // namespace la::transcripts
