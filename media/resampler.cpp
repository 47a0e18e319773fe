#include "media/resampler.h"

#include "media/audio_source.h"

#include <samplerate.h>

#include <algorithm>
#include <string>

namespace la::media {

bool Resampler::supports(int inRate, int outRate) {
    if (inRate <= 0 || outRate <= 0 || inRate == outRate) return false;
    return src_is_valid_ratio(double(outRate) / inRate) != 0;
}

Resampler::Resampler(int channels, int inRate, int outRate)
    : channels_(std::max(1, channels)), ratio_(double(outRate) / inRate), output_(channels_) {
    int error = 0;
    state_ = src_new(SRC_SINC_MEDIUM_QUALITY, channels_, &error);
    if (!state_) throw MediaError(std::string("cannot start the sample-rate converter: ") + src_strerror(error));
}

Resampler::~Resampler() {
    if (state_) src_delete(state_);
}

void Resampler::clear() {
    src_reset(state_);
    output_.clear();
    flushed_ = false;
}

// Runs libsamplerate over `in` until it has taken all of it (and, for the
// last call, until it has given back everything it held).
void Resampler::process(const float* in, size_t frames, bool last) {
    const size_t ch = size_t(channels_);
    SRC_DATA d{};
    d.src_ratio = ratio_;
    d.end_of_input = last ? 1 : 0;
    std::vector<float>& buf = scratch_;
    buf.resize((size_t(double(frames) * ratio_) + 256) * ch);
    for (;;) {
        d.data_in = in;
        d.input_frames = long(frames);
        d.data_out = buf.data();
        d.output_frames = long(buf.size() / ch);
        if (src_process(state_, &d) != 0) return; // cannot happen with a valid ratio and state
        std::copy_n(buf.begin(), size_t(d.output_frames_gen) * ch, output_.append(size_t(d.output_frames_gen)));
        in += size_t(d.input_frames_used) * ch;
        frames -= size_t(d.input_frames_used);
        if (frames == 0 && (!last || d.output_frames_gen == 0)) return;
    }
}

void Resampler::put(const float* in, size_t frames) {
    if (flushed_ || frames == 0) return;
    process(in, frames, false);
}

void Resampler::flush() {
    if (flushed_) return;
    const float none = 0; // libsamplerate wants a pointer even for no input
    process(&none, 0, true);
    flushed_ = true;
}

size_t Resampler::get(float* out, size_t maxFrames) { return output_.pop(out, maxFrames); }

} // namespace la::media
