// Placeholder pass-through until the WSOLA implementation lands (issue 5):
// correct at 1.0x, which is the only speed the player accepts until then.
#include "media/wsola.h"

#include <algorithm>
#include <cstring>

namespace la::media {

Wsola::Wsola(int channels, int sampleRate) : channels_(channels), sampleRate_(sampleRate) {}

void Wsola::setSpeed(double speed) { speed_ = std::clamp(speed, 0.5, 3.0); }

void Wsola::reset() {
    buffer_.clear();
    ended_ = false;
}

size_t Wsola::feed(const float* in, size_t frames) {
    buffer_.insert(buffer_.end(), in, in + frames * size_t(channels_));
    return frames;
}

void Wsola::endOfInput() { ended_ = true; }

size_t Wsola::pull(float* out, size_t maxFrames) {
    size_t n = std::min(maxFrames, buffer_.size() / size_t(channels_));
    std::memcpy(out, buffer_.data(), n * size_t(channels_) * sizeof(float));
    buffer_.erase(buffer_.begin(), buffer_.begin() + std::ptrdiff_t(n * size_t(channels_)));
    return n;
}

double Wsola::latencyInputFrames() const { return double(buffer_.size() / size_t(channels_)); }

} // namespace la::media
