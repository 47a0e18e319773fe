#pragma once
// A FIFO of interleaved float frames for the streaming converters (Resampler,
// FormatConverter): written at the end, read from the front. What was read is
// dropped when more is appended, so the storage stays about one burst long.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace la::media {

class FrameQueue {
public:
    explicit FrameQueue(int channels) : channels_(size_t(std::max(1, channels))) {}

    /// Frames ready for pop().
    size_t frames() const { return (samples_.size() - readSample_) / channels_; }
    /// Room for `n` more frames at the end; returns where to write them.
    float* append(size_t n) {
        if (readSample_ > 0) {
            samples_.erase(samples_.begin(), samples_.begin() + std::ptrdiff_t(readSample_));
            readSample_ = 0;
        }
        const size_t base = samples_.size();
        samples_.resize(base + n * channels_);
        return samples_.data() + base;
    }
    /// Writes up to maxFrames frames to `out`; returns how many.
    size_t pop(float* out, size_t maxFrames) {
        const size_t n = std::min(maxFrames, frames());
        std::copy_n(samples_.begin() + std::ptrdiff_t(readSample_), n * channels_, out);
        readSample_ += n * channels_;
        return n;
    }
    void clear() {
        samples_.clear();
        readSample_ = 0;
    }

private:
    size_t channels_;
    std::vector<float> samples_;
    size_t readSample_ = 0;
};

} // namespace la::media
