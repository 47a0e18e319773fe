#pragma once
// A file's own loudness, from its tags (issue #15): a file tagged by a
// ReplayGain or R128 tool says how loud it is, so the player honours that
// instead of measuring it. Pure code.

#include "media/audio_source.h"

#include <optional>
#include <string>

namespace la::media {

/// The integrated loudness (LUFS) a file's tags give, and which tag said it.
struct TaggedLoudness {
    double integratedLufs = 0;
    std::string tag; ///< "REPLAYGAIN_TRACK_GAIN" or "R128_TRACK_GAIN"
};

/// REPLAYGAIN_TRACK_GAIN ("-6.48 dB": the gain to ReplayGain 2.0's -18 LUFS)
/// or R128_TRACK_GAIN (a whole number, 1/256 dB, to EBU R128's -23 LUFS, as
/// opusenc and loudgain write it). nullopt when neither is there or readable.
std::optional<TaggedLoudness> taggedLoudness(const AudioSource& source);

/// The same from the tag texts themselves (for tests and other sources).
std::optional<TaggedLoudness> taggedLoudness(const std::string& replayGainTrackGain, const std::string& r128TrackGain);

} // namespace la::media
