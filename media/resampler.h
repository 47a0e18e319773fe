#pragma once
// Streaming sample-rate converter with a short look-ahead: a polyphase
// Kaiser-windowed sinc (24 zero crossings each side of the centre), one exact
// phase per output position of the rational ratio inRate/outRate.
//
// Why not SDL_AudioStream's resampler: SDL 2.26 holds back 512 input frames
// of look-ahead whatever the rates (32 ms at 16 kHz), and everything held there
// was already stretched at the old speed, so a speed change was heard 30 ms
// later than the engine's ring alone allows. This one holds back 24 input
// frames when upsampling (1.5 ms at 16 kHz; twice that per halving when
// downsampling). AudioEngine still uses SDL for channel conversion, at equal
// rates, where SDL holds nothing back.
//
// Output frame k is the input at time k * inRate / outRate (input frame 0 ->
// output frame 0: no delay in the time map). Pure DSP, one thread per instance.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace la::media {

class Resampler {
public:
    /// False when the rates are equal, not positive, or the ratio needs more
    /// than kMaxPhases filter phases (then use another converter).
    static bool supports(int inRate, int outRate);
    static constexpr int kMaxPhases = 2048;

    Resampler(int channels, int inRate, int outRate);

    /// Appends interleaved input frames.
    void put(const float* in, size_t frames);
    /// End of input: what is still held back comes out (followed by nothing).
    void flush();
    /// Output frames ready for get().
    size_t available() const;
    /// Writes up to maxFrames interleaved output frames; returns how many.
    size_t get(float* out, size_t maxFrames);
    /// Forgets all input (after a seek); the next input starts a new time line.
    void clear();

    /// Input frames held back for look-ahead before an output frame can be made.
    int lookaheadFrames() const { return taps_ / 2; }

private:
    int channels_;
    int up_;    ///< L: output frames per `down_` input frames (outRate / gcd)
    int down_;  ///< M: inRate / gcd
    int taps_;  ///< T: filter length, input frames (even)
    std::vector<float> coefs_; ///< L phases x T taps; phase p is output position n + p/L
    std::vector<float> input_; ///< interleaved input frames not yet consumed, history first
    size_t readFrame_ = 0;     ///< input_ frame index of the current output's centre frame n
    int phase_ = 0;            ///< p: the current output is at input position n + p / L
    bool flushed_ = false;
    int64_t realEnd_ = -1;     ///< after flush: input_ frame index just after the last real frame
};

} // namespace la::media
