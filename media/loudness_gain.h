#pragma once
// Even loudness (issue #15): a fixed gain that brings an episode to the
// target loudness, and a look-ahead true-peak limiter that keeps what the
// gain pushed up below the ceiling (-1 dBTP by default), so nothing clips.
//
// It runs on the source's frames before the time-stretcher (the decoder
// thread), so it is the same at every speed; it delays its output by
// latencyFrames(), which the pipeline subtracts from its time map. Pure
// code, no allocation after construction.

#include <cstddef>
#include <vector>

namespace la::media {

class LoudnessGain {
public:
    LoudnessGain(int channels, int sampleRate, double ceilingDbtp = -1.0);

    /// The gain in dB (e.g. from gainToTargetDb). Changes glide over 50 ms.
    void setGainDb(double db);
    double gainDb() const { return gainDb_; }
    /// Off: frames pass unchanged, but still delayed by latencyFrames(), so
    /// turning it on or off never moves the time map. Turning it on or off
    /// glides the gain (50 ms) rather than stepping it: no click.
    void setEnabled(bool on);
    bool enabled() const { return enabled_; }

    /// Processes `frames` interleaved frames from `in` to `out` (may be the
    /// same buffer). Output is `in` delayed by latencyFrames().
    void process(const float* in, float* out, size_t frames);
    /// Forgets the audio held back (after a seek).
    void reset();

    int latencyFrames() const { return lookahead_; }
    /// How far the limiter has pulled the level down right now, dB (<= 0).
    double reductionDb() const;

private:
    /// The highest level between the input's samples n-kTaps/2 and
    /// n-kTaps/2+1 (4x oversampled), over every channel, after the newest
    /// frame was added.
    double interSamplePeak() const;

    int channels_, rate_;
    int lookahead_;            ///< frames
    double ceiling_;           ///< linear, a little under the asked ceiling
    void retarget();

    double gainDb_ = 0, gain_ = 1, onGain_ = 1, gainTarget_ = 1, gainStep_ = 0;
    bool enabled_ = true; ///< asked for
    bool active_ = true;  ///< gain and limiter running (stays on while gliding back to unity after off)
    double releaseCoeff_;

    // Delay line of the input (lookahead_ frames, ring).
    std::vector<float> delay_;
    size_t delayPos_ = 0;
    // The past few input frames per channel, for the 4x interpolation.
    static constexpr int kTaps = 32;     ///< input samples per interpolation phase
    std::vector<float> history_;         ///< kTaps per channel, newest last
    double phase_[3][kTaps];             ///< interpolation taps for 1/4, 2/4 and 3/4 between samples
    // The gain each step requires, min-held over hold_ steps (a monotonic
    // queue), then averaged over lookahead_ steps, then released slowly.
    int hold_;
    std::vector<double> queueValue_;
    std::vector<long long> queueStep_;
    size_t queueHead_ = 0, queueSize_ = 0;
    long long step_ = 0;
    std::vector<double> held_;           ///< ring of lookahead_ min-held values
    size_t heldPos_ = 0;
    double heldSum_ = 0;
    double envelope_ = 1;
    int sinceRecompute_ = 0;
};

} // namespace la::media
