#pragma once
// Loads the COMMITTED episode files once (assets/episode/) for the episode tests:
// the decoded audio, the script, the WebVTT and JSON transcripts, the chapters
// and the article. The generator (tools/episode) is never run here.

#include <cstdint>
#include <string>
#include <vector>

namespace episode_test {

std::string assetPath(const std::string& name); ///< LA_SOURCE_DIR/assets/episode/name
std::string readText(const std::string& path);

struct Audio {
    int rate = 0;
    int channels = 0;
    int64_t totalFrames = 0;
    std::vector<float> mono; ///< all frames, channels averaged
    /// RMS and peak (dBFS) of [from, to) seconds; -200 for an empty range.
    double rmsDb(double from, double to) const;
    double peakDb(double from, double to) const;
};
const Audio& audio();

struct ScriptLine {
    int lineNumber = 0;
    std::string speaker, anchor, shown, spoken; ///< shown/spoken: {shown|spoken} resolved
};
struct Script {
    std::vector<std::pair<std::string, std::string>> meta;
    std::vector<ScriptLine> lines;
};
const Script& script();

struct Word {
    double start = 0;
    std::string text;
};
struct Cue {
    double start = 0, end = 0;
    std::string speaker, text;
    std::vector<Word> words; ///< the first word starts at the cue start
};
/// A small WebVTT reader for this file's shape (test-side, independent of the player's parser).
const std::vector<Cue>& vttCues();
/// Podcasting 2.0 JSON segments, read with nlohmann.
const std::vector<Cue>& jsonCues();

/// The cues of each script line, in order: cues are assigned to lines by text
/// (each line's shown text is exactly its cues' bodies joined by spaces).
/// Empty if the transcript does not follow the script.
const std::vector<std::vector<size_t>>& cuesPerLine();

/// "what-immunotherapy-is", ... : the anchors of article.md's '##' headings, in order.
std::vector<std::string> articleAnchors();

double parseTimestamp(const std::string& s); ///< "hh:mm:ss.mmm" or "mm:ss.mmm"; -1 if malformed

} // namespace episode_test
