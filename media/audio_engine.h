#pragma once
// Real-time playback of a PlaybackPipeline: a decoder thread runs the pipeline
// and a FormatConverter (rate and channel conversion to the device format) and
// hands finished blocks to the device callback through a lock-free ring. No
// SDL here: an AudioSink (audio_sink.h) calls render() from its device thread.
//
// Threads:
// - UI thread: play/pause/seek/setSpeed/setVolume and status(). Requests are
//   atomics; nothing here blocks on the other threads.
// - Decoder thread (owned): all file I/O, decoding, stretching, conversion.
// - Device thread: render(), called by the sink. Never locks, allocates,
//   logs or decodes.
//
// Position reported by status() is the episode time of the sample being heard:
// blocks carry the episode times they cover, and only what the device callback
// has consumed counts, so audio still buffered in the ring is not yet "heard".

#include "media/playback_pipeline.h"
#include "media/spsc_ring.h"

#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <thread>

namespace la::media {

/// What a sink pulls from on its device thread: the episode alone
/// (AudioEngine), or the episode with speech over it (OutputMix).
class AudioRenderer {
public:
    virtual ~AudioRenderer() = default;
    /// Device thread: fills `frames` frames of interleaved float32 in the
    /// sink's format. Never locks, allocates or waits.
    virtual void render(float* out, int frames) noexcept = 0;
};

/// The device side: interleaved float32 at this rate and channel count.
struct DeviceFormat {
    int sampleRate = 48000;
    int channels = 2;
    int bufferFrames = 1024; ///< frames per device callback (for latency)
};

struct PlaybackStatus {
    double position = 0;  ///< seconds, episode time of what is heard now
    double duration = 0;
    double speed = 1.0;
    bool playing = false;
    bool ended = false;   ///< reached the end; play() restarts from the top
    double savedSeconds = 0; ///< episode time cut out of pauses so far (Shorten pauses)
    std::string error;    ///< a decode failure mid-stream, naming the file
};

class AudioEngine final : public AudioRenderer {
public:
    /// Takes the pipeline and starts the decoder thread, paused at 0.
    AudioEngine(std::unique_ptr<PlaybackPipeline> pipeline, DeviceFormat device);
    ~AudioEngine();
    AudioEngine(const AudioEngine&) = delete;
    AudioEngine& operator=(const AudioEngine&) = delete;

    // UI thread.
    void play();
    void pause();
    void seek(double seconds);           ///< clamped to [0, duration]
    void setSpeed(double speed);         ///< clamped to Wsola's range; the player limits it further
    void setGain(float gain);            ///< linear, 0..1 (volume and mute)
    /// Even loudness (issue #15): this gain in dB through the true-peak
    /// limiter, from the next block the decoder makes; NaN: off.
    void setLoudnessGainDb(double db);
    /// Voice boost (issue #15) around this speech level (dBFS RMS, in the
    /// file's own level, before the loudness gain); NaN: off.
    void setVoiceBoost(double referenceDb);
    /// Shorten pauses (issue #15), from the next pause the decoder reaches.
    void setShortenPauses(bool on);
    PlaybackStatus status() const;

    /// Device thread: fills `frames` frames of interleaved float32.
    void render(float* out, int frames) noexcept override;

    const DeviceFormat& device() const { return device_; }

    /// Blocks finished and waiting for the device callback (for tests and
    /// diagnostics; exact only from the device thread).
    int queuedBlocks() const { return int(ring_.size()); }

    static constexpr int kBlockFrames = 512;
    static constexpr int kMaxChannels = 8;
    /// Ring length in blocks: 6 x 512 frames = 64 ms at 48 kHz. Audio already in
    /// the ring was stretched at the old speed, so the ring, the device buffer
    /// (21 ms) and what the converter holds (a few frames: resampler.h) bound
    /// how late a speed change is heard: 83-89 ms, measured in device frames
    /// by tests/media/test_speed_change_latency.cpp (the issue allows 100 ms).
    static constexpr int kRingBlocks = 6;

private:
    struct Block {
        uint32_t generation = 0;
        int frames = 0;
        int readOffset = 0;  ///< consumer-side progress within the block
        double start = 0;    ///< episode seconds of frame 0
        double end = 0;      ///< episode seconds just after the last frame
        bool endOfStream = false;
        float samples[kBlockFrames * kMaxChannels];
    };

    void decoderLoop();
    void restartAt(double seconds);
    bool produceBlock();
    void wakeDecoder() noexcept;

    std::unique_ptr<PlaybackPipeline> pipeline_;
    DeviceFormat device_;
    double duration_;
    SpscRing<Block> ring_;

    // Requests from the UI thread.
    std::atomic<uint32_t> generation_{1};  ///< bumped by seek(); stale blocks are dropped
    std::atomic<double> seekTarget_{0};
    std::atomic<double> speedRequest_{1.0};
    std::atomic<float> gain_{1.0f};
    std::atomic<double> loudnessRequest_{std::numeric_limits<double>::quiet_NaN()};
    double loudnessApplied_ = std::numeric_limits<double>::quiet_NaN(); ///< decoder thread
    std::atomic<double> voiceBoostRequest_{std::numeric_limits<double>::quiet_NaN()};
    double voiceBoostApplied_ = std::numeric_limits<double>::quiet_NaN(); ///< decoder thread
    std::atomic<bool> shortenPausesRequest_{false};
    bool shortenPausesApplied_ = false; ///< decoder thread
    std::atomic<double> savedSeconds_{0}; ///< written by the decoder thread
    std::atomic<bool> playing_{false};
    std::atomic<bool> quit_{false};

    // Published by the device thread.
    std::atomic<uint32_t> heardGeneration_{0};
    std::atomic<double> heardStart_{0};     ///< episode time at the start of the last callback
    std::atomic<double> heardEnd_{0};       ///< ... and at its end
    std::atomic<uint64_t> heardAtNanos_{0}; ///< steady-clock nanoseconds at that callback
    std::atomic<bool> ended_{false};

    // Decoder thread state.
    struct Converter;
    std::unique_ptr<Converter> converter_;
    uint32_t decodedGeneration_ = 0;
    bool streamEnded_ = false;
    std::counting_semaphore<1024> wake_{0};
    std::atomic<bool> wakePending_{false}; ///< bounds wake_'s count: one release per decoder turn

    mutable std::mutex errorMutex_; ///< guards error_ (UI and decoder threads only)
    std::string error_;

    std::thread decoder_;
};

} // namespace la::media
