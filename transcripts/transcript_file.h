#pragma once
// Loading a transcript or chapters file from disk, whatever its name says:
// the format is detected from the content first, the extension only breaks ties.
//
// Detection order (after a UTF-8/16/32 byte-order mark and leading whitespace):
//   1. "WEBVTT"                                  -> WebVTT
//   2. a JSON object with a "chapters" array     -> Podcasting 2.0 chapters
//      a JSON object with a "segments" array     -> Podcasting 2.0 transcript
//   3. NUL bytes in the first 4 KiB              -> rejected as binary
//   4. a SubRip timing line near the top         -> SubRip (unless the name ends
//      in .vtt: a WebVTT file must carry its signature, so it is rejected)
//   5. otherwise the extension: .vtt, .srt, *chapters*.json, .json; a file that
//      fails there gets that parser's message. Anything else is rejected.

#include "transcripts/model.h"
#include "transcripts/parse_error.h" // thrown by the functions below

#include <string>
#include <string_view>
#include <variant>

namespace la::transcripts {

enum class FileFormat { WebVtt, Srt, JsonTranscript, JsonChapters, Unknown };

/// The short name inspect prints: "vtt", "srt", "json", "chapters", "unknown".
const char* formatName(FileFormat format);

/// Detects the format of `bytes` (see above); `fileName` supplies the
/// extension. Returns Unknown when nothing fits. Does not throw.
FileFormat detectFormat(std::string_view bytes, const std::string& fileName);

/// What a file held: a transcript (cues) or a chapter list.
using LoadedFile = std::variant<Transcript, ChapterList>;

/// Parses `bytes` as the detected format. Throws ParseError naming `fileName`
/// for an empty, binary or unrecognised file, or whatever the parser rejects.
LoadedFile parseTranscriptBytes(std::string_view bytes, const std::string& fileName);

/// Reads and parses the file at `path` (messages name `path`). Throws
/// ParseError when it is missing, unreadable, not a regular file (a folder, a
/// FIFO, a device) or over kMaxTextFileBytes (regular_file.h), or as
/// parseTranscriptBytes.
LoadedFile loadTranscriptFile(const std::string& path);

/// loadTranscriptFile, requiring cues; a chapters file throws ParseError.
Transcript loadTranscript(const std::string& path);

/// loadTranscriptFile, requiring chapters; a transcript throws ParseError.
ChapterList loadChapters(const std::string& path);

} // namespace la::transcripts
