#include "transcripts/text_utils.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace la::transcripts {

namespace {

// Windows-1252 bytes 0x80..0x9F; HTML uses the same table for numeric
// references in that range.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

struct NamedReference {
    const char* name;
    const char* value;
};

constexpr NamedReference kNamedReferences[] = {
#include "transcripts/text_utils.entities.inc"
};
constexpr size_t kLongestReferenceName = 32;

std::optional<std::string_view> lookupNamedReference(std::string_view name) {
    auto it = std::lower_bound(std::begin(kNamedReferences), std::end(kNamedReferences), name,
                               [](const NamedReference& r, std::string_view n) { return r.name < n; });
    if (it == std::end(kNamedReferences) || it->name != name) return std::nullopt;
    return std::string_view(it->value);
}

bool isAsciiAlnum(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hexValue(char c) {
    if (isAsciiDigit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> consumeNumericReference(std::string_view text, size_t& pos) {
    size_t p = pos + 1; // past '#'
    bool hex = p < text.size() && (text[p] == 'x' || text[p] == 'X');
    if (hex) ++p;
    uint32_t value = 0;
    size_t digits = 0;
    for (; p < text.size(); ++p, ++digits) {
        int d = hex ? hexValue(text[p]) : (isAsciiDigit(text[p]) ? text[p] - '0' : -1);
        if (d < 0) break;
        value = std::min<uint32_t>(value * (hex ? 16 : 10) + uint32_t(d), 0x110000); // saturate
    }
    if (digits == 0) return std::nullopt;
    if (p < text.size() && text[p] == ';') ++p;
    pos = p;
    char32_t cp = value;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) cp = 0xFFFD;
    else if (value >= 0x80 && value <= 0x9F) cp = kCp1252High[value - 0x80];
    std::string out;
    appendUtf8(out, cp);
    return out;
}

std::optional<std::string> consumeNamedReference(std::string_view text, size_t& pos) {
    size_t end = pos;
    while (end < text.size() && end - pos < kLongestReferenceName && isAsciiAlnum(text[end])) ++end;
    if (end < text.size() && text[end] == ';') {
        if (auto v = lookupNamedReference(text.substr(pos, end + 1 - pos))) {
            pos = end + 1;
            return std::string(*v);
        }
    }
    // Longest legacy name (no ';') that prefixes the run.
    for (size_t len = end - pos; len > 0; --len) {
        if (auto v = lookupNamedReference(text.substr(pos, len))) {
            pos += len;
            return std::string(*v);
        }
    }
    return std::nullopt;
}

// Length of the UTF-8 sequence starting at s[i] if well-formed, else 0.
size_t validSequenceLength(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    for (size_t k = 1; k < n; ++k) {
        if (i + k >= s.size()) return 0;
        unsigned char cc = b(i + k);
        unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (cc < l || cc > h) return 0;
    }
    return n;
}

// Bytes of the maximal invalid subpart at s[i] (at least 1).
size_t invalidSubpartLength(std::string_view s, size_t i) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    size_t n = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 1;
    size_t k = 1;
    for (; k < n && i + k < s.size(); ++k) {
        unsigned char cc = b(i + k);
        unsigned char lo = 0x80, hi = 0xBF;
        if (k == 1 && c == 0xE0) lo = 0xA0;
        if (k == 1 && c == 0xED) hi = 0x9F;
        if (k == 1 && c == 0xF0) lo = 0x90;
        if (k == 1 && c == 0xF4) hi = 0x8F;
        if (cc < lo || cc > hi) break;
    }
    return k;
}

std::string utf16ToUtf8(std::string_view b, bool bigEndian) {
    std::string out;
    auto unit = [&](size_t i) -> char16_t {
        unsigned char a = b[i], c = b[i + 1];
        return bigEndian ? char16_t(a << 8 | c) : char16_t(c << 8 | a);
    };
    for (size_t i = 0; i + 1 < b.size(); i += 2) {
        char16_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
            char16_t u2 = unit(i + 2);
            if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (u2 - 0xDC00));
                i += 2;
                continue;
            }
        }
        appendUtf8(out, u); // lone surrogates become U+FFFD
    }
    if (b.size() % 2) appendUtf8(out, 0xFFFD);
    return out;
}

std::string utf32ToUtf8(std::string_view b, bool bigEndian) {
    std::string out;
    for (size_t i = 0; i + 3 < b.size(); i += 4) {
        auto u = [&](size_t k) { return char32_t(static_cast<unsigned char>(b[i + k])); };
        char32_t cp = bigEndian ? (u(0) << 24 | u(1) << 16 | u(2) << 8 | u(3))
                                : (u(3) << 24 | u(2) << 16 | u(1) << 8 | u(0));
        appendUtf8(out, cp);
    }
    if (b.size() % 4) appendUtf8(out, 0xFFFD);
    return out;
}

} // namespace

void appendUtf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::optional<char32_t> decodeUtf8(std::string_view bytes, size_t& i) {
    size_t n = validSequenceLength(bytes, i);
    if (n == 0) {
        i += invalidSubpartLength(bytes, i);
        return std::nullopt;
    }
    auto b = [&](size_t k) { return char32_t(static_cast<unsigned char>(bytes[i + k])); };
    char32_t cp = n == 1 ? b(0) : n == 2 ? b(0) & 0x1F : n == 3 ? b(0) & 0x0F : b(0) & 0x07;
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (b(k) & 0x3F);
    i += n;
    return cp;
}

std::optional<size_t> findInvalidUtf8(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size();) {
        size_t n = validSequenceLength(bytes, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

bool isValidUtf8(std::string_view bytes) { return !findInvalidUtf8(bytes); }

Utf8Census utf8Census(std::string_view bytes) {
    Utf8Census census;
    for (size_t i = 0; i < bytes.size();) {
        size_t n = validSequenceLength(bytes, i);
        if (n > 1) ++census.multibyte;
        if (n == 0) {
            ++census.invalid;
            n = invalidSubpartLength(bytes, i);
        }
        i += n;
    }
    return census;
}

std::string sanitizeUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size();) {
        size_t n = validSequenceLength(bytes, i);
        if (n > 0) {
            out.append(bytes.substr(i, n));
            i += n;
        } else {
            appendUtf8(out, 0xFFFD);
            i += invalidSubpartLength(bytes, i);
        }
    }
    return out;
}

Bom detectBom(std::string_view b) {
    auto starts = [&](const char* sig, size_t n) { return b.size() >= n && std::memcmp(b.data(), sig, n) == 0; };
    if (starts("\xEF\xBB\xBF", 3)) return Bom::Utf8;
    if (starts("\xFF\xFE\x00\x00", 4)) return Bom::Utf32Le;
    if (starts("\x00\x00\xFE\xFF", 4)) return Bom::Utf32Be;
    if (starts("\xFF\xFE", 2)) return Bom::Utf16Le;
    if (starts("\xFE\xFF", 2)) return Bom::Utf16Be;
    return Bom::None;
}

std::string bomToUtf8(std::string_view bytes) {
    switch (detectBom(bytes)) {
    case Bom::Utf8: return std::string(bytes.substr(3));
    case Bom::Utf16Le: return utf16ToUtf8(bytes.substr(2), false);
    case Bom::Utf16Be: return utf16ToUtf8(bytes.substr(2), true);
    case Bom::Utf32Le: return utf32ToUtf8(bytes.substr(4), false);
    case Bom::Utf32Be: return utf32ToUtf8(bytes.substr(4), true);
    case Bom::None: break;
    }
    return std::string(bytes);
}

std::string windows1252ToUtf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        appendUtf8(out, c >= 0x80 && c <= 0x9F ? char32_t(kCp1252High[c - 0x80]) : char32_t(c));
    }
    return out;
}

std::string normalizeNewlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string_view trimAsciiWhitespace(std::string_view s) {
    while (!s.empty() && isAsciiWhitespace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isAsciiWhitespace(s.back())) s.remove_suffix(1);
    return s;
}

std::string collapseAsciiWhitespace(std::string_view s) {
    std::string out;
    bool pendingSpace = false;
    for (char c : trimAsciiWhitespace(s)) {
        if (isAsciiWhitespace(c)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

std::optional<std::string> consumeCharacterReference(std::string_view text, size_t& pos, char additionalAllowed) {
    if (pos >= text.size()) return std::nullopt;
    char c = text[pos];
    if (isAsciiWhitespace(c) || c == '<' || c == '&' || (additionalAllowed && c == additionalAllowed)) {
        return std::nullopt;
    }
    if (c == '#') return consumeNumericReference(text, pos);
    return consumeNamedReference(text, pos);
}

std::string decodeCharacterReferences(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t p = 0; p < text.size();) {
        if (text[p] != '&') {
            out += text[p++];
            continue;
        }
        ++p;
        auto ref = consumeCharacterReference(text, p);
        out += ref ? *ref : std::string("&");
    }
    return out;
}

} // namespace la::transcripts
