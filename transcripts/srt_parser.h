#pragma once
// SubRip (.srt) to a Transcript, read the way players read it.
//
// A cue is: an optional number line, a timing line
// "HH:MM:SS,mmm --> HH:MM:SS,mmm" (anything after the end time, such as
// "X1:..." coordinates, is ignored), then text lines up to a blank or
// whitespace-only line. Tolerated: missing numbers, extra blank lines, a
// missing blank line before the next "number + timing" pair, '.' instead of
// ',', fractions of 1-3 digits (read as a decimal fraction: ",5" = 0.5 s) or
// none, UTF-8/16/32 byte-order marks, CRLF/CR, and Windows-1252 text (used
// when the file is not mostly UTF-8: with more well-formed multi-byte UTF-8
// sequences than broken ones it is UTF-8 and the broken bytes become U+FFFD). Displayed text drops <b> <i> <u> <s> and
// <font ...> tags (and their end tags); all else is kept as written. Hours
// are unbounded in the format: a cue past kMaxTranscriptTime (1e9 s) is skipped
// with a warning naming its timing line.

#include "transcripts/model.h"
#include "transcripts/parse_error.h" // thrown by the functions below

#include <string>
#include <string_view>

namespace la::transcripts {

/// Parses SubRip `bytes`; `fileName` is only used in messages. Lines that are
/// neither cue text nor a timing line are skipped with a warning "FILE:LINE:
/// problem". Throws ParseError when the file holds no cue at all (an empty
/// file, or no timing line anywhere), naming the first line that is not one.
/// Cues are sorted by (start asc, end desc), stable.
Transcript parseSrt(std::string_view bytes, const std::string& fileName);

/// Cheap content sniff: one of the first 20 non-blank lines of `text` (UTF-8)
/// is a SubRip timing line ("00:00:01,000 --> 00:00:02,000").
bool looksLikeSrt(std::string_view text);

/// SubRip display text: `raw` without <b> <i> <u> <s> <font ...> tags.
std::string stripSrtTags(std::string_view raw);

} // namespace la::transcripts
