#include "transcripts/srt_parser.h"

#include "transcripts/parse_error.h"
#include "transcripts/text_utils.h"
#include "transcripts/time_lookup.h"

#include <optional>
#include <vector>

namespace la::transcripts {

namespace {

struct Timing {
    double start = 0, end = 0;
};

// Digits at s[p...] (at most maxDigits when > 0); nullopt when there are none.
std::optional<double> readNumber(std::string_view s, size_t& p, size_t maxDigits) {
    size_t start = p;
    double v = 0;
    while (p < s.size() && isAsciiDigit(s[p]) && (maxDigits == 0 || p - start < maxDigits)) {
        if (v < 1e12) v = v * 10 + (s[p] - '0'); // saturate: absurd hours stay finite
        ++p;
    }
    if (p == start) return std::nullopt;
    return v;
}

// H+:M{1,2}:S{1,2}[(,|.)fraction]
std::optional<double> readTimestamp(std::string_view s, size_t& p) {
    auto h = readNumber(s, p, 0);
    if (!h || p >= s.size() || s[p++] != ':') return std::nullopt;
    auto m = readNumber(s, p, 2);
    if (!m || p >= s.size() || s[p++] != ':') return std::nullopt;
    auto sec = readNumber(s, p, 2);
    if (!sec || *m > 59 || *sec > 59) return std::nullopt;
    double t = *h * 3600 + *m * 60 + *sec;
    if (p < s.size() && (s[p] == ',' || s[p] == '.') && p + 1 < s.size() && isAsciiDigit(s[p + 1])) {
        ++p;
        double scale = 0.1;
        while (p < s.size() && isAsciiDigit(s[p])) {
            t += (s[p++] - '0') * scale;
            scale /= 10;
        }
    }
    return t;
}

std::optional<Timing> parseTimingLine(std::string_view line) {
    size_t p = 0;
    while (p < line.size() && isAsciiWhitespace(line[p])) ++p;
    auto start = readTimestamp(line, p);
    if (!start) return std::nullopt;
    while (p < line.size() && isAsciiWhitespace(line[p])) ++p;
    if (line.substr(p, 3) != "-->") return std::nullopt;
    p += 3;
    while (p < line.size() && isAsciiWhitespace(line[p])) ++p;
    auto end = readTimestamp(line, p);
    if (!end) return std::nullopt;
    return Timing{*start, *end}; // the rest of the line (coordinates, junk) is ignored
}

bool isBlank(std::string_view line) { return trimAsciiWhitespace(line).empty(); }

bool isNumberLine(std::string_view line) {
    line = trimAsciiWhitespace(line);
    if (line.empty()) return false;
    for (char c : line) {
        if (!isAsciiDigit(c)) return false;
    }
    return true;
}

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string decodeText(std::string_view bytes) {
    Bom bom = detectBom(bytes);
    if (bom != Bom::None) return normalizeNewlines(sanitizeUtf8(bomToUtf8(bytes)));
    // No BOM: UTF-8 if it mostly is (a stray bad byte becomes U+FFFD rather
    // than turning every accented letter into mojibake), else Windows-1252.
    Utf8Census census = utf8Census(bytes);
    if (census.invalid == 0) return normalizeNewlines(bytes);
    if (census.multibyte > census.invalid) return normalizeNewlines(sanitizeUtf8(bytes));
    return normalizeNewlines(windows1252ToUtf8(bytes));
}

std::string_view trimRight(std::string_view s) {
    while (!s.empty() && isAsciiWhitespace(s.back())) s.remove_suffix(1);
    return s;
}

bool isStrippedTag(std::string_view inner) {
    size_t p = 0;
    if (p < inner.size() && inner[p] == '/') ++p;
    while (p < inner.size() && isAsciiWhitespace(inner[p])) ++p;
    size_t nameStart = p;
    while (p < inner.size() && ((inner[p] | 0x20) >= 'a' && (inner[p] | 0x20) <= 'z')) ++p;
    std::string name;
    for (char c : inner.substr(nameStart, p - nameStart)) name += char(c | 0x20);
    std::string_view rest = inner.substr(p);
    if (name == "font") return rest.empty() || isAsciiWhitespace(rest[0]);
    return (name == "b" || name == "i" || name == "u" || name == "s") && isBlank(rest);
}

} // namespace

bool looksLikeSrt(std::string_view text) {
    int nonBlank = 0;
    const std::string head = normalizeNewlines(text.substr(0, 64 * 1024));
    for (std::string_view line : splitLines(head)) {
        if (isBlank(line)) continue;
        if (parseTimingLine(line)) return true;
        if (++nonBlank >= 20) break;
    }
    return false;
}

std::string stripSrtTags(std::string_view raw) {
    std::string out;
    size_t p = 0;
    while (p < raw.size()) {
        size_t close = raw[p] == '<' ? raw.find('>', p) : std::string_view::npos;
        if (close != std::string_view::npos && isStrippedTag(raw.substr(p + 1, close - p - 1))) {
            p = close + 1;
            continue;
        }
        out += raw[p++];
    }
    return out;
}

Transcript parseSrt(std::string_view bytes, const std::string& fileName) {
    const std::string text = decodeText(bytes);
    const std::vector<std::string_view> lines = splitLines(text);
    Transcript out;
    out.format = "srt";
    auto startsCue = [&](size_t i) {
        return parseTimingLine(lines[i]) || (isNumberLine(lines[i]) && i + 1 < lines.size() && parseTimingLine(lines[i + 1]));
    };
    int firstJunkLine = 0;
    size_t i = 0;
    while (i < lines.size()) {
        if (isBlank(lines[i])) {
            ++i;
            continue;
        }
        if (!startsCue(i)) {
            out.warnings.push_back(fileName + ":" + std::to_string(i + 1) + ": text outside any cue skipped");
            if (!firstJunkLine) firstJunkLine = int(i) + 1;
            while (i < lines.size() && !isBlank(lines[i]) && !startsCue(i)) ++i;
            continue;
        }
        Cue cue;
        if (!parseTimingLine(lines[i])) cue.id = std::string(trimAsciiWhitespace(lines[i++]));
        const size_t timingLine = i;
        Timing timing = *parseTimingLine(lines[i++]);
        // Hours are unbounded in the format; bound them like JSON times (model.h).
        if (timing.start > kMaxTranscriptTime || timing.end > kMaxTranscriptTime) {
            out.warnings.push_back(fileName + ":" + std::to_string(timingLine + 1) +
                                   ": cue skipped: time too large (the limit is 1e9 s, about 277,000 hours)");
            if (!firstJunkLine) firstJunkLine = int(timingLine) + 1;
            while (i < lines.size() && !isBlank(lines[i]) && !startsCue(i)) ++i;
            continue;
        }
        cue.start = timing.start;
        cue.end = timing.end;
        std::string raw;
        while (i < lines.size() && !isBlank(lines[i]) && !startsCue(i)) {
            if (!raw.empty()) raw += '\n';
            raw += trimRight(lines[i++]);
        }
        cue.text = stripSrtTags(raw);
        out.cues.push_back(std::move(cue));
    }
    if (out.cues.empty()) {
        if (!firstJunkLine) throw ParseError(fileName, 0, 0, "empty file: no SubRip cues");
        throw ParseError(fileName, firstJunkLine, 1,
                         "no SubRip cue found: expected a timing line like '00:00:01,000 --> 00:00:02,000'");
    }
    sortCuesInTrackOrder(out.cues);
    return out;
}

} // namespace la::transcripts
