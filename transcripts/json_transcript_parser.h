#pragma once
// Podcasting 2.0 JSON transcripts (podcast-namespace docs/examples/transcripts):
//
//   {"version": "1.0.0",
//    "segments": [{"speaker": "Luke", "startTime": 2.75, "endTime": 3.0, "body": "Nooooo"}, ...]}
//
// Rules (tests/transcripts/test_json_transcript.cpp checks each one):
//  * One cue per segment, as written: word-level segments, " " tokens, empty bodies and
//    zero-length segments are all kept (no merging into sentences). format = "json".
//  * startTime (number, seconds) and body (string) are required; endTime and speaker are
//    optional. JSON null counts as absent.
//  * A segment with a problem is skipped with a warning "FILE:LINE: segments[i]: problem"
//    (LINE = where that segment starts): not an object, missing/non-numeric startTime,
//    non-numeric endTime, a time that is negative, not finite or above kMaxJsonTime,
//    endTime before startTime, missing/non-string body, non-string speaker.
//  * Missing endTime: the cue ends where the next later segment starts (the smallest
//    startTime greater than its own, among the kept segments), but at most
//    kImpliedCueSeconds after its start; a last segment gets exactly kImpliedCueSeconds.
//  * Cues are sorted by start, then longer first; the sort is stable, so segments with the
//    same times stay in file order.
//  * A missing or non-string "version" is a warning only.
//  * ParseError: invalid JSON (line and column of the offending byte; columns count bytes),
//    a top level that is not an object, or no "segments" array.

#include "transcripts/model.h"
#include "transcripts/parse_error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace la::transcripts {

/// Largest time (seconds) accepted in JSON transcripts and chapters (model.h).
inline constexpr double kMaxJsonTime = kMaxTranscriptTime;

/// Duration given to a segment without endTime when no later segment bounds it closer.
inline constexpr double kImpliedCueSeconds = 5.0;

/// Parses a Podcasting 2.0 JSON transcript. `fileName` only labels messages.
/// Throws ParseError (see the rules above); never throws anything else except bad_alloc.
Transcript parseJsonTranscript(std::string_view text, const std::string& fileName);

/// Cheap content sniff: after an optional UTF-8 BOM and whitespace the text starts with
/// '{' and contains a "segments" key opening an array (`"segments"` `:` `[`). Does not
/// validate the JSON. Used to tell JSON transcripts from chapters and other files.
bool looksLikeJsonTranscript(std::string_view text);

// ---------------------------------------------------------------------------------------
// Shared with chapters_parser.cpp; not part of the public API.
namespace json_detail {

/// nlohmann::json::parse with syntax errors turned into ParseError(file, line, column).
nlohmann::json parseDocument(std::string_view text, const std::string& fileName);

/// 1-based line and column of byte `offset` in `text` (columns count bytes).
void lineColumnOf(std::string_view text, size_t offset, int& line, int& column);

/// For the array under top-level key `key` of a valid JSON object document, the 1-based
/// line where each element starts (the last occurrence of the key wins, as in nlohmann).
/// Empty when there is no such array.
std::vector<int> topLevelArrayElementLines(std::string_view text, std::string_view key);

/// True when `text` (after BOM and whitespace) starts with '{' and has `"key"` `:` `[`.
bool looksLikeObjectWithArray(std::string_view text, std::string_view key);

/// One optional field of an entry: absent (missing or null), present with a value, or
/// present but unusable (`problem` set, e.g. "endTime is not a number").
struct TimeField {
    bool present = false;
    double value = 0;
    std::string problem;
};
struct StringField {
    bool present = false;
    std::string value;
    std::string problem;
};
TimeField readTime(const nlohmann::json& object, const char* key);
StringField readString(const nlohmann::json& object, const char* key);

/// The array under top-level `key`; throws ParseError "not a Podcasting 2.0 JSON WHAT: ..."
/// when the document is not an object or has no such array.
const nlohmann::json& requireArray(const nlohmann::json& doc, std::string_view text, const std::string& fileName,
                                   const char* key, const char* what);

/// Adds a warning when the document's "version" is missing or not a string.
void checkVersion(const nlohmann::json& doc, const std::string& fileName, std::vector<std::string>& warnings);

/// "FILE:LINE: ARRAY[INDEX]: problem" (":LINE" left out when line is 0).
std::string entryWarning(const std::string& fileName, int line, const char* array, size_t index,
                         const std::string& problem);

} // namespace json_detail
} // namespace la::transcripts
