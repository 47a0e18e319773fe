#pragma once
// Rate and channel conversion from the pipeline's format to the device's, for
// the audio engine: interleaved float32 in, interleaved float32 out, streaming.
// Pure code on libsamplerate (no SDL): the rate goes through Resampler (short
// look-ahead: see resampler.h), then the channels through a fixed mixing
// matrix, which holds nothing back.
//
// Channel mixing: to mono and to stereo (the formats the player's sinks open)
// the matrices are SDL 2.26's (SDL_AudioStream's), measured from it and
// checked against it by tests/media/test_format_converter.cpp, so moving off
// SDL changed no sample. To other layouts: channels present on both sides are
// copied, mono is copied to the first two outputs, the rest is silent.
//
// Output frame k is the input at time k * inRate / outRate (input frame 0 ->
// output frame 0: no delay in the time map). One thread per instance.

#include "media/frame_queue.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace la::media {

class Resampler;

class FormatConverter {
public:
    /// Throws MediaError naming `path` when the rates cannot be converted or
    /// the input has more than 8 channels.
    FormatConverter(int inChannels, int inRate, int outChannels, int outRate, const std::string& path);
    ~FormatConverter();
    FormatConverter(const FormatConverter&) = delete;
    FormatConverter& operator=(const FormatConverter&) = delete;

    /// Appends interleaved input frames (inChannels floats each).
    void put(const float* in, size_t frames);
    /// End of input: what the rate converter still holds comes out.
    void flush();
    /// Forgets all input and output (after a seek).
    void clear();
    /// Output frames ready for get().
    size_t available() const { return output_.frames(); }
    /// Writes up to maxFrames interleaved output frames; returns how many.
    size_t get(float* out, size_t maxFrames) { return output_.pop(out, maxFrames); }

    /// Output frames per input frame.
    double ratio() const { return ratio_; }

private:
    void feed(size_t stage, const float* in, size_t frames);
    void drain(size_t stage);
    void mix(const float* in, size_t frames);

    int inChannels_;
    int outChannels_;
    double ratio_;
    std::vector<std::unique_ptr<Resampler>> stages_; ///< empty at equal rates; two beyond 256:1
    std::vector<std::vector<float>> scratch_;         ///< one per stage, its output on the way on
    std::vector<float> matrix_;                       ///< [in channel][out channel]
    FrameQueue output_;                               ///< converted, not yet read
};

} // namespace la::media
