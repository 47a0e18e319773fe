#pragma once
// WebVTT (W3C "WebVTT: The Web Video Text Tracks Format") to a Transcript.
//
// Follows the spec's parser algorithm: UTF-8 decode (BOM dropped, bad bytes
// -> U+FFFD), NUL -> U+FFFD, CRLF/CR -> LF, the WEBVTT signature, blocks
// collected with the spec's "collect a WebVTT block" rules (so NOTE, STYLE and
// REGION blocks and stray text are skipped), cue timings and settings, and the
// cue text parsing rules for the displayed text.
//
// One deliberate extension, for real podcast files: when a file is written
// consistently with podcast-style timestamps that lack the mandatory two-digit
// minutes ("0.860 --> 7.380", "2:04.780"), they are read leniently. "Consistently"
// means at least 3 timing lines need the lenient reading and they outnumber the
// timing lines that no reading accepts; otherwise (e.g. conformance files with a
// few deliberately broken timings) the strict spec result stands. Each lenient
// file gets one warning.
//
// One deliberate limit: hours are unbounded in the spec, but a cue past
// kMaxTranscriptTime (1e9 s, as for JSON) is skipped with a warning naming its line.

#include "transcripts/model.h"
#include "transcripts/parse_error.h" // thrown by the functions below

#include <optional>
#include <string>
#include <string_view>

namespace la::transcripts {

/// Parses a WebVTT file. `text` is the raw file content (UTF-8, optional BOM);
/// `fileName` is only used in messages. Returns cues sorted by (start asc, end
/// desc), stable; cues whose timing line cannot be parsed are skipped with a
/// warning "FILE:LINE: problem". Throws ParseError (line 1 and the column of the
/// mismatch) when the WEBVTT signature is missing.
Transcript parseWebVtt(std::string_view text, const std::string& fileName);

/// What the WebVTT cue text parsing rules make of one cue payload.
struct CueText {
    std::string display;     ///< text of all text nodes (ruby <rt> included), references decoded
    std::string speaker;     ///< annotation of the first <v> (whitespace-collapsed); may be empty
    std::vector<Word> words; ///< only when the payload has a valid timestamp tag
};

/// Applies the WebVTT cue text parsing rules to `payload` for a cue starting
/// at `cueStart` seconds. Never fails: unknown or broken markup is dropped.
CueText parseWebVttCueText(std::string_view payload, double cueStart);

/// "Collect a WebVTT timestamp" on a whole string: seconds, or nullopt when
/// `text` is not exactly one valid timestamp ("01:02.345", "1:02:03.456").
std::optional<double> parseWebVttTimestamp(std::string_view text);

} // namespace la::transcripts
