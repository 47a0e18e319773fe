// The mix the sound device plays (media/output_mix.h): the episode with the
// program's own speech over it. Checked sample by sample, without a device:
// the episode goes down by the set amount while speech plays and comes back
// smoothly after; an interrupt silences the speech within one buffer with a
// short fade, not a click; speech plays with no episode at all.

#include "media/output_mix.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace la;

namespace {

// An episode that is a constant level on every channel: its level in the mix is the duck.
class ConstantEpisode final : public media::AudioRenderer {
public:
    explicit ConstantEpisode(int channels) : channels_(channels) {}
    void render(float* out, int frames) noexcept override {
        for (int i = 0; i < frames * channels_; ++i) out[i] = 0.5f;
    }

private:
    int channels_;
};

std::vector<float> tone(int frames, float amplitude) {
    std::vector<float> s(size_t(frames), 0.0f);
    for (int i = 0; i < frames; ++i) s[size_t(i)] = amplitude * float(std::sin(2 * M_PI * 220.0 * i / 48000.0));
    return s;
}

// Queues `seconds` of a 220 Hz tone as one utterance.
void queueSpeech(media::SpeechChannel& ch, double seconds, float amplitude = 0.3f) {
    const int frames = int(seconds * 48000);
    std::vector<float> s = tone(frames, amplitude);
    const uint32_t gen = ch.generation();
    for (int at = 0; at < frames; at += media::SpeechChannel::kBlockFrames)
        REQUIRE(ch.push(s.data() + at, std::min(media::SpeechChannel::kBlockFrames, frames - at), gen));
    REQUIRE(ch.pushEnd(gen));
}

double db(double ratio) { return 20 * std::log10(ratio); }

} // namespace

TEST_CASE("Speech ducks the episode by at least 12 dB and the episode comes back after") {
    const media::DeviceFormat f;
    media::OutputMix mix(f);
    ConstantEpisode episode(f.channels);
    mix.setEpisode(&episode);
    mix.setDuckDb(18);
    std::vector<float> out(size_t(f.bufferFrames * f.channels));

    mix.render(out.data(), f.bufferFrames);
    CHECK(out[0] == Approx(0.5f)); // no speech: the episode untouched
    CHECK_FALSE(mix.ducking());

    queueSpeech(mix.speech(), 0.5);
    // The speech is a sine: its mean over a buffer is near 0, so the mean of
    // the mix is the episode's level.
    std::vector<double> level;
    for (int b = 0; b < 60; ++b) { // 60 x 1024 frames = 1.28 s
        mix.render(out.data(), f.bufferFrames);
        double sum = 0;
        for (int i = 0; i < f.bufferFrames; ++i) sum += out[size_t(i * f.channels)];
        level.push_back(sum / f.bufferFrames);
    }
    // Speech: 0.5 s = buffers 0..23. Ducked fully from about 30 ms in.
    for (int b = 3; b < 23; ++b) {
        INFO("buffer " << b << " level " << level[size_t(b)]);
        CHECK(db(level[size_t(b)] / 0.5) <= -12.0);
    }
    CHECK(mix.speech().finishedUtterances() == 1);
    // Held through the pause after the phrase (no pumping between phrases), then back up smoothly.
    CHECK(db(level[25] / 0.5) <= -12.0);
    double previous = level[40];
    for (int b = 41; b < 60; ++b) {
        CHECK(level[size_t(b)] >= previous - 1e-6); // rises, never jumps back down
        CHECK(level[size_t(b)] - previous < 0.2);   // and no jump up either
        previous = level[size_t(b)];
    }
    CHECK(db(level.back() / 0.5) > -0.5); // back to the full level
}

TEST_CASE("An interrupt silences speech within one buffer, fading out instead of clicking") {
    const media::DeviceFormat f;
    media::OutputMix mix(f); // no episode: speech alone (a kiosk before the episode loads)
    std::vector<float> out(size_t(f.bufferFrames * f.channels));
    queueSpeech(mix.speech(), 0.6, 0.5f); // the ring holds 0.68 s
    mix.render(out.data(), f.bufferFrames);
    mix.render(out.data(), f.bufferFrames);
    float peak = 0;
    for (float v : out) peak = std::max(peak, std::fabs(v));
    CHECK(peak > 0.3f); // speaking, with no episode attached

    mix.speech().interrupt();
    mix.render(out.data(), f.bufferFrames);
    // The first samples ramp down from where the speech was; nothing after 2 ms.
    const float first = std::fabs(out[0]);
    for (int i = 1; i < 96; ++i) CHECK(std::fabs(out[size_t(i * f.channels)]) <= first + 0.02f);
    for (int i = 96; i < f.bufferFrames; ++i) REQUIRE(out[size_t(i * f.channels)] == 0.0f);
    // The steps of the fade are small: no click.
    for (int i = 1; i < 100; ++i)
        CHECK(std::fabs(out[size_t(i * f.channels)] - out[size_t((i - 1) * f.channels)]) < 0.05f);
    mix.render(out.data(), f.bufferFrames);
    for (float v : out) REQUIRE(v == 0.0f); // the rest of the phrase was dropped
    CHECK(mix.speech().finishedUtterances() == 0);
}

TEST_CASE("Speech follows the speech gain; a stale generation cannot be queued") {
    const media::DeviceFormat f;
    media::OutputMix mix(f);
    std::vector<float> out(size_t(f.bufferFrames * f.channels));
    mix.setSpeechGain(0.25f);
    queueSpeech(mix.speech(), 0.1, 0.8f);
    mix.render(out.data(), f.bufferFrames);
    float peak = 0;
    for (float v : out) peak = std::max(peak, std::fabs(v));
    CHECK(peak == Approx(0.2f).margin(0.01f));

    const uint32_t old = mix.speech().generation();
    mix.speech().interrupt();
    std::vector<float> s = tone(512, 0.5f);
    CHECK_FALSE(mix.speech().push(s.data(), 512, old));
}
