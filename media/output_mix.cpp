#include "media/output_mix.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace la::media {

namespace {
// One-pole smoothing: reaches 1 - 1/e of the way in `seconds`.
float coefficient(double seconds, int rate) { return float(1.0 - std::exp(-1.0 / (seconds * rate))); }
} // namespace

OutputMix::OutputMix(DeviceFormat format) : format_(format) {
    // The device asks for its buffer size, but a driver may ask for more: room
    // for a generous callback, allocated here so render() never allocates.
    mono_.resize(size_t(std::max(format_.bufferFrames, 1) * 8));
    attackCoeff_ = coefficient(kAttackSeconds / 3, format_.sampleRate);
    releaseCoeff_ = coefficient(kReleaseSeconds / 3, format_.sampleRate);
}

void OutputMix::setDuckDb(float db) { duckGain_ = float(std::pow(10.0, -std::max(0.0f, db) / 20.0)); }

void OutputMix::render(float* out, int frames) noexcept {
    const int ch = format_.channels;
    if (episode_) episode_->render(out, frames);
    else std::memset(out, 0, size_t(frames) * size_t(ch) * sizeof(float));

    const float speechGain = speechGain_.load();
    const float duck = duckGain_.load();
    const int hold = int(kHoldSeconds * format_.sampleRate);
    int done = 0;
    while (done < frames) {
        const int n = std::min(frames - done, int(mono_.size()));
        const int speech = speech_.pull(mono_.data(), n);
        if (speech > 0) holdLeft_ = hold;
        float* o = out + size_t(done) * size_t(ch);
        for (int i = 0; i < n; ++i) {
            const bool under = i < speech || holdLeft_ > 0;
            const float target = under ? duck : 1.0f;
            envelope_ += (target - envelope_) * (target < envelope_ ? attackCoeff_ : releaseCoeff_);
            if (i >= speech && holdLeft_ > 0) --holdLeft_;
            const float s = mono_[size_t(i)] * speechGain;
            for (int c = 0; c < ch; ++c) {
                float& v = o[size_t(i) * size_t(ch) + size_t(c)];
                v = std::clamp(v * envelope_ + s, -1.0f, 1.0f);
            }
        }
        done += n;
    }
    ducking_.store(holdLeft_ > 0 || envelope_ < 0.99f);
}

} // namespace la::media
