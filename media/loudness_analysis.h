#pragma once
// The even-loudness gain of one audio file (issue #15), found on a thread of
// its own so opening an episode never waits: from the cache when the file
// was measured before (the same size, mtime and head), else measured (EBU
// R128, then through the limiter) and cached; a file with a ReplayGain or
// R128 loudness tag is taken at its word. The player polls gainDb().

#include "media/loudness_cache.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace la::media {

class LoudnessAnalysis {
public:
    /// Starts at once. `cacheFile` "" : nothing is cached.
    LoudnessAnalysis(std::string audioPath, double targetLufs, std::string cacheFile);
    ~LoudnessAnalysis(); ///< stops a measurement under way
    LoudnessAnalysis(const LoudnessAnalysis&) = delete;
    LoudnessAnalysis& operator=(const LoudnessAnalysis&) = delete;

    /// The gain, once known.
    std::optional<double> gainDb() const;
    /// What went wrong (unreadable file, unwritable cache), once; "" when nothing.
    std::string takeProblem();
    /// Where the gain came from: "measured", "cache", or the loudness tag
    /// that gave it ("REPLAYGAIN_TRACK_GAIN", "R128_TRACK_GAIN"); "" before.
    std::string basis() const;
    bool fromCache() const { return basis() == "cache"; }
    double targetLufs() const { return target_; }

private:
    void run();

    std::string path_, cacheFile_;
    double target_;
    std::atomic<bool> cancel_{false};
    mutable std::mutex mutex_;
    std::optional<double> gain_;
    std::string problem_;
    std::string basis_;
    std::thread thread_;
};

} // namespace la::media
