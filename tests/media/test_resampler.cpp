// The engine's sample-rate converter: exact output length and time map, tones
// kept (no images, no aliases), the same output whatever the chunking, and a
// look-ahead of a few input frames only (what keeps speed changes prompt).
// The converter is libsamplerate; these pin down what the engine relies on.
#include "media/resampler.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

using la::media::Resampler;

namespace {

std::vector<float> tone(double freq, int rate, size_t frames, int channels = 1, double amp = 0.5) {
    std::vector<float> v(frames * size_t(channels));
    for (size_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c) v[i * size_t(channels) + size_t(c)] = float(amp * std::sin(2 * M_PI * freq * double(i) / rate + c));
    return v;
}

// Puts `in` in chunks of varying size, getting output in between, then flushes.
std::vector<float> convert(Resampler& r, const std::vector<float>& in, int channels, size_t chunk = 0) {
    const size_t ch = size_t(channels), frames = in.size() / ch;
    std::vector<float> out, buf(700 * ch);
    const size_t sizes[] = {512, 3, 1000, 77, 1};
    size_t fed = 0, i = 0;
    auto drain = [&] {
        while (size_t n = r.get(buf.data(), 700)) out.insert(out.end(), buf.begin(), buf.begin() + std::ptrdiff_t(n * ch));
    };
    while (fed < frames) {
        const size_t n = std::min(chunk ? chunk : sizes[i++ % 5], frames - fed);
        r.put(in.data() + fed * ch, n);
        fed += n;
        drain();
    }
    r.flush();
    drain();
    return out;
}

// Amplitude of the component at `freq` (single-bin DFT over [from, to)).
double amplitudeAt(const std::vector<float>& x, int rate, double freq, size_t from, size_t to) {
    double re = 0, im = 0, wsum = 0;
    for (size_t i = from; i < to; ++i) {
        const double w = 0.5 - 0.5 * std::cos(2 * M_PI * double(i - from) / double(to - from)); // Hann
        re += w * x[i] * std::cos(2 * M_PI * freq * double(i) / rate);
        im += w * x[i] * std::sin(2 * M_PI * freq * double(i) / rate);
        wsum += w;
    }
    return 2 * std::hypot(re, im) / wsum;
}

} // namespace

TEST_CASE("resampler: which rate pairs it takes", "[resampler]") {
    CHECK(Resampler::supports(16000, 48000));
    CHECK(Resampler::supports(44100, 48000));
    CHECK(Resampler::supports(96000, 48000));
    CHECK(Resampler::supports(11025, 48000));
    CHECK_FALSE(Resampler::supports(48000, 48000)); // nothing to do
    CHECK_FALSE(Resampler::supports(0, 48000));
    CHECK(Resampler::supports(44057, 48000));        // any ratio up to 256:1
    CHECK_FALSE(Resampler::supports(100, 48000));    // 480:1: FormatConverter goes in two steps
}

TEST_CASE("resampler: N input frames give ceil(N * out / in) output frames, time-aligned", "[resampler]") {
    for (int in : {8000, 16000, 22050, 24000, 44100, 96000}) {
        const size_t frames = 12345;
        std::vector<float> ramp(frames);
        for (size_t i = 0; i < frames; ++i) ramp[i] = float(double(i) / frames);
        Resampler r(1, in, 48000);
        const auto out = convert(r, ramp, 1);
        INFO("input rate " << in);
        const double exact = double(frames) * 48000 / in;
        CHECK(std::abs(double(out.size()) - exact) <= 1.0);
        // Output frame k is input time k * in / 48000: a ramp stays on its line
        // (away from the ends, where the filter sees the zeros outside).
        double worst = 0;
        for (size_t k = out.size() / 10; k < out.size() * 9 / 10; ++k)
            worst = std::max(worst, std::abs(double(out[k]) - double(k) * in / 48000.0 / frames));
        CHECK(worst * frames < 0.05); // within 1/20 of an input frame (libsamplerate's interpolated filter)
    }
}

TEST_CASE("resampler: tones keep their level; images and aliases stay below -70 dB", "[resampler]") {
    struct Case { int in; double freq; double image; };
    // Upsampling: 16 kHz -> 48 kHz images a 3 kHz tone at 13 kHz; 44.1 kHz at 41.1 -> 6.9 kHz.
    // Downsampling: 96 kHz -> 48 kHz folds 30 kHz onto 18 kHz.
    for (Case c : {Case{16000, 3000, 13000}, Case{16000, 6000, 10000}, Case{44100, 3000, 6900}, Case{96000, 30000, 18000}}) {
        for (int channels : {1, 2}) {
            Resampler r(channels, c.in, 48000);
            const auto out = convert(r, tone(c.freq, c.in, size_t(c.in), channels), channels);
            std::vector<float> left(out.size() / size_t(channels));
            for (size_t i = 0; i < left.size(); ++i) left[i] = out[i * size_t(channels)];
            const size_t a = 4800, b = left.size() - 4800;
            INFO("in " << c.in << " Hz, tone " << c.freq << " Hz, channels " << channels);
            if (c.freq < 0.4 * std::min(c.in, 48000)) CHECK(amplitudeAt(left, 48000, c.freq, a, b) == Approx(0.5).epsilon(0.002));
            else CHECK(amplitudeAt(left, 48000, c.freq, a, b) < 0.5 * 1e-3); // above the output's Nyquist: removed
            CHECK(20 * std::log10(amplitudeAt(left, 48000, c.image, a, b) / 0.5) < -70);
        }
    }
}

TEST_CASE("resampler: the output does not depend on how input is chunked", "[resampler]") {
    const auto in = tone(440, 44100, 20000, 2);
    Resampler a(2, 44100, 48000), b(2, 44100, 48000);
    const auto x = convert(a, in, 2), y = convert(b, in, 2, 4096);
    REQUIRE(x.size() == y.size());
    CHECK(x == y);
    a.clear(); // and again from a clean start
    CHECK(convert(a, in, 2, 1) == x);
}

TEST_CASE("resampler: only a few input frames are held back", "[resampler]") {
    // What a speed change waits behind: SDL 2.26's converter held 512.
    for (int in : {16000, 24000, 44100}) {
        Resampler r(1, in, 48000);
        const auto x = tone(200, in, 1000);
        r.put(x.data(), 1000);
        const double covered = double(r.available()) * in / 48000.0;
        INFO("input rate " << in << ": output covers " << covered << " of 1000 input frames");
        CHECK(covered >= 1000 - 64);
        CHECK(covered <= 1000);
    }
}

TEST_CASE("resampler: silence in, silence out; DC in, the same DC out", "[resampler]") {
    Resampler r(1, 22050, 48000);
    std::vector<float> dc(5000, 0.25f);
    const auto out = convert(r, dc, 1);
    double worst = 0;
    for (size_t k = 100; k + 100 < out.size(); ++k) worst = std::max(worst, std::abs(double(out[k]) - 0.25));
    CHECK(worst < 1e-5);
}
