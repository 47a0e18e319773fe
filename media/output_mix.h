#pragma once
// What the sound device plays: the episode (an AudioEngine, or nothing) with
// speech over it (SpeechChannel). While speech plays the episode is ducked —
// brought down by duckDb, smoothly, and back up after a short hold so that the
// pauses between phrases do not pump. One device, one volume: the speech gain
// is set by the app from the same volume the episode uses. No SDL here.
//
// Threads: setEpisode() only while no sink pulls from this mix (the sink's
// attach(nullptr) makes sure); the setters are atomics for the UI thread;
// render() is the device thread's.

#include "media/audio_engine.h"
#include "media/speech_channel.h"

#include <atomic>
#include <vector>

namespace la::media {

class OutputMix final : public AudioRenderer {
public:
    explicit OutputMix(DeviceFormat format);

    /// Not while a sink pulls from this mix.
    void setEpisode(AudioRenderer* episode) { episode_ = episode; }
    SpeechChannel& speech() { return speech_; }
    const DeviceFormat& format() const { return format_; }

    // UI thread.
    /// Linear gain of the speech (the app's volume, the kiosk's cap, the
    /// speech volume setting).
    void setSpeechGain(float gain) { speechGain_ = gain; }
    /// How far the episode goes down under speech, in dB (>= 0; 0: not at all).
    void setDuckDb(float db);

    // Published by the device thread.
    /// The episode is (being) ducked: speech played within the hold time.
    bool ducking() const { return ducking_.load(); }

    void render(float* out, int frames) noexcept override;

    static constexpr double kAttackSeconds = 0.03;  ///< down under the first syllable
    static constexpr double kReleaseSeconds = 0.25; ///< back up: smooth, not a jump
    static constexpr double kHoldSeconds = 0.35;    ///< stays down between phrases

private:
    DeviceFormat format_;
    AudioRenderer* episode_ = nullptr;
    SpeechChannel speech_;
    std::atomic<float> speechGain_{1.0f};
    std::atomic<float> duckGain_{0.125f}; ///< linear: -18 dB
    std::atomic<bool> ducking_{false};
    // Device thread only.
    std::vector<float> mono_;
    float envelope_ = 1.0f;   ///< the episode's gain now
    int holdLeft_ = 0;        ///< frames the duck still holds after the last speech
    float attackCoeff_ = 0, releaseCoeff_ = 0;
};

} // namespace la::media
