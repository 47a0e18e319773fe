// WebVTT parser: the W3C algorithm, section by section.
//
// [SECTION] Timestamps          collect a WebVTT timestamp (+ the lenient podcast form)
// [SECTION] Cue timings         collect WebVTT cue timings and settings
// [SECTION] Cue text            tokenizer and tree building, reduced to what a
//                               transcript needs: displayed text, first voice,
//                               timestamp tags for word timings
// [SECTION] File                signature, header, "collect a WebVTT block", block loop
//
// Line numbers in warnings count LF, CRLF and CR alike (the input is normalised
// to LF first, which keeps the count).

#include "transcripts/webvtt_parser.h"

#include "transcripts/parse_error.h"
#include "transcripts/text_utils.h"
#include "transcripts/time_lookup.h"

#include <utility>
#include <vector>

namespace la::transcripts {

namespace {

//------------------------------------------------------------------------------
// [SECTION] Timestamps
//------------------------------------------------------------------------------

// Digits at s[p...]; moves p past them. Returns how many, value saturating.
size_t collectDigits(std::string_view s, size_t& p, long long& value) {
    size_t start = p;
    value = 0;
    while (p < s.size() && isAsciiDigit(s[p])) {
        if (value < 1'000'000'000'000LL) value = value * 10 + (s[p] - '0');
        ++p;
    }
    return p - start;
}

// The spec's "collect a WebVTT timestamp": [hh+:]mm:ss.ttt, where a first
// field that is not two digits or is above 59 means hours.
std::optional<double> collectTimestamp(std::string_view s, size_t& p) {
    if (p >= s.size() || !isAsciiDigit(s[p])) return std::nullopt;
    long long v1, v2, v3, v4;
    size_t n1 = collectDigits(s, p, v1);
    bool hours = n1 != 2 || v1 > 59;
    if (p >= s.size() || s[p] != ':') return std::nullopt;
    ++p;
    if (collectDigits(s, p, v2) != 2) return std::nullopt;
    if (hours || (p < s.size() && s[p] == ':')) {
        if (p >= s.size() || s[p] != ':') return std::nullopt;
        ++p;
        if (collectDigits(s, p, v3) != 2) return std::nullopt;
    } else {
        v3 = v2;
        v2 = v1;
        v1 = 0;
    }
    if (p >= s.size() || s[p] != '.') return std::nullopt;
    ++p;
    if (collectDigits(s, p, v4) != 3) return std::nullopt;
    if (v2 > 59 || v3 > 59) return std::nullopt;
    return double(v1) * 3600 + double(v2) * 60 + double(v3) + double(v4) / 1000;
}

// Podcast-style timestamps the spec rejects: "s+.ttt", "m:ss.ttt" and
// "h:m:ss.ttt" with one- or two-digit minutes/seconds below 60.
std::optional<double> collectLenientTimestamp(std::string_view s, size_t& p) {
    long long fields[3];
    size_t widths[3];
    int count = 0;
    for (;;) {
        if (p >= s.size() || !isAsciiDigit(s[p])) return std::nullopt;
        widths[count] = collectDigits(s, p, fields[count]);
        ++count;
        if (count == 3 || p >= s.size() || s[p] != ':') break;
        ++p;
    }
    long long millis;
    if (p >= s.size() || s[p] != '.') return std::nullopt;
    ++p;
    if (collectDigits(s, p, millis) != 3) return std::nullopt;
    for (int i = 1; i < count; ++i) {
        if (widths[i] > 2 || fields[i] > 59) return std::nullopt;
    }
    double seconds = 0;
    for (int i = 0; i < count; ++i) seconds = seconds * 60 + double(fields[i]);
    return seconds + double(millis) / 1000;
}

std::optional<double> collectAnyTimestamp(std::string_view s, size_t& p, bool lenient) {
    size_t start = p;
    if (auto t = collectTimestamp(s, p)) return t;
    p = start;
    if (lenient) {
        if (auto t = collectLenientTimestamp(s, p)) return t;
        p = start;
    }
    return std::nullopt;
}

//------------------------------------------------------------------------------
// [SECTION] Cue timings
//------------------------------------------------------------------------------

struct Timings {
    double start = 0, end = 0;
    std::string settings;
};

void skipWhitespace(std::string_view s, size_t& p) {
    while (p < s.size() && isAsciiWhitespace(s[p])) ++p;
}

// "Collect WebVTT cue timings and settings". On failure returns the problem.
std::pair<std::optional<Timings>, std::string> collectTimings(std::string_view line, bool lenient) {
    Timings t;
    size_t p = 0;
    skipWhitespace(line, p);
    auto start = collectAnyTimestamp(line, p, lenient);
    if (!start) return {std::nullopt, "bad start time"};
    skipWhitespace(line, p);
    if (line.substr(p, 3) != "-->") return {std::nullopt, "expected '-->' after the start time"};
    p += 3;
    skipWhitespace(line, p);
    auto end = collectAnyTimestamp(line, p, lenient);
    if (!end) return {std::nullopt, "bad end time"};
    // Hours are unbounded in the grammar; bound them like JSON times (model.h).
    if (*start > kMaxTranscriptTime || *end > kMaxTranscriptTime)
        return {std::nullopt, "time too large (the limit is 1e9 s, about 277,000 hours)"};
    t.start = *start;
    t.end = *end;
    // Settings are kept as written; none of them can make the cue invalid.
    t.settings = std::string(trimAsciiWhitespace(line.substr(p)));
    return {t, ""};
}

//------------------------------------------------------------------------------
// [SECTION] Cue text
//------------------------------------------------------------------------------

enum class TokenType { String, StartTag, EndTag, Timestamp };

struct Token {
    TokenType type;
    std::string value;      ///< text, tag name or timestamp tag value
    std::string annotation; ///< start tags only, whitespace-collapsed
};

// The WebVTT cue text tokenizer. Classes are recognised but not kept: a
// transcript has no use for them.
Token nextToken(std::string_view s, size_t& p) {
    enum class State { Data, Tag, StartTag, StartTagClass, StartTagAnnotation, EndTag, TimestampTag };
    State state = State::Data;
    std::string result, buffer;
    auto startTag = [&](bool withAnnotation) {
        return Token{TokenType::StartTag, result, withAnnotation ? collapseAsciiWhitespace(buffer) : ""};
    };
    for (;;) {
        bool eof = p >= s.size();
        char c = eof ? '\0' : s[p];
        switch (state) {
        case State::Data:
            if (eof) return {TokenType::String, result, ""};
            if (c == '&') {
                ++p;
                auto ref = consumeCharacterReference(s, p);
                result += ref ? *ref : std::string("&");
                continue;
            }
            if (c == '<') {
                if (!result.empty()) return {TokenType::String, result, ""};
                state = State::Tag;
                break;
            }
            result += c;
            break;
        case State::Tag:
            if (eof) return startTag(false);
            if (c == '\t' || c == '\n' || c == '\f' || c == ' ') state = State::StartTagAnnotation;
            else if (c == '.') state = State::StartTagClass;
            else if (c == '/') state = State::EndTag;
            else if (isAsciiDigit(c)) {
                result = c;
                state = State::TimestampTag;
            } else if (c == '>') {
                ++p;
                return startTag(false);
            } else {
                result = c;
                state = State::StartTag;
            }
            break;
        case State::StartTag:
            if (eof) return startTag(false);
            if (c == '\t' || c == '\f' || c == ' ') state = State::StartTagAnnotation;
            else if (c == '\n') {
                buffer = c;
                state = State::StartTagAnnotation;
            } else if (c == '.') state = State::StartTagClass;
            else if (c == '>') {
                ++p;
                return startTag(false);
            } else result += c;
            break;
        case State::StartTagClass:
            if (eof) return startTag(false);
            if (c == '\t' || c == '\f' || c == ' ') {
                buffer.clear();
                state = State::StartTagAnnotation;
            } else if (c == '\n') {
                buffer = c;
                state = State::StartTagAnnotation;
            } else if (c == '.') buffer.clear();
            else if (c == '>') {
                ++p;
                return startTag(false);
            } else buffer += c;
            break;
        case State::StartTagAnnotation:
            if (eof) return startTag(true);
            if (c == '&') {
                ++p;
                auto ref = consumeCharacterReference(s, p, '>');
                buffer += ref ? *ref : std::string("&");
                continue;
            }
            if (c == '>') {
                ++p;
                return startTag(true);
            }
            buffer += c;
            break;
        case State::EndTag:
        case State::TimestampTag: {
            TokenType type = state == State::EndTag ? TokenType::EndTag : TokenType::Timestamp;
            if (eof) return {type, result, ""};
            if (c == '>') {
                ++p;
                return {type, result, ""};
            }
            result += c;
            break;
        }
        }
        ++p;
    }
}

// Node kinds of the spec's tree; only the open-element stack is kept.
enum class Node { Root, Class, Italic, Bold, Underline, Ruby, RubyText, Voice, Language };

std::optional<Node> nodeForTag(const std::string& name) {
    if (name == "c") return Node::Class;
    if (name == "i") return Node::Italic;
    if (name == "b") return Node::Bold;
    if (name == "u") return Node::Underline;
    if (name == "ruby") return Node::Ruby;
    if (name == "rt") return Node::RubyText;
    if (name == "v") return Node::Voice;
    if (name == "lang") return Node::Language;
    return std::nullopt;
}

// Words are the whitespace-separated tokens of the displayed text; each starts
// at the latest timestamp tag placed at or before its first character.
std::vector<Word> splitWords(const std::string& display, const std::vector<std::pair<size_t, double>>& marks,
                             double cueStart) {
    std::vector<Word> words;
    size_t i = 0, mark = 0;
    double time = cueStart;
    while (i < display.size()) {
        if (isAsciiWhitespace(display[i])) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < display.size() && !isAsciiWhitespace(display[end])) ++end;
        while (mark < marks.size() && marks[mark].first <= i) time = marks[mark++].second;
        words.push_back({time, display.substr(i, end - i)});
        i = end;
    }
    return words;
}

//------------------------------------------------------------------------------
// [SECTION] File
//------------------------------------------------------------------------------

struct Cursor {
    size_t pos = 0;
    int line = 1; ///< 1-based line number of `pos`
};

// Counts of timing lines the strict rules reject, for the lenient decision.
struct TimingStats {
    int lenientOnly = 0; ///< rejected, but readable as podcast-style timestamps
    int unreadable = 0;  ///< rejected either way
};

bool isKeywordLine(std::string_view buffer, std::string_view keyword) {
    return buffer.substr(0, keyword.size()) == keyword &&
           trimAsciiWhitespace(buffer.substr(keyword.size())).size() == 0;
}

bool startsWithWord(std::string_view line, std::string_view word) {
    return line.substr(0, word.size()) == word && (line.size() == word.size() || line[word.size()] == ' ' ||
                                                   line[word.size()] == '\t');
}

class VttParser {
public:
    VttParser(std::string_view input, const std::string& file, bool lenient)
        : in_(input), file_(file), lenient_(lenient) {}

    Transcript run() {
        out_.format = "vtt";
        checkSignature();
        collectLine(); // the signature line with its optional header text
        if (atEnd()) return std::move(out_);
        advanceLine();
        if (atEnd()) return std::move(out_);
        if (in_[cur_.pos] != '\n') collectBlock(true);
        else advanceLine();
        skipNewlines();
        while (!atEnd()) {
            collectBlock(false);
            skipNewlines();
        }
        return std::move(out_);
    }

    const TimingStats& stats() const { return stats_; }

private:
    void checkSignature() {
        static constexpr std::string_view kSignature = "WEBVTT";
        if (in_.empty()) throw ParseError(file_, 1, 1, "empty file; a WebVTT file starts with WEBVTT");
        for (size_t i = 0; i < kSignature.size(); ++i) {
            if (i >= in_.size() || in_[i] != kSignature[i]) {
                throw ParseError(file_, 1, int(i) + 1, "not a WebVTT file: it must start with WEBVTT");
            }
        }
        if (in_.size() > 6 && in_[6] != ' ' && in_[6] != '\t' && in_[6] != '\n') {
            throw ParseError(file_, 1, 7, "not a WebVTT file: WEBVTT must be followed by a space, tab or line break");
        }
    }

    bool atEnd() const { return cur_.pos >= in_.size(); }
    void advanceLine() {
        ++cur_.pos;
        ++cur_.line;
    }
    void skipNewlines() {
        while (!atEnd() && in_[cur_.pos] == '\n') advanceLine();
    }
    std::string_view collectLine() {
        size_t end = in_.find('\n', cur_.pos);
        if (end == std::string_view::npos) end = in_.size();
        std::string_view line = in_.substr(cur_.pos, end - cur_.pos);
        cur_.pos = end;
        return line;
    }

    void warn(int line, const std::string& problem) {
        out_.warnings.push_back(file_ + ":" + std::to_string(line) + ": " + problem);
    }

    // Reads one timing line into `cue`; counts and reports a failure.
    bool readTimings(std::string_view line, int lineNo, Cue& cue) {
        auto [timings, problem] = collectTimings(line, lenient_);
        if (!timings) {
            auto [loose, unused] = collectTimings(line, true);
            (loose ? stats_.lenientOnly : stats_.unreadable)++;
            warn(lineNo, "cue skipped: " + problem + " in '" + std::string(line) + "'");
            return false;
        }
        cue.start = timings->start;
        cue.end = timings->end;
        cue.settings = std::move(timings->settings);
        return true;
    }

    // The spec's "collect a WebVTT block"; appends the block to out_ if it is a cue.
    void collectBlock(bool inHeader) {
        int lineCount = 0;
        Cursor previous = cur_;
        const int firstLine = cur_.line;
        std::string buffer;
        std::string_view firstText;
        bool seenEof = false, seenArrow = false, sawTimingLine = false;
        std::optional<Cue> cue;
        for (;;) {
            const int lineNo = cur_.line;
            std::string_view line = collectLine();
            ++lineCount;
            if (lineCount == 1) firstText = line;
            if (atEnd()) seenEof = true;
            else advanceLine();
            if (line.find("-->") != std::string_view::npos) {
                if (inHeader || !(lineCount == 1 || (lineCount == 2 && !seenArrow))) {
                    cur_ = previous;
                    break;
                }
                seenArrow = sawTimingLine = true;
                previous = cur_;
                cue = Cue{};
                cue->id = buffer;
                if (readTimings(line, lineNo, *cue)) {
                    buffer.clear();
                    seenCue_ = true;
                } else {
                    cue.reset();
                }
            } else if (line.empty()) {
                break;
            } else {
                if (!inHeader && lineCount == 2 && !seenCue_ &&
                    (isKeywordLine(buffer, "STYLE") || isKeywordLine(buffer, "REGION"))) {
                    buffer.clear(); // style sheet / region settings follow; not needed here
                }
                if (!buffer.empty()) buffer += '\n';
                buffer += line;
                previous = cur_;
            }
            if (seenEof) break;
        }
        if (cue) {
            CueText parsed = parseWebVttCueText(buffer, cue->start);
            cue->text = std::move(parsed.display);
            cue->speaker = std::move(parsed.speaker);
            cue->words = std::move(parsed.words);
            out_.cues.push_back(std::move(*cue));
        } else if (!inHeader && !sawTimingLine && !startsWithWord(firstText, "NOTE") &&
                   !startsWithWord(firstText, "STYLE") && !startsWithWord(firstText, "REGION")) {
            warn(firstLine, "text outside any cue skipped");
        }
    }

    std::string_view in_;
    const std::string& file_;
    bool lenient_;
    Cursor cur_;
    bool seenCue_ = false;
    TimingStats stats_;
    Transcript out_;
};

// The spec's input preparation: UTF-8 decode (BOM dropped, bad bytes ->
// U+FFFD), NUL -> U+FFFD, CRLF and CR -> LF.
std::string prepareInput(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::string text = normalizeNewlines(sanitizeUtf8(bytes));
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\0') out += "\xEF\xBF\xBD";
        else out += c;
    }
    return out;
}

} // namespace

std::optional<double> parseWebVttTimestamp(std::string_view text) {
    size_t p = 0;
    auto t = collectTimestamp(text, p);
    if (!t || p != text.size()) return std::nullopt;
    return t;
}

CueText parseWebVttCueText(std::string_view payload, double cueStart) {
    CueText out;
    std::vector<Node> open{Node::Root};
    std::vector<std::pair<size_t, double>> marks; // (offset in display, time)
    bool seenVoice = false;
    size_t p = 0;
    while (p < payload.size()) {
        Token token = nextToken(payload, p);
        switch (token.type) {
        case TokenType::String: out.display += token.value; break;
        case TokenType::StartTag: {
            auto node = nodeForTag(token.value);
            if (!node || (*node == Node::RubyText && open.back() != Node::Ruby)) break;
            if (*node == Node::Voice && !seenVoice) {
                seenVoice = true;
                out.speaker = token.annotation;
            }
            open.push_back(*node);
            break;
        }
        case TokenType::EndTag: {
            auto node = nodeForTag(token.value);
            if (node && open.back() == *node && *node != Node::Root) open.pop_back();
            else if (node == Node::Ruby && open.back() == Node::RubyText) open.resize(open.size() - 2);
            break;
        }
        case TokenType::Timestamp:
            if (auto t = parseWebVttTimestamp(token.value)) marks.emplace_back(out.display.size(), *t);
            break;
        }
    }
    if (!marks.empty()) out.words = splitWords(out.display, marks, cueStart);
    return out;
}

Transcript parseWebVtt(std::string_view text, const std::string& fileName) {
    const std::string input = prepareInput(text);
    VttParser strict(input, fileName, false);
    Transcript result = strict.run();
    const TimingStats& stats = strict.stats();
    if (stats.lenientOnly >= 3 && stats.lenientOnly > stats.unreadable) {
        VttParser lenient(input, fileName, true);
        result = lenient.run();
        result.warnings.insert(result.warnings.begin(),
                               fileName + ": " + std::to_string(stats.lenientOnly) +
                                   " timing lines use non-standard timestamps (like '0.860' or '2:04.780'); "
                                   "read leniently");
    }
    sortCuesInTrackOrder(result.cues);
    return result;
}

} // namespace la::transcripts
