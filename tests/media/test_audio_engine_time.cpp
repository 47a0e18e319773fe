// The engine's episode-time bookkeeping, offline: no audio device, no SDL. The
// test is the device: it calls AudioEngine::render() itself, after letting the
// decoder thread fill the ring, so every pull is served in full. The source is
// a ramp (support/ramp_source.h): every output sample says which episode time
// is heard, and status().position must agree with it.
//
// status() interpolates within the last callback by wall time while playing;
// paused, it reports the end of the last callback, which is what is checked.
// Time is counted in audible frames (the ramp is 0 only at its very start):
// right after a seek the ring may still hold blocks from before it, which the
// next callback drops, hearing silence for the rest of it, and on a loaded
// machine the decoder thread can fall behind (an underrun, heard as silence).
#include "support/ramp_source.h"

#include "media/audio_engine.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <vector>

using namespace la;

namespace {

constexpr double kSeconds = 4.0;     // ramp length: sample value * kSeconds = episode time
constexpr double kSpliceSlack = 0.015; // WSOLA's splices move the heard time by up to its search range (6 ms) and more

class PullDevice {
public:
    explicit PullDevice(media::AudioEngine& e) : engine_(e), buffer_(size_t(format().bufferFrames * format().channels)) {}
    static media::DeviceFormat format() { return {}; }

    /// Waits until the ring is full, or stops growing for 0.2 s (the stream has ended).
    void settle() {
        int last = -1, still = 0;
        for (int i = 0; i < 20000 && still < 400; ++i) {
            const int q = engine_.queuedBlocks();
            if (q == media::AudioEngine::kRingBlocks) return;
            still = q == last ? still + 1 : 0;
            last = q;
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    }
    /// Pulls `n` device callbacks; returns the episode time of the last frame heard.
    double pull(int n) {
        const auto f = format();
        for (int i = 0; i < n; ++i) {
            settle();
            engine_.render(buffer_.data(), f.bufferFrames);
            frames += f.bufferFrames;
            for (int j = 0; j < f.bufferFrames; ++j) audible += buffer_[size_t(j * f.channels)] != 0.0f;
        }
        return lastHeard();
    }
    double lastHeard() const { return double(buffer_[size_t((format().bufferFrames - 1) * format().channels)]) * kSeconds; }
    /// Position as status() reports it once the device stops (paused: end of the last callback).
    double pausedPosition() {
        engine_.pause();
        const double p = engine_.status().position;
        engine_.play();
        return p;
    }

    int64_t frames = 0;  ///< pulled
    int64_t audible = 0; ///< pulled and not silent

private:
    media::AudioEngine& engine_;
    std::vector<float> buffer_;
};

std::unique_ptr<media::PlaybackPipeline> rampPipeline(int rate, double speed) {
    auto p = std::make_unique<media::PlaybackPipeline>(std::make_unique<test::RampSource>(rate, 1, kSeconds));
    p->setSpeed(speed); // before the decoder thread starts: the whole run is at this speed
    return p;
}

} // namespace

TEST_CASE("Position after N device frames is N / rate x speed of episode time") {
    const auto device = PullDevice::format();
    for (int rate : {48000, 24000, 44100}) {
        for (double speed : {1.0, 0.5, 1.5, 2.0}) {
            INFO(rate << " Hz source at " << speed << "x");
            media::AudioEngine engine(rampPipeline(rate, speed), device);
            // The engine's speed request starts at 1x: its decoder thread may
            // have filled the ring at 1x before this request. The seek drops that.
            engine.setSpeed(speed);
            engine.seek(0);
            CHECK(engine.status().position == 0);
            engine.play();
            PullDevice dev(engine);
            for (int callbacks : {10, 20, 30}) {
                const double heard = dev.pull(callbacks);
                const double expected = double(dev.audible) / device.sampleRate * speed;
                const double position = dev.pausedPosition();
                INFO("after " << dev.frames << " frames (" << dev.audible << " audible): position " << position << " s, heard " << heard << " s, expected "
                              << expected << " s");
                CHECK(position == Approx(expected).margin(kSpliceSlack));
                CHECK(position == Approx(heard).margin(kSpliceSlack));
                CHECK(engine.status().speed == speed);
                CHECK_FALSE(engine.status().ended);
            }
        }
    }
}

TEST_CASE("A seek reports its target at once, and time runs on from there") {
    const auto device = PullDevice::format();
    const double speed = 1.25;
    media::AudioEngine engine(rampPipeline(24000, speed), device);
    engine.setSpeed(speed);
    engine.play();
    PullDevice dev(engine);
    dev.pull(20);

    engine.seek(2.5);
    CHECK(engine.status().position == 2.5); // not heard yet: where we are going
    const int64_t before = dev.audible;
    const double heard = dev.pull(15);
    const double expected = 2.5 + double(dev.audible - before) / device.sampleRate * speed;
    const double position = dev.pausedPosition();
    INFO("position " << position << " s, heard " << heard << " s, expected " << expected << " s");
    CHECK(position == Approx(expected).margin(kSpliceSlack));
    CHECK(position == Approx(heard).margin(kSpliceSlack));

    // Backwards too, and clamped to the episode.
    engine.seek(0.5);
    CHECK(engine.status().position == 0.5);
    const int64_t before2 = dev.audible;
    dev.pull(5);
    CHECK(dev.pausedPosition() == Approx(0.5 + double(dev.audible - before2) / device.sampleRate * speed).margin(kSpliceSlack));
    engine.seek(-3);
    CHECK(engine.status().position == 0);
    engine.seek(99);
    CHECK(engine.status().position == kSeconds);
}

TEST_CASE("At the end of the stream the position is the duration and playback stops") {
    const auto device = PullDevice::format();
    const double speed = 2.0;
    media::AudioEngine engine(rampPipeline(24000, speed), device);
    engine.setSpeed(speed);
    engine.seek(3.0);
    engine.play();
    PullDevice dev(engine);
    // 1 s of episode left at 2x: 0.5 s of device time, 24 callbacks; pull more.
    int callbacks = 0;
    while (!engine.status().ended && callbacks < 200) {
        dev.pull(1);
        ++callbacks;
    }
    const double deviceSeconds = double(dev.audible) / device.sampleRate;
    INFO(callbacks << " callbacks, " << deviceSeconds << " s audible, to the end");
    REQUIRE(engine.status().ended);
    CHECK(deviceSeconds == Approx(0.5).margin(0.01));
    auto s = engine.status();
    CHECK(s.position == kSeconds);
    CHECK(s.duration == kSeconds);
    CHECK_FALSE(s.playing);
    CHECK(s.error.empty());
    // Nothing more is played: the device hears silence and the position stays.
    dev.pull(3);
    CHECK(dev.lastHeard() == 0);
    CHECK(engine.status().position == kSeconds);
    // play() starts again from the top.
    engine.play();
    CHECK(engine.status().position == 0);
    CHECK_FALSE(engine.status().ended);
    const int64_t before = dev.audible;
    dev.pull(10);
    CHECK(dev.pausedPosition() == Approx(double(dev.audible - before) / device.sampleRate * speed).margin(kSpliceSlack));
}
