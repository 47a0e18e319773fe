#pragma once
// Speech on its way from the synthesizer's thread to the device thread: a
// lock-free ring of mono blocks already at the device's rate. The device
// thread never waits for speech: no block ready is silence.
//
// Interrupting is a generation number, as seeks are in AudioEngine: any thread
// bumps it, the device thread drops blocks of older generations (fading out
// the one it was in, so a cut does not click) and the synthesizer stops
// producing them. No SDL here.

#include "media/spsc_ring.h"

#include <atomic>
#include <cstdint>

namespace la::media {

class SpeechChannel {
public:
    static constexpr int kBlockFrames = 512;
    /// 64 blocks x 512 frames = 0.68 s at 48 kHz: the synthesizer runs ahead by
    /// at most this much, so an interrupt wastes little work.
    static constexpr int kRingBlocks = 64;

    SpeechChannel() : ring_(kRingBlocks) {}

    // ---- any thread -------------------------------------------------------------
    /// Drops whatever is queued or playing; returns the new generation.
    uint32_t interrupt() noexcept { return generation_.fetch_add(1) + 1; }
    uint32_t generation() const noexcept { return generation_.load(); }

    // ---- the synthesizer's thread (the one producer) ------------------------------
    /// Queues up to kBlockFrames frames of `generation`. False when the ring is
    /// full (try again later) or the generation is already stale.
    bool push(const float* mono, int frames, uint32_t generation) noexcept;
    /// Marks the end of an utterance (the device thread counts them finished).
    bool pushEnd(uint32_t generation) noexcept;
    /// Blocks queued and not yet played.
    int queuedBlocks() const noexcept { return int(ring_.size()); }

    // ---- the device thread ---------------------------------------------------------
    /// Writes `frames` mono frames (speech, or zeros); returns how many of them
    /// were speech (including a fade-out after an interrupt).
    int pull(float* mono, int frames) noexcept;

    // ---- published by the device thread ------------------------------------------
    /// Utterance ends played (pushEnd) so far.
    uint64_t finishedUtterances() const noexcept { return finished_.load(); }
    /// The device's last buffer had speech in it.
    bool playing() const noexcept { return playing_.load(); }

private:
    struct Block {
        uint32_t generation = 0;
        int frames = 0;
        int readOffset = 0;
        bool end = false;
        float samples[kBlockFrames];
    };

    SpscRing<Block> ring_;
    std::atomic<uint32_t> generation_{1};
    std::atomic<uint64_t> finished_{0};
    std::atomic<bool> playing_{false};
    // Device thread only.
    float lastSample_ = 0;     ///< where the speech was when it was cut
    int fadeLeft_ = 0;         ///< frames of fade-out still to play after an interrupt
    uint32_t playingGeneration_ = 0;
};

} // namespace la::media
