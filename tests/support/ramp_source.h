#pragma once
// A synthetic AudioSource whose audio says where it came from: channel 0 is
// episode time / duration (a ramp from 0 to 1), channel 1 (if any) a quiet
// 300 Hz sine. Whatever the pipeline or engine does to the audio (stretching,
// rate conversion), each output sample tells which episode time is heard.

#include "media/audio_source.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace la::test {

class RampSource final : public media::AudioSource {
public:
    RampSource(int rate, int channels, double seconds) : rate_(rate), channels_(channels), frames_(int64_t(seconds * rate)) {}
    int sampleRate() const override { return rate_; }
    int channels() const override { return channels_; }
    int64_t totalFrames() const override { return frames_; }
    size_t read(float* out, size_t frames) override {
        const size_t n = size_t(std::clamp<int64_t>(frames_ - pos_, 0, int64_t(frames)));
        for (size_t i = 0; i < n; ++i) {
            const int64_t f = pos_ + int64_t(i);
            out[i * size_t(channels_)] = float(double(f) / double(frames_));
            if (channels_ > 1) out[i * size_t(channels_) + 1] = float(0.2 * std::sin(2 * M_PI * 300 * double(f) / rate_));
        }
        pos_ += int64_t(n);
        return n;
    }
    void seek(int64_t frame) override { pos_ = std::clamp<int64_t>(frame, 0, frames_); }
    int64_t tell() const override { return pos_; }
    const std::string& path() const override { return path_; }

private:
    int rate_, channels_;
    int64_t frames_, pos_ = 0;
    std::string path_ = "ramp";
};

} // namespace la::test
