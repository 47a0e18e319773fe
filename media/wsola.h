#pragma once
// Pitch-preserving time-stretcher (WSOLA). Pure DSP: interleaved float frames
// in, interleaved float frames out; no SDL, no Vorbis.
//
// Usage: feed() input frames, pull() output frames. `speed` > 1 plays faster.
// NOTE: this is the interface the pipeline is written against; the
// implementation in wsola.cpp is owned by the time-stretch work (issue 5).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace la::media {

class Wsola {
public:
    /// channels: 1 or 2 (any positive count works); sampleRate: Hz.
    Wsola(int channels, int sampleRate);

    /// Playback speed, clamped to [0.5, 3.0]. Takes effect on the next pull()
    /// without a discontinuity. At exactly 1.0 output is bit-exact input.
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
    size_t pull(float* out, size_t maxFrames);

    /// Input frames fed so far that are not yet represented in pulled output:
    /// the input position of the next output frame is (total fed - latency).
    double latencyInputFrames() const;

    int channels() const { return channels_; }
    int sampleRate() const { return sampleRate_; }

private:
    int channels_;
    int sampleRate_;
    double speed_ = 1.0;
    bool ended_ = false;
    std::vector<float> buffer_; // interleaved input not yet output
};

} // namespace la::media
