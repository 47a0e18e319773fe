#pragma once
// Pitch-preserving time-stretcher (WSOLA). Pure DSP: interleaved float frames
// in, interleaved float frames out; no SDL, no Vorbis.
//
// Usage: feed() input frames, pull() output frames. `speed` > 1 plays faster.
// The algorithm is described at the top of wsola.cpp.
//
// Threading and memory: one thread owns an instance. All buffers are allocated
// in the constructor; feed(), pull(), setSpeed(), reset() and endOfInput()
// never allocate, so they may run on the decoder thread.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace la::media {

class Wsola {
public:
    /// Tuning, all in milliseconds. The defaults are tuned for speech
    /// (docs/stretch-benchmark.md); tests may use others.
    struct Params {
        double windowMs = 20.0;   ///< overlap-add window; the hop is half of it
        double searchMs = 6.0;    ///< the splice may move this far either side of the ideal position
        /// Coarse-search decimation target rate (Hz): the similarity search first
        /// runs on a block-averaged mono copy at roughly this rate, then refines.
        double coarseRateHz = 5500.0;
        /// Similarity penalty at the edge of the search range (normalized
        /// cross-correlation units, quadratic in the distance from the ideal).
        double centerBias = 0.0;
    };

    /// channels: 1 or 2 (any positive count works); sampleRate: Hz.
    Wsola(int channels, int sampleRate);
    Wsola(int channels, int sampleRate, const Params& params);

    /// The speeds the stretcher supports. The player offers 0.5-3.0
    /// (player/config/settings.h kSpeedRange); `listenalong render` accepts this wider
    /// range so that a round trip (s, then 1/s) works for every player speed.
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 4.0;

    /// Playback speed, clamped to [kMinSpeed, kMaxSpeed]. Takes effect on the
    /// next pull() without a discontinuity. At exactly 1.0 output is bit-exact input.
    void setSpeed(double speed);
    double speed() const { return speed_; }

    /// Forgets all buffered audio (after a seek). Keeps the speed.
    void reset();

    /// Offers `frames` interleaved input frames; returns how many were taken
    /// (fewer when the internal buffer is full: pull() first).
    size_t feed(const float* in, size_t frames);
    /// Marks the end of input so pull() can drain what is buffered.
    void endOfInput();

    /// Writes up to `maxFrames` interleaved output frames; returns how many.
    /// Returns 0 when more input is needed (or, after endOfInput(), when all
    /// input has been played out).
    size_t pull(float* out, size_t maxFrames);

    /// Input frames fed so far that are not yet represented in pulled output:
    /// the input position of the next output frame is (total fed - latency).
    /// This is the nominal time map (each output frame advances the input
    /// position by the speed in force when it was pulled); the audio actually
    /// spliced in stays within the search range (Params::searchMs) of it.
    double latencyInputFrames() const;

    int channels() const { return channels_; }
    int sampleRate() const { return sampleRate_; }

    /// Sizes in frames derived from Params and the sample rate (for tests).
    int windowFrames() const { return window_; }
    int hopFrames() const { return hop_; }
    int searchFrames() const { return search_; }

private:
    bool startHop();
    size_t emitHop(float* out, size_t maxFrames);
    size_t emitPassThrough(float* out, size_t maxFrames);
    int64_t findBestBlock(int64_t lo, int64_t hi, int64_t center);
    int64_t coarseSearch(int64_t lo, int64_t hi, int64_t center) const;
    double similarity(double dot, double energy, double targetEnergy, double floor, int64_t offset) const;
    void compact();
    void updateCoarse();
    int64_t usableEnd() const;

    // --- configuration (fixed after construction) ---
    int channels_;
    int sampleRate_;
    int window_;          ///< W: overlap-add window length, frames (even)
    int hop_;             ///< H = W/2: output frames per splice, frames
    int search_;          ///< S: search half-range around the ideal block start, frames
    int decim_;           ///< D: frames averaged into one coarse-search sample
    double centerBias_;   ///< see Params::centerBias
    size_t capacity_;     ///< input buffer length, frames (includes end padding)
    size_t feedLimit_;    ///< feed() fills the buffer up to this many frames
    std::vector<float> fadeIn_; ///< H raised-cosine weights rising 0 -> 1; fade-out is 1 - fadeIn

    // --- state ---
    double speed_ = 1.0;
    bool ended_ = false;
    std::vector<float> buffer_;  ///< capacity_ interleaved input frames; index 0 = absolute frame base_
    std::vector<float> coarse_;  ///< mono, block-averaged copy of buffer_: coarse_[i] covers frames [iD, iD+D)
    std::vector<double> fineScores_; ///< scratch: similarity of each fine-search candidate
    int64_t base_ = 0;           ///< absolute input frame (since reset) held at buffer_ index 0
    int64_t filled_ = 0;         ///< frames in buffer_ (fed, plus zero padding after endOfInput)
    int64_t inputEnd_ = -1;      ///< buffer index just after the last real input frame; -1 until endOfInput
    int64_t coarseFilled_ = 0;   ///< coarse_ samples computed (covers frames [0, coarseFilled_*D))
    int64_t fedTotal_ = 0;       ///< real input frames accepted since reset
    double position_ = 0;        ///< nominal input position of the next output frame, buffer index (fractional)
    int64_t tail_ = 0;           ///< buffer index where the previous block's continuation starts (the target)
    int64_t block_ = 0;          ///< buffer index of the block being faded in (valid during a hop)
    int hopPos_ = 0;             ///< frames of the current hop already output; hop_ = between hops
    /// Sum of (chosen block start - best sub-frame start) over the splices so far,
    /// frames, kept within +-1: splicing at whole frames would otherwise bend the
    /// pitch of a steady tone by up to half a frame per hop, always the same way.
    double phaseError_ = 0;
};

} // namespace la::media
