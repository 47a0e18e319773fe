// PlaybackPipeline at 2.0x with a synthetic source: chunk times are continuous,
// advance at twice the output duration, and match the audio actually heard.
#include "media/playback_pipeline.h"
#include "support/ramp_source.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

using la::media::PlaybackPipeline;
using la::test::RampSource;

namespace {

struct Played {
    size_t frames = 0;
    double firstStart = -1, lastEnd = -1;
    double worstGap = 0;        ///< |start of chunk - end of previous chunk|, seconds
    double worstRate = 0;       ///< |(end - start) - frames * speed / rate|, seconds
    double worstContent = 0;    ///< |time encoded in the audio - reported time|, seconds
};

Played play(PlaybackPipeline& p, double speed, size_t chunkFrames) {
    Played r;
    const int ch = p.channels(), rate = p.sampleRate();
    const double duration = p.durationSeconds();
    std::vector<float> buf(chunkFrames * size_t(ch));
    for (int guard = 0; guard < 1000000; ++guard) {
        const auto c = p.produce(buf.data(), chunkFrames);
        if (r.firstStart < 0) r.firstStart = c.startSeconds;
        else r.worstGap = std::max(r.worstGap, std::abs(c.startSeconds - r.lastEnd));
        r.lastEnd = c.endSeconds;
        r.worstRate = std::max(r.worstRate, std::abs((c.endSeconds - c.startSeconds) - double(c.frames) * speed / rate));
        for (size_t i = 0; i < c.frames; ++i) {
            const double heard = double(buf[i * size_t(ch)]) * duration;
            const double reported = c.startSeconds + double(i) * speed / rate;
            r.worstContent = std::max(r.worstContent, std::abs(heard - reported));
        }
        r.frames += c.frames;
        if (c.endOfStream) break;
    }
    return r;
}

} // namespace

TEST_CASE("pipeline at 2.0x: episode positions follow the speed", "[pipeline][wsola]") {
    const int rate = 44100;
    for (int channels : {1, 2}) {
        INFO("channels " << channels);
        PlaybackPipeline p(std::make_unique<RampSource>(rate, channels, 10.0));
        p.setSpeed(2.0);
        REQUIRE(p.speed() == 2.0);
        const auto r = play(p, 2.0, 1000);
        CHECK(r.firstStart == Approx(0).margin(1e-9));
        CHECK(r.lastEnd == Approx(10.0).margin(1e-4));
        CHECK(double(r.frames) == Approx(5.0 * rate).epsilon(0.005)); // 10 s of episode in 5 s
        CHECK(r.worstGap < 1e-9);
        CHECK(r.worstRate < 1e-9);
        CHECK(r.worstContent < 0.02); // the audio heard is within 20 ms of the reported time

        SECTION("after a seek, positions restart at the seek target") {
            p.seek(6.5);
            const auto s = play(p, 2.0, 777);
            CHECK(s.firstStart == Approx(6.5).margin(1e-9));
            CHECK(s.lastEnd == Approx(10.0).margin(1e-4));
            CHECK(double(s.frames) == Approx(3.5 / 2 * rate).epsilon(0.005));
            CHECK(s.worstGap < 1e-9);
            CHECK(s.worstContent < 0.02);
        }
    }
}

TEST_CASE("pipeline: a speed change mid-stream keeps the clock continuous", "[pipeline][wsola]") {
    const int rate = 44100;
    PlaybackPipeline p(std::make_unique<RampSource>(rate, 2, 8.0));
    std::vector<float> buf(512 * 2);
    double lastEnd = 0, t = 0;
    double worstContent = 0;
    for (int i = 0; i < 100000; ++i) {
        if (i == 100) p.setSpeed(2.0);
        if (i == 200) p.setSpeed(0.5);
        if (i == 300) p.setSpeed(1.0);
        const auto c = p.produce(buf.data(), 512);
        REQUIRE(c.startSeconds == Approx(lastEnd).margin(1e-9));
        REQUIRE((c.endSeconds - c.startSeconds) == Approx(double(c.frames) * p.speed() / rate).margin(1e-9));
        for (size_t j = 0; j < c.frames; ++j)
            worstContent = std::max(worstContent, std::abs(double(buf[2 * j]) * 8.0 - (c.startSeconds + double(j) * p.speed() / rate)));
        lastEnd = c.endSeconds;
        t += double(c.frames) / rate;
        if (c.endOfStream) break;
    }
    CHECK(lastEnd == Approx(8.0).margin(1e-4));
    // 100 chunks at 1x, 100 at 2x, 100 at 0.5x, the rest at 1x.
    const double expectedOut = (512 * 100.0 * 3 + (8.0 * rate - 512 * 100 * (1 + 2 + 0.5))) / rate;
    CHECK(t == Approx(expectedOut).epsilon(0.001));
    CHECK(worstContent < 0.02);
}
