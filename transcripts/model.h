#pragma once
// What a transcript, a chapter list and an article are, once parsed.
// Times are seconds of episode time (double). Text is UTF-8.

#include <optional>
#include <string>
#include <vector>

namespace la::transcripts {

/// Largest time (seconds) any transcript or chapters format accepts (~31 years):
/// keeps every accepted time exactly representable in milliseconds as a 64-bit
/// integer. A cue or chapter beyond it is skipped with a message.
inline constexpr double kMaxTranscriptTime = 1e9;

/// One word with a known start time (WebVTT inline timestamp tags, or a
/// word-level source). The first word of a cue starts at the cue's start.
struct Word {
    double start = 0;
    std::string text;
};

struct Cue {
    double start = 0;
    double end = 0;
    std::string id;        ///< WebVTT cue identifier / SRT number; may be empty
    std::string speaker;   ///< from <v Speaker> or the JSON "speaker"; may be empty
    std::string text;      ///< displayed text: markup removed, references decoded
    std::string settings;  ///< WebVTT cue settings, kept as written
    std::vector<Word> words; ///< empty when there are no word timings
};

struct Transcript {
    std::string format;   ///< "vtt", "srt" or "json"
    std::vector<Cue> cues; ///< sorted by start (then longer first), stable
    std::vector<std::string> warnings; ///< "file:line: problem" for skipped parts
};

/// Podcasting 2.0 chapter "location" object (all parts as written; may be empty).
struct ChapterLocation {
    std::string name; ///< human-readable place name (required by the spec)
    std::string geo;  ///< "geo:" URI, e.g. "geo:48.8584,2.2945"
    std::string osm;  ///< OpenStreetMap reference, e.g. "R7444"
};

struct Chapter {
    double start = 0;
    std::optional<double> end;
    std::optional<std::string> title;
    std::string url;  ///< may be empty; article links look like "article.md#anchor"
    std::string img;
    bool toc = true;  ///< false: kept, but not listed
    std::optional<ChapterLocation> location; ///< JSON chapters only
};

struct ChapterList {
    std::vector<Chapter> chapters; ///< sorted by start, stable
    std::vector<std::string> warnings;
};

} // namespace la::transcripts
