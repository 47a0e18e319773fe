#pragma once
// How loud a whole file is, per EBU R128 (libebur128): the integrated
// loudness every episode is brought to (issue #15, even loudness) and the
// true peak the limiter keeps below the ceiling. Pure code, offline: the
// player runs it on a background thread the first time a file is opened.

#include "media/audio_source.h"

#include <atomic>
#include <cmath>
#include <limits>
#include <optional>

namespace la::media {

struct Loudness {
    double integratedLufs = -70.0; ///< EBU R128 integrated loudness (-70: silence, below the absolute gate)
    double truePeakDbtp = -120.0;  ///< the highest true peak of any channel, dBTP
    /// limitedGainDb's answer for one target, kept with the measurement (NaN: not known).
    double gainTarget = std::numeric_limits<double>::quiet_NaN(), gainDb = std::numeric_limits<double>::quiet_NaN();
    bool hasGainFor(double target) const { return std::abs(gainTarget - target) < 0.005 && std::isfinite(gainDb); }
};

/// Reads `source` from its start to its end and measures it. Returns false
/// (leaving `out` alone) when `cancel` was set before the end. Throws
/// MediaError on a decode error, naming the file.
bool measureLoudness(AudioSource& source, Loudness& out, const std::atomic<bool>* cancel = nullptr);

/// The gain in dB that brings `measured` to `targetLufs`; silence gets none.
double gainToTargetDb(const Loudness& measured, double targetLufs);

/// The gain that brings `source` to `targetLufs` after the true-peak limiter
/// (LoudnessGain): where the limiter takes the peaks of loud transients off,
/// it takes some loudness with them, so the gain is measured through it and
/// corrected (twice). Reads the source `passes` more times; returns
/// gainToTargetDb's figure unchanged when nothing was limited, and nullopt
/// when cancelled. `ceilingDbtp` is the limiter's (the player's -1 dBTP).
std::optional<double> limitedGainDb(AudioSource& source, const Loudness& measured, double targetLufs,
                                    const std::atomic<bool>* cancel = nullptr, int passes = 2,
                                    double ceilingDbtp = -1.0);

} // namespace la::media
