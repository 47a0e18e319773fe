#pragma once
// The level below which a 10 ms block counts as a pause (Shorten pauses),
// taken from the recording itself. A fixed -45 dBFS misses every pause of a
// recording made in a room whose noise is above it (a fan, traffic: nothing
// is ever "silent"), and would call a very quietly recorded speaker's words
// silence. So the threshold follows the last 20 s of block levels: the
// quietest tenth is the room (its noise floor), the loudest tenth is speech.
// It is 6 dB above the floor (a 10 ms block of steady noise varies by about
// 1 dB), but never below the fixed default (so in a clean recording a breath
// above -45 dBFS stays sound, as before), and never closer than 12 dB below
// speech (so a noisy room never swallows words: only a run of blocks that
// quiet lasting over half a second is a pause, and a quiet recording's words
// stay words). Until 0.4 s has been heard (less than
// a pause must last before it is cut) it is the default.
//
// Pure and allocation-free after construction: one instance per shortener,
// fed on the decoder thread.

#include <array>
#include <cstdint>
#include <vector>

namespace la::media {

class PauseThreshold {
public:
    /// `windowBlocks`: how many recent blocks count (20 s of 10 ms blocks: 2000).
    PauseThreshold(double defaultDb, int windowBlocks);
    /// One block's RMS level, dBFS (-inf or below -120: digital silence).
    void add(double levelDb);
    /// Blocks quieter than this are pauses.
    double thresholdDb() const;
    /// The quietest tenth's level (the room), and the loudest tenth's (speech); dBFS.
    double floorDb() const { return percentileDb(0.10); }
    double speechDb() const { return percentileDb(0.90); }
    int blocksHeard() const { return int(filled_); }

    static constexpr double kAboveFloorDb = 6;
    static constexpr double kBelowSpeechDb = 12;
    static constexpr int kMinBlocks = 40;

private:
    static constexpr int kLowestDb = -120;
    static constexpr int kBins = 121; // 1 dB each, -120..0
    double percentileDb(double p) const;

    double default_;
    std::vector<std::uint8_t> history_; // each recent block's bin, a ring
    std::array<int, kBins> counts_{};
    std::size_t next_ = 0, filled_ = 0;
};

} // namespace la::media
