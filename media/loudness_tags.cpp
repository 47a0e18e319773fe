#include "media/loudness_tags.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace la::media {

namespace {

constexpr double kReplayGainReferenceLufs = -18.0; // ReplayGain 2.0
constexpr double kR128ReferenceLufs = -23.0;       // EBU R128 (RFC 7845 R128_TRACK_GAIN)
constexpr double kSaneGainDb = 60.0;               // a larger "gain" is a broken tag, not a file

/// "-6.48 dB", "+2.1dB", "3" -> dB; nullopt for anything else.
std::optional<double> parseDb(const std::string& text, bool wholeNumberOnly) {
    const char* begin = text.c_str();
    char* end = nullptr;
    double v = wholeNumberOnly ? double(std::strtol(begin, &end, 10)) : std::strtod(begin, &end);
    if (end == begin || !std::isfinite(v)) return std::nullopt;
    std::string rest(end);
    size_t i = 0;
    while (i < rest.size() && std::isspace(static_cast<unsigned char>(rest[i]))) ++i;
    rest = rest.substr(i);
    if (!wholeNumberOnly && (rest == "dB" || rest == "db" || rest == "DB")) rest.clear();
    if (!rest.empty()) return std::nullopt;
    return v;
}

} // namespace

std::optional<TaggedLoudness> taggedLoudness(const std::string& replayGainTrackGain,
                                             const std::string& r128TrackGain) {
    if (auto db = parseDb(replayGainTrackGain, false); db && std::abs(*db) <= kSaneGainDb)
        return TaggedLoudness{kReplayGainReferenceLufs - *db, "REPLAYGAIN_TRACK_GAIN"};
    if (auto q78 = parseDb(r128TrackGain, true); q78 && std::abs(*q78 / 256.0) <= kSaneGainDb)
        return TaggedLoudness{kR128ReferenceLufs - *q78 / 256.0, "R128_TRACK_GAIN"};
    return std::nullopt;
}

std::optional<TaggedLoudness> taggedLoudness(const AudioSource& source) {
    return taggedLoudness(source.tag("REPLAYGAIN_TRACK_GAIN"), source.tag("R128_TRACK_GAIN"));
}

} // namespace la::media
