#include "media/speech_channel.h"

#include <algorithm>
#include <cstring>

namespace la::media {
namespace {
constexpr int kFadeFrames = 96; // 2 ms at 48 kHz: long enough not to click, short enough to be "at once"
} // namespace

bool SpeechChannel::push(const float* mono, int frames, uint32_t generation) noexcept {
    if (generation != generation_.load()) return false;
    Block* b = ring_.acquireWrite();
    if (!b) return false;
    b->generation = generation;
    b->frames = std::clamp(frames, 0, kBlockFrames);
    b->readOffset = 0;
    b->end = false;
    std::memcpy(b->samples, mono, size_t(b->frames) * sizeof(float));
    ring_.commitWrite();
    return true;
}

bool SpeechChannel::pushEnd(uint32_t generation) noexcept {
    Block* b = ring_.acquireWrite();
    if (!b) return false;
    b->generation = generation;
    b->frames = 0;
    b->readOffset = 0;
    b->end = true;
    ring_.commitWrite();
    return true;
}

int SpeechChannel::pull(float* mono, int frames) noexcept {
    const uint32_t gen = generation_.load(std::memory_order_acquire);
    int filled = 0, speech = 0;
    if (playingGeneration_ != gen && playingGeneration_ != 0) {
        // Interrupted mid-phrase: ramp from the last sample to silence.
        fadeLeft_ = lastSample_ != 0 ? kFadeFrames : 0;
        playingGeneration_ = 0;
    }
    while (fadeLeft_ > 0 && filled < frames) {
        mono[filled++] = lastSample_ * float(fadeLeft_) / float(kFadeFrames);
        --fadeLeft_;
        speech = filled;
    }
    if (fadeLeft_ == 0) lastSample_ = 0;
    while (filled < frames) {
        Block* b = ring_.peek();
        if (!b) break;
        if (b->generation != gen) {
            ring_.pop();
            continue;
        }
        if (b->end) {
            finished_.fetch_add(1);
            ring_.pop();
            playingGeneration_ = 0;
            lastSample_ = 0;
            continue;
        }
        playingGeneration_ = gen;
        int n = std::min(b->frames - b->readOffset, frames - filled);
        std::memcpy(mono + filled, b->samples + b->readOffset, size_t(n) * sizeof(float));
        b->readOffset += n;
        filled += n;
        speech = filled;
        lastSample_ = mono[filled - 1];
        if (b->readOffset >= b->frames) ring_.pop();
    }
    std::memset(mono + filled, 0, size_t(frames - filled) * sizeof(float));
    playing_.store(speech > 0);
    return speech;
}

} // namespace la::media
