// FormatConverter (media/format_converter.h) replaced SDL_AudioStream in the
// engine. Its channel mixing must be SDL 2.26's, sample for sample (within
// float rounding), and its rate conversion must keep the time map the engine
// relies on: output frame k is input time k * inRate / outRate.
#include "media/format_converter.h"
#include "media/resampler.h"

#include <SDL.h>

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using la::media::FormatConverter;

namespace {

std::vector<float> noise(size_t samples, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-1.0f, 1.0f);
    std::vector<float> v(samples);
    for (float& x : v) x = d(rng);
    return v;
}

std::vector<float> viaSdl(const std::vector<float>& in, int inCh, int outCh, int rate) {
    SDL_AudioStream* s = SDL_NewAudioStream(AUDIO_F32SYS, Uint8(inCh), rate, AUDIO_F32SYS, Uint8(outCh), rate);
    REQUIRE(s);
    REQUIRE(SDL_AudioStreamPut(s, in.data(), int(in.size() * sizeof(float))) == 0);
    SDL_AudioStreamFlush(s);
    std::vector<float> out(size_t(SDL_AudioStreamAvailable(s)) / sizeof(float));
    SDL_AudioStreamGet(s, out.data(), int(out.size() * sizeof(float)));
    SDL_FreeAudioStream(s);
    return out;
}

std::vector<float> viaConverter(FormatConverter& c, const std::vector<float>& in, int inCh, int outCh) {
    c.put(in.data(), in.size() / size_t(inCh));
    c.flush();
    std::vector<float> out(c.available() * size_t(outCh));
    CHECK(c.get(out.data(), c.available()) * size_t(outCh) == out.size());
    return out;
}

} // namespace

TEST_CASE("Channel conversion matches SDL_AudioStream's, to mono and to stereo") {
    const int rate = 48000;
    const size_t frames = 1000;
    for (int outCh : {1, 2}) {
        for (int inCh = 1; inCh <= 8; ++inCh) {
            INFO(inCh << " -> " << outCh << " channels");
            auto in = noise(frames * size_t(inCh), unsigned(inCh * 10 + outCh));
            FormatConverter c(inCh, rate, outCh, rate, "noise");
            CHECK(c.ratio() == 1.0);
            auto ours = viaConverter(c, in, inCh, outCh);
            auto sdl = viaSdl(in, inCh, outCh, rate);
            REQUIRE(ours.size() == frames * size_t(outCh));
            REQUIRE(sdl.size() == ours.size());
            float worst = 0;
            for (size_t i = 0; i < ours.size(); ++i) worst = std::max(worst, std::abs(ours[i] - sdl[i]));
            CHECK(worst <= 1e-6f);
        }
    }
}

TEST_CASE("More than 8 input channels are refused, naming the file, as SDL_AudioStream refused them") {
    CHECK_THROWS_WITH(FormatConverter(9, 48000, 2, 48000, "many.ogg"),
                      Catch::Contains("many.ogg: cannot convert to the device format: 9 channels"));
    CHECK(SDL_NewAudioStream(AUDIO_F32SYS, 9, 48000, AUDIO_F32SYS, 2, 48000) == nullptr);
}

TEST_CASE("Equal formats pass through unchanged and nothing is held back") {
    auto in = noise(2 * 300, 7);
    FormatConverter c(2, 44100, 2, 44100, "noise");
    c.put(in.data(), 300);
    REQUIRE(c.available() == 300); // before flush(): no look-ahead at equal rates
    std::vector<float> out(in.size());
    CHECK(c.get(out.data(), 1000) == 300);
    CHECK(out == in);
    CHECK(c.available() == 0);
}

TEST_CASE("Rate conversion keeps the time map, in one step and beyond libsamplerate's 256:1") {
    // A 1 Hz-per-100-frames ramp would do, but a slow sine checks level too.
    struct Case {
        int inRate, outRate;
    };
    for (Case k : {Case{24000, 48000}, Case{44100, 48000}, Case{100, 48000}}) {
        INFO(k.inRate << " Hz -> " << k.outRate << " Hz");
        CHECK(la::media::Resampler::supports(k.inRate, k.outRate) == (k.inRate != 100));
        const size_t inFrames = size_t(k.inRate) * 2; // two seconds
        std::vector<float> in(inFrames);
        const double hz = 2.0; // far below every Nyquist here
        for (size_t i = 0; i < inFrames; ++i) in[i] = float(0.5 * std::sin(2 * M_PI * hz * double(i) / k.inRate));
        FormatConverter c(1, k.inRate, 2, k.outRate, "sine");
        CHECK(c.ratio() == Approx(double(k.outRate) / k.inRate));
        // Fed in uneven pieces, as the engine does.
        for (size_t done = 0; done < inFrames;) {
            size_t n = std::min<size_t>(inFrames - done, 37 + done % 500);
            c.put(in.data() + done, n);
            done += n;
        }
        c.flush();
        const size_t outFrames = c.available();
        CHECK(double(outFrames) == Approx(double(inFrames) * c.ratio()).margin(4));
        std::vector<float> out(outFrames * 2);
        REQUIRE(c.get(out.data(), outFrames) == outFrames);
        // Away from the edges (filter start-up), frame k is the input at k / outRate.
        double worst = 0;
        for (size_t f = outFrames / 10; f < outFrames * 9 / 10; ++f) {
            const double expect = 0.5 * std::sin(2 * M_PI * hz * double(f) / k.outRate);
            worst = std::max({worst, std::abs(out[2 * f] - expect), std::abs(out[2 * f + 1] - expect)});
        }
        CHECK(worst < 2e-3);
    }
}

TEST_CASE("After clear() the converter starts a new time line") {
    FormatConverter c(1, 24000, 2, 48000, "x");
    std::vector<float> in(2400, 0.25f);
    c.put(in.data(), in.size());
    CHECK(c.available() > 0);
    c.clear();
    CHECK(c.available() == 0);
    c.put(in.data(), in.size());
    c.flush();
    CHECK(double(c.available()) == Approx(4800).margin(4));
}
