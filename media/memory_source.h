#pragma once
// An AudioSource over mono or interleaved frames already in memory: lets
// offline tools (the episode generator) measure and master a mix with the
// player's own loudness code (media/loudness_meter.h) instead of a copy of it.

#include "media/audio_source.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace la::media {

class MemorySource final : public AudioSource {
public:
    /// `frames` must outlive the source; `name` stands for a path in messages.
    MemorySource(const std::vector<float>& frames, int sampleRate, int channels, std::string name)
        : frames_(frames), rate_(sampleRate), channels_(std::max(1, channels)), name_(std::move(name)) {}
    int sampleRate() const override { return rate_; }
    int channels() const override { return channels_; }
    int64_t totalFrames() const override { return int64_t(frames_.size()) / channels_; }
    size_t read(float* out, size_t frames) override {
        const size_t n = size_t(std::clamp<int64_t>(totalFrames() - pos_, 0, int64_t(frames)));
        std::memcpy(out, frames_.data() + pos_ * channels_, n * size_t(channels_) * sizeof(float));
        pos_ += int64_t(n);
        return n;
    }
    void seek(int64_t frame) override { pos_ = std::clamp<int64_t>(frame, 0, totalFrames()); }
    int64_t tell() const override { return pos_; }
    const std::string& path() const override { return name_; }

private:
    const std::vector<float>& frames_;
    int rate_, channels_;
    std::string name_;
    int64_t pos_ = 0;
};

} // namespace la::media
