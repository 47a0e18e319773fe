// Podcasting 2.0 JSON transcripts. The rules are listed in json_transcript_parser.h.
//
// nlohmann::json builds the document (it validates syntax and UTF-8); a small scanner
// over the already-valid text then finds the line where each segment starts, because
// nlohmann's DOM keeps no positions and warnings should point at the segment.

#include "transcripts/json_transcript_parser.h"

#include <algorithm>
#include <cmath>

namespace la::transcripts {

using nlohmann::json;

namespace json_detail {
namespace {

bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t skipBomAndSpace(std::string_view text, size_t i) {
    if (i == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < text.size() && isJsonSpace(text[i])) ++i;
    return i;
}

/// `text[i]` is '"': the index just after the closing quote (or text.size()).
size_t skipString(std::string_view text, size_t i) {
    for (++i; i < text.size(); ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '"') return i + 1;
    }
    return text.size();
}

/// The index just after the JSON value starting at `i`.
size_t skipValue(std::string_view text, size_t i) {
    if (i >= text.size()) return i;
    if (text[i] == '"') return skipString(text, i);
    if (text[i] == '{' || text[i] == '[') {
        int depth = 0;
        while (i < text.size()) {
            char c = text[i];
            if (c == '"') { i = skipString(text, i); continue; }
            if (c == '{' || c == '[') ++depth;
            if (c == '}' || c == ']') --depth;
            ++i;
            if (depth == 0) return i;
        }
        return i;
    }
    while (i < text.size() && !isJsonSpace(text[i]) && text[i] != ',' && text[i] != ']' && text[i] != '}') ++i;
    return i;
}

/// Counts lines forward through the text; positions must be asked in increasing order.
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : text_(text) {}
    int lineAt(size_t offset) {
        offset = std::min(offset, text_.size());
        for (; pos_ < offset; ++pos_)
            if (text_[pos_] == '\n') ++line_;
        return line_;
    }

private:
    std::string_view text_;
    size_t pos_ = 0;
    int line_ = 1;
};

/// nlohmann's what() minus its "[json.exception...] " and "parse error at line L, column C: "
/// prefixes and "; last read: '...'" suffix (raw input bytes, maybe not UTF-8).
std::string problemFrom(const nlohmann::detail::exception& e) {
    std::string s = e.what();
    if (s.rfind("[json.exception.", 0) == 0)
        if (size_t p = s.find("] "); p != std::string::npos) s.erase(0, p + 2);
    if (s.rfind("parse error", 0) == 0)
        if (size_t colon = s.find(": "); colon != std::string::npos) s.erase(0, colon + 2);
    if (size_t p = s.find("; last read"); p != std::string::npos) s.erase(p);
    return "invalid JSON: " + s;
}

const char* typeName(const json& value) {
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_array()) return "an array";
    if (value.is_object()) return "an object";
    return "null";
}

} // namespace

void lineColumnOf(std::string_view text, size_t offset, int& line, int& column) {
    offset = std::min(offset, text.size());
    line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') { ++line; lineStart = i + 1; }
    column = static_cast<int>(offset - lineStart) + 1;
}

namespace {

/// nlohmann's own DOM builder behind a SAX front that turns every parse error (syntax,
/// invalid UTF-8, and out_of_range 406 "number overflow", which json::parse would throw
/// without a position) into a ParseError with line and column.
class PositionedDomBuilder {
public:
    PositionedDomBuilder(json& result, std::string_view text, const std::string& fileName)
        : dom_(result, true), text_(text), fileName_(fileName) {}

    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(json::number_float_t v, const json::string_t& s) { return dom_.number_float(v, s); }
    bool string(json::string_t& v) { return dom_.string(v); }
    bool binary(json::binary_t& v) { return dom_.binary(v); }
    bool start_object(std::size_t n) { return dom_.start_object(n); }
    bool key(json::string_t& v) { return dom_.key(v); }
    bool end_object() { return dom_.end_object(); }
    bool start_array(std::size_t n) { return dom_.start_array(n); }
    bool end_array() { return dom_.end_array(); }

    /// `position` counts the characters read, so position - 1 is the last byte read: the
    /// offending byte for lexer errors (bad string, number or literal; text.size() at end
    /// of input) and for unexpected one-byte tokens. Longer unexpected tokens and number
    /// overflows are reported at the token's first byte. (`lastToken` is only reliable for
    /// strings and numbers, which hold no control characters when complete.)
    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& e) {
        std::string_view what = e.what();
        auto says = [&](const char* s) { return what.find(s) != std::string_view::npos; };
        size_t tokenLength = 1;
        if (e.id == 406 || says("unexpected string literal") || says("unexpected number literal"))
            tokenLength = std::max<size_t>(lastToken.size(), 1);
        else if (says("unexpected true literal") || says("unexpected null literal"))
            tokenLength = 4;
        else if (says("unexpected false literal"))
            tokenLength = 5;
        size_t offset = position >= tokenLength ? position - tokenLength : 0;
        int line = 0, column = 0;
        lineColumnOf(text_, offset, line, column);
        throw ParseError(fileName_, line, column, problemFrom(e));
    }

private:
    nlohmann::detail::json_sax_dom_parser<json> dom_;
    std::string_view text_;
    const std::string& fileName_;
};

} // namespace

json parseDocument(std::string_view text, const std::string& fileName) {
    json result;
    PositionedDomBuilder builder(result, text, fileName);
    json::sax_parse(text.begin(), text.end(), &builder);
    return result;
}

std::vector<int> topLevelArrayElementLines(std::string_view text, std::string_view key) {
    std::vector<int> lines;
    LineCounter counter(text);
    size_t i = skipBomAndSpace(text, 0);
    if (i >= text.size() || text[i] != '{') return lines;
    i = skipBomAndSpace(text, i + 1);
    while (i < text.size() && text[i] == '"') {
        size_t keyEnd = skipString(text, i);
        bool wanted = keyEnd - i == key.size() + 2 && text.substr(i + 1, key.size()) == key;
        i = skipBomAndSpace(text, keyEnd);
        if (i >= text.size() || text[i] != ':') break;
        i = skipBomAndSpace(text, i + 1);
        if (wanted && i < text.size() && text[i] == '[') {
            lines.clear(); // a later duplicate key replaces the earlier one
            i = skipBomAndSpace(text, i + 1);
            while (i < text.size() && text[i] != ']') {
                lines.push_back(counter.lineAt(i));
                i = skipBomAndSpace(text, skipValue(text, i));
                if (i < text.size() && text[i] == ',') i = skipBomAndSpace(text, i + 1);
                else break;
            }
            i = skipValue(text, i); // the ']'
        } else {
            i = skipValue(text, i);
        }
        i = skipBomAndSpace(text, i);
        if (i < text.size() && text[i] == ',') i = skipBomAndSpace(text, i + 1);
        else break;
    }
    return lines;
}

bool looksLikeObjectWithArray(std::string_view text, std::string_view key) {
    size_t i = skipBomAndSpace(text, 0);
    if (i >= text.size() || text[i] != '{') return false;
    std::string quoted = "\"" + std::string(key) + "\"";
    for (size_t p = text.find(quoted, i); p != std::string_view::npos; p = text.find(quoted, p + 1)) {
        size_t j = skipBomAndSpace(text, p + quoted.size());
        if (j < text.size() && text[j] == ':') {
            j = skipBomAndSpace(text, j + 1);
            if (j < text.size() && text[j] == '[') return true;
        }
    }
    return false;
}

TimeField readTime(const json& object, const char* key) {
    TimeField field;
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return field;
    field.present = true;
    if (!it->is_number()) {
        field.problem = std::string(key) + " is " + typeName(*it) + ", not a number";
        return field;
    }
    field.value = it->get<double>();
    if (!std::isfinite(field.value)) field.problem = std::string(key) + " is not a finite number";
    else if (field.value < 0) field.problem = std::string(key) + " is negative";
    else if (field.value > kMaxJsonTime) field.problem = std::string(key) + " is too large";
    return field;
}

StringField readString(const json& object, const char* key) {
    StringField field;
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return field;
    field.present = true;
    if (!it->is_string()) field.problem = std::string(key) + " is " + typeName(*it) + ", not a string";
    else field.value = it->get<std::string>();
    return field;
}

std::string entryWarning(const std::string& fileName, int line, const char* array, size_t index,
                         const std::string& problem) {
    std::string s = fileName;
    if (line > 0) s += ":" + std::to_string(line);
    return s + ": " + array + "[" + std::to_string(index) + "]: " + problem;
}

const json& requireArray(const json& doc, std::string_view text, const std::string& fileName,
                                 const char* key, const char* what) {
    std::string notA = std::string("not a Podcasting 2.0 JSON ") + what + ": ";
    if (!doc.is_object()) {
        int line = 0, column = 0;
        lineColumnOf(text, text.find_first_not_of(" \t\r\n\xEF\xBB\xBF"), line, column);
        throw ParseError(fileName, line, column, notA + "the top level is not an object");
    }
    auto it = doc.find(key);
    if (it == doc.end()) throw ParseError(fileName, 0, 0, notA + "no \"" + key + "\" array");
    if (!it->is_array()) throw ParseError(fileName, 0, 0, notA + "\"" + key + "\" is not an array");
    return *it;
}

void checkVersion(const json& doc, const std::string& fileName, std::vector<std::string>& warnings) {
    StringField version = readString(doc, "version");
    if (!version.present) warnings.push_back(fileName + ": no \"version\"");
    else if (!version.problem.empty()) warnings.push_back(fileName + ": " + version.problem);
}

} // namespace json_detail

namespace {

using namespace json_detail;

/// A kept segment, before missing ends are filled in.
struct PendingCue {
    Cue cue;
    bool hasEnd = false;
};

/// The segment as a cue, or the reason it is skipped.
std::string readSegment(const json& segment, PendingCue& out) {
    if (!segment.is_object()) return "not an object";
    TimeField start = readTime(segment, "startTime");
    if (!start.present) return "startTime is missing";
    if (!start.problem.empty()) return start.problem;
    TimeField end = readTime(segment, "endTime");
    if (!end.problem.empty()) return end.problem;
    if (end.present && end.value < start.value) return "endTime is before startTime";
    StringField body = readString(segment, "body");
    if (!body.present) return "body is missing";
    if (!body.problem.empty()) return body.problem;
    StringField speaker = readString(segment, "speaker");
    if (!speaker.problem.empty()) return speaker.problem;

    out.cue.start = start.value;
    out.cue.end = end.present ? end.value : start.value;
    out.cue.text = std::move(body.value);
    out.cue.speaker = std::move(speaker.value);
    out.hasEnd = end.present;
    return {};
}

/// Ends for segments without endTime: the next later start, at most kImpliedCueSeconds on.
void fillMissingEnds(std::vector<PendingCue>& pending) {
    std::vector<double> starts;
    for (const PendingCue& p : pending) starts.push_back(p.cue.start);
    std::sort(starts.begin(), starts.end());
    for (PendingCue& p : pending) {
        if (p.hasEnd) continue;
        double end = p.cue.start + kImpliedCueSeconds;
        auto next = std::upper_bound(starts.begin(), starts.end(), p.cue.start);
        if (next != starts.end()) end = std::min(end, *next);
        p.cue.end = end;
    }
}

void sortCues(std::vector<Cue>& cues) {
    std::stable_sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
        if (a.start != b.start) return a.start < b.start;
        return a.end > b.end;
    });
}

} // namespace


Transcript parseJsonTranscript(std::string_view text, const std::string& fileName) {
    json doc = parseDocument(text, fileName);
    const json& segments = requireArray(doc, text, fileName, "segments", "transcript");

    Transcript transcript;
    transcript.format = "json";
    checkVersion(doc, fileName, transcript.warnings);

    std::vector<int> lines = topLevelArrayElementLines(text, "segments");
    if (lines.size() != segments.size()) lines.assign(segments.size(), 0); // e.g. an escaped key
    std::vector<PendingCue> pending;
    pending.reserve(segments.size());
    for (size_t i = 0; i < segments.size(); ++i) {
        PendingCue cue;
        std::string problem = readSegment(segments[i], cue);
        if (problem.empty()) pending.push_back(std::move(cue));
        else transcript.warnings.push_back(entryWarning(fileName, lines[i], "segments", i, problem));
    }
    fillMissingEnds(pending);
    transcript.cues.reserve(pending.size());
    for (PendingCue& p : pending) transcript.cues.push_back(std::move(p.cue));
    sortCues(transcript.cues);
    return transcript;
}

bool looksLikeJsonTranscript(std::string_view text) { return looksLikeObjectWithArray(text, "segments"); }

} // namespace la::transcripts
