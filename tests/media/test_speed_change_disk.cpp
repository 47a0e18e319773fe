// A speed change during playback, captured with SDL's "disk" driver through
// the real engine: no gap or click in the output, the pitch stays where it
// was. (The position's rate at the new speed is checked in device frames by
// test_speed_change_latency.cpp, not against wall time.)
#include "support/disk_audio.h"
#include "support/ogg_fixture.h"

#include "media/audio_engine.h"
#include "media/audio_sink.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <thread>

using namespace la;
using namespace std::chrono_literals;

namespace {

// Frequency from zero crossings over a stretch of output (48 kHz).
double frequencyOf(const std::vector<float>& s, size_t from, size_t count) {
    size_t crossings = 0;
    for (size_t i = from + 1; i < from + count; ++i)
        if ((s[i - 1] < 0) != (s[i] < 0)) ++crossings;
    return crossings / 2.0 / (double(count) / 48000.0);
}

} // namespace

TEST_CASE("Changing speed while playing keeps the pitch and leaves no gap or click") {
    test::TempDir dir;
    const int rate = 24000;
    std::vector<float> sine(size_t(rate * 30));
    for (size_t i = 0; i < sine.size(); ++i) sine[i] = float(0.5 * std::sin(2 * M_PI * 440.0 * double(i) / rate));
    std::string ogg = dir.file("sine.ogg"), raw = dir.file("out.raw");
    test::writeOgg(ogg, sine, rate, 1);
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw.c_str(), 1);
    std::string error;
    auto sink = media::openSdlMixerSink(error);
    REQUIRE(sink);
    auto engine = std::make_unique<media::AudioEngine>(
        std::make_unique<media::PlaybackPipeline>(media::openAudioFile(ogg)), sink->format());
    sink->attach(engine.get());

    engine->play();
    std::this_thread::sleep_for(1000ms);
    engine->setSpeed(2.0);
    std::this_thread::sleep_for(300ms); // the change is heard within the ring's 64 ms and the device buffer
    double p0 = engine->status().position;
    auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(700ms);
    double p1 = engine->status().position;
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    sink->attach(nullptr);
    sink.reset();
    unsetenv("SDL_AUDIODRIVER");
    unsetenv("SDL_DISKAUDIOFILE");

    // Wall time on a loaded machine says little about the audio clock, so the
    // rate is only reported here; test_speed_change_latency.cpp checks it in
    // device frames (the new speed within 2 %).
    CHECK(p1 > p0);
    WARN("position moved " << (p1 - p0) << " s in " << wall << " s of wall time (" << (p1 - p0) / wall << "x)");

    // Stereo left channel at 48 kHz, every frame.
    auto out = test::readDiskAudioLeft(raw, 1);
    size_t start = test::firstSound(out, 0, 0.05f);
    REQUIRE(start + 72000 < out.size()); // about 2 s were written in all
    // No gap: never 2 ms of (near) silence once sound has started.
    size_t quiet = 0, longestQuiet = 0;
    for (size_t i = start; i < out.size(); ++i) {
        quiet = std::abs(out[i]) < 0.01f ? quiet + 1 : 0;
        longestQuiet = std::max(longestQuiet, quiet);
    }
    CHECK(longestQuiet < 96);
    // No click: sample-to-sample steps stay within what a 440 Hz sine at 0.5
    // (before gain) can do, with room for the crossfades.
    float maxStep = 0;
    for (size_t i = start + 1; i < out.size(); ++i) maxStep = std::max(maxStep, std::abs(out[i] - out[i - 1]));
    CHECK(maxStep < 0.5f * 2 * float(M_PI) * 440.0f / 48000.0f * 1.5f);
    // Same pitch before and after the change.
    double before = frequencyOf(out, start + 4800, 24000);
    double after = frequencyOf(out, out.size() - 48000, 36000);
    INFO("pitch before " << before << " Hz, after " << after << " Hz");
    CHECK(before == Approx(440).epsilon(0.01));
    CHECK(after == Approx(440).epsilon(0.01));
}
