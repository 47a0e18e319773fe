#pragma once
// Streaming sample-rate conversion for the audio engine, on libsamplerate
// (band-limited sinc, SRC_SINC_MEDIUM_QUALITY: 90 % of the band flat, so
// speech up to 7 kHz at 16 kHz keeps its level; SINC_FASTEST's 80 % took
// 0.5 dB off 6 kHz).
//
// Why not SDL_AudioStream's resampler: SDL 2.26 holds back 512 input frames
// of look-ahead whatever the rates (32 ms at 16 kHz), and everything held there
// was already stretched at the old speed, so a speed change was heard 30 ms
// later than the engine's ring alone allows. libsamplerate holds back only
// what its filter needs (47 input frames when upsampling). Channels are
// converted after the rate, by FormatConverter (format_converter.h), which
// holds nothing back.
//
// Output frame k is the input at time k * inRate / outRate (input frame 0 ->
// output frame 0: no delay in the time map). One thread per instance.

#include "media/frame_queue.h"

#include <cstddef>
#include <vector>

typedef struct SRC_STATE_tag SRC_STATE;

namespace la::media {

class Resampler {
public:
    /// False when the rates are equal, not positive, or further apart than
    /// libsamplerate converts (256:1).
    static bool supports(int inRate, int outRate);

    /// Throws MediaError if libsamplerate cannot start.
    Resampler(int channels, int inRate, int outRate);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    /// Appends interleaved input frames.
    void put(const float* in, size_t frames);
    /// End of input: what is still held back comes out (followed by nothing).
    void flush();
    /// Output frames ready for get().
    size_t available() const { return output_.frames(); }
    /// Writes up to maxFrames interleaved output frames; returns how many.
    size_t get(float* out, size_t maxFrames);
    /// Forgets all input (after a seek); the next input starts a new time line.
    void clear();

private:
    void process(const float* in, size_t frames, bool last);

    SRC_STATE* state_ = nullptr;
    int channels_;
    double ratio_; ///< output frames per input frame
    FrameQueue output_; ///< converted, not yet read
    std::vector<float> scratch_; ///< libsamplerate's output before it is queued
    bool flushed_ = false;
};

} // namespace la::media
