// The real playback path (decoder thread, FormatConverter, lock-free ring,
// SDL_mixer music hook) captured with SDL's "disk" audio driver: the
// output must be the source, continuous, and after a seek the source at the
// seek target; the reported position must be what has been output.
#include "support/disk_audio.h"
#include "support/ogg_fixture.h"

#include "media/audio_engine.h"
#include "media/audio_sink.h"

#include <SDL.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

using namespace la;
using namespace std::chrono_literals;

namespace {
constexpr int kRate = 24000; // the device runs at 48 kHz: every other output frame lines up with a source frame
constexpr size_t kWindow = 1200; // 50 ms
} // namespace

TEST_CASE("Playback through SDL_mixer reproduces the source, continuously, and seeks exactly") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, kRate, 40.0);
    std::string raw = dir.file("out.raw");
    setenv("SDL_AUDIODRIVER", "disk", 1);
    setenv("SDL_DISKAUDIOFILE", raw.c_str(), 1);

    std::string error;
    auto sink = media::openSdlMixerSink(error);
    REQUIRE(sink);
    REQUIRE(sink->format().sampleRate == 48000);
    auto engine = std::make_unique<media::AudioEngine>(
        std::make_unique<media::PlaybackPipeline>(media::openAudioFile(ogg)), sink->format());
    sink->attach(engine.get());

    engine->play();
    std::this_thread::sleep_for(1500ms);
    double reported = engine->status().position;
    auto writtenBytes = std::filesystem::file_size(raw);
    engine->seek(20.0);
    std::this_thread::sleep_for(1500ms);
    sink->attach(nullptr);
    sink.reset();
    unsetenv("SDL_AUDIODRIVER");
    unsetenv("SDL_DISKAUDIOFILE");

    media::PlaybackStatus s = engine->status();
    CHECK(s.playing);
    CHECK(s.position > 20.5);
    CHECK(s.position < 22.5);

    // Decode the source the same way the player does (full decode, 24 kHz).
    auto src = media::openAudioFile(ogg);
    std::vector<float> source(size_t(src->totalFrames()));
    size_t got = 0;
    while (size_t n = src->read(source.data() + got, 8192)) got += n;

    auto out = test::readDiskAudioLeft(raw, 2);
    size_t start = test::firstSound(out);
    REQUIRE(start + 10 * kWindow < out.size());

    // Output starts at the start of the episode.
    auto [offset0, c0] = test::bestMatch(source, out.data() + start, kWindow, 0, kRate);
    INFO("first sound at output " << start << " matches source " << offset0 << " (corr " << c0 << ")");
    CHECK(c0 > 0.9);
    CHECK(offset0 < long(kRate * 0.05));

    // Continuous until the seek: every 50 ms window follows on from the last.
    size_t w = start;
    long expected = offset0;
    while (w + kWindow < out.size()) {
        double c = test::correlation(out.data() + w, source.data() + expected, kWindow);
        if (c < 0.5) break;
        w += kWindow;
        expected += long(kWindow);
    }
    double secondsBeforeSeek = double(expected) / kRate;
    INFO("continuous for " << secondsBeforeSeek << " s");
    CHECK(secondsBeforeSeek > 1.2);
    CHECK(secondsBeforeSeek < 1.8);

    // The reported position was what had been output when it was read (the
    // disk file lags by at most stdio's buffer).
    double outputSeconds = double(writtenBytes / 8) / 48000.0 - double(start * 2) / 48000.0 + double(offset0) / kRate;
    INFO("reported " << reported << " s, output " << outputSeconds << " s");
    CHECK(std::abs(reported - outputSeconds) < 0.05);

    // Where exactly the old audio stops, inside the window that broke off:
    // 2 ms windows, stepping 1 ms, until one no longer continues the source.
    size_t boundary = w;
    for (long k = 0; boundary + 48 < out.size() && k < long(kWindow); k += 24, boundary += 24) {
        if (test::correlation(out.data() + boundary, source.data() + expected + k, 48) < 0.5) break;
    }

    // After the seek: the source at 20 s, within 50 ms.
    size_t after = test::firstSound(out, boundary);
    // (The first few ms are the resampler settling after the stream was cleared.)
    const size_t settle = 600;
    REQUIRE(after + settle + kWindow < out.size());
    auto [match, c1] = test::bestMatch(source, out.data() + after + settle, kWindow, 19 * kRate, 21 * kRate);
    long offset1 = match - long(settle);
    INFO("after the seek, output " << after << " matches source " << double(offset1) / kRate << " s (corr " << c1 << ")");
    CHECK(c1 > 0.9);
    CHECK(std::abs(double(offset1) / kRate - 20.0) < 0.05);
    // ... and the gap between old and new audio is short.
    CHECK(double(after - boundary) / kRate < 0.1);
}

TEST_CASE("Playing to the end stops at the end") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, kRate, 3.0);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    std::string error;
    auto sink = media::openSdlMixerSink(error);
    REQUIRE(sink);
    auto engine = std::make_unique<media::AudioEngine>(
        std::make_unique<media::PlaybackPipeline>(media::openAudioFile(ogg)), sink->format());
    sink->attach(engine.get());
    engine->seek(2.5);
    engine->play();
    for (int i = 0; i < 100 && !engine->status().ended; ++i) std::this_thread::sleep_for(20ms);
    auto s = engine->status();
    CHECK(s.ended);
    CHECK_FALSE(s.playing);
    CHECK(s.position == Approx(3.0));
    engine->play(); // from the top again
    std::this_thread::sleep_for(200ms);
    s = engine->status();
    CHECK(s.playing);
    CHECK(s.position < 1.0);
    sink->attach(nullptr);
    sink.reset();
    unsetenv("SDL_AUDIODRIVER");
}
