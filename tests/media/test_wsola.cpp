// Properties of the WSOLA time-stretcher that do not depend on timing:
// duration, pitch, bit-exact 1.0x, bounds, continuity across speed changes,
// the time map (latencyInputFrames) and reset(). Speeds cover the whole
// supported range, 0.25-4x (`listenalong render`, round trips such as 3x then
// 1/3x), not only the player's 0.5-3x.
#include "media/wsola.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <random>
#include <vector>

using la::media::Wsola;

namespace {

constexpr int kRate = 44100;

std::vector<float> sine(double freq, double seconds, int channels, double amp = 0.5, double phase = 0) {
    const size_t frames = size_t(seconds * kRate);
    std::vector<float> v(frames * size_t(channels));
    for (size_t i = 0; i < frames; ++i)
        for (int c = 0; c < channels; ++c)
            v[i * size_t(channels) + size_t(c)] =
                float((c ? 0.6 : 1.0) * amp * std::sin(2 * M_PI * freq * double(i) / kRate + phase + c));
    return v;
}

// A crude voiced "speech" signal: harmonics of a gliding 100-200 Hz pitch,
// amplitude-modulated at a syllable rate, with short pauses.
std::vector<float> voice(double seconds, int channels) {
    const size_t frames = size_t(seconds * kRate);
    std::vector<float> v(frames * size_t(channels));
    double phase = 0;
    for (size_t i = 0; i < frames; ++i) {
        const double t = double(i) / kRate;
        phase += 2 * M_PI * (150 + 50 * std::sin(2 * M_PI * 0.9 * t)) / kRate;
        const double env = std::max(0.0, std::sin(2 * M_PI * 3 * t));
        double x = 0;
        for (int h = 1; h <= 10; ++h) x += std::sin(h * phase) / h;
        for (int c = 0; c < channels; ++c) v[i * size_t(channels) + size_t(c)] = float(0.25 * env * x * (c ? 0.7 : 1.0));
    }
    return v;
}

std::vector<float> noise(size_t frames, int channels, unsigned seed = 1) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-0.9f, 0.9f);
    std::vector<float> v(frames * size_t(channels));
    for (auto& x : v) x = d(rng);
    return v;
}

// Feeds all of `in` in chunks of varying size (as a decoder would), pulls in
// chunks of another varying size, then drains. `onPull` may change the speed.
template <class OnPull>
std::vector<float> run(Wsola& w, const std::vector<float>& in, OnPull onPull) {
    const size_t ch = size_t(w.channels()), frames = in.size() / ch;
    std::vector<float> out, block(3000 * ch);
    size_t fed = 0, pulls = 0;
    const size_t feedSizes[] = {1024, 7, 333, 2048, 1};
    const size_t pullSizes[] = {512, 1, 1500, 64, 3000};
    for (;;) {
        onPull(w, out.size() / ch);
        const size_t want = pullSizes[pulls++ % 5];
        const size_t got = w.pull(block.data(), want);
        REQUIRE(got <= want);
        out.insert(out.end(), block.begin(), block.begin() + std::ptrdiff_t(got * ch));
        if (got > 0) continue;
        if (fed == frames) break;
        const size_t n = std::min(feedSizes[pulls % 5], frames - fed);
        const size_t taken = w.feed(in.data() + fed * ch, n);
        REQUIRE(taken > 0); // pull() returned nothing, so feed() must make room
        fed += taken;
    }
    w.endOfInput();
    for (;;) {
        onPull(w, out.size() / ch);
        const size_t got = w.pull(block.data(), 777);
        if (got == 0) break;
        out.insert(out.end(), block.begin(), block.begin() + std::ptrdiff_t(got * ch));
    }
    return out;
}

std::vector<float> run(Wsola& w, const std::vector<float>& in) {
    return run(w, in, [](Wsola&, size_t) {});
}

std::vector<float> channel(const std::vector<float>& v, int channels, int c) {
    std::vector<float> m(v.size() / size_t(channels));
    for (size_t i = 0; i < m.size(); ++i) m[i] = v[i * size_t(channels) + size_t(c)];
    return m;
}

// Frequency from upward zero crossings (linearly interpolated) over the middle
// 80 % of the signal: total cycles / time, so phase jumps at splices average out.
double zeroCrossingFrequency(const std::vector<float>& x) {
    const size_t a = x.size() / 10, b = x.size() - x.size() / 10;
    double first = -1, last = -1;
    long cycles = -1;
    for (size_t i = a; i + 1 < b; ++i) {
        if (x[i] < 0 && x[i + 1] >= 0) {
            const double t = double(i) + double(x[i]) / double(x[i] - x[i + 1]);
            if (first < 0) first = t;
            last = t;
            ++cycles;
        }
    }
    REQUIRE(cycles > 10);
    return double(cycles) * kRate / (last - first);
}

} // namespace

TEST_CASE("wsola: output lasts input / speed", "[wsola]") {
    for (int channels : {1, 2}) {
        const auto in = voice(3.0, channels);
        const double inFrames = double(in.size() / size_t(channels));
        for (double s : {Wsola::kMinSpeed, 1 / 3.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, Wsola::kMaxSpeed}) {
            Wsola w(channels, kRate);
            w.setSpeed(s);
            const auto out = run(w, in);
            const double outFrames = double(out.size() / size_t(channels));
            INFO("channels " << channels << " speed " << s << " frames " << outFrames);
            CHECK(outFrames == Approx(inFrames / s).epsilon(0.005));
            CHECK(std::abs(outFrames - inFrames / s) <= 1.0); // in fact exact to a frame
        }
    }
}

TEST_CASE("wsola: a 440 Hz sine keeps its pitch", "[wsola]") {
    const double f0 = 440.0;
    for (int channels : {1, 2}) {
        const auto in = sine(f0, 3.0, channels);
        for (double s : {Wsola::kMinSpeed, 1 / 3.0, 0.5, 1.5, 2.0, 3.0, Wsola::kMaxSpeed}) {
            Wsola w(channels, kRate);
            w.setSpeed(s);
            const auto out = run(w, in);
            for (int c = 0; c < channels; ++c) {
                const double f = zeroCrossingFrequency(channel(out, channels, c));
                INFO("channels " << channels << " channel " << c << " speed " << s << " f " << f);
                CHECK(std::abs(f / f0 - 1) < 0.001);
            }
        }
    }
}

TEST_CASE("wsola: the pitch measurement itself is accurate", "[wsola]") {
    // Plain resampling by 1.5 (what a stretcher must not do) would be caught,
    // and a 0.05 % detuning is resolved.
    CHECK(zeroCrossingFrequency(sine(660, 2.0, 1)) == Approx(660).epsilon(0.00002));
    CHECK(std::abs(zeroCrossingFrequency(sine(440 * 1.0005, 2.0, 1)) / 440 - 1) == Approx(0.0005).epsilon(0.05));
}

TEST_CASE("wsola: 1.0x is bit-exact pass-through", "[wsola]") {
    for (int channels : {1, 2}) {
        const auto in = noise(50000, channels);
        Wsola w(channels, kRate);
        REQUIRE(w.speed() == 1.0);
        const auto out = run(w, in);
        REQUIRE(out.size() == in.size());
        CHECK(std::memcmp(out.data(), in.data(), in.size() * sizeof(float)) == 0);
    }
}

TEST_CASE("wsola: back at 1.0x, output is bit-exact input again after one crossfade", "[wsola]") {
    for (int channels : {1, 2}) {
        const size_t ch = size_t(channels);
        const auto in = noise(80000, channels, 7);
        Wsola w(channels, kRate);
        w.setSpeed(1.7);
        size_t switchedAt = 0;
        const auto out = run(w, in, [&](Wsola& st, size_t produced) {
            if (switchedAt == 0 && produced >= 20000) {
                st.setSpeed(1.0);
                switchedAt = produced;
            }
        });
        REQUIRE(switchedAt > 0);
        // At most one hop (the crossfade in progress) after the switch, output
        // is a verbatim copy of a stretch of input: find where it starts.
        const size_t from = switchedAt + size_t(w.hopFrames());
        const float* probe = out.data() + from * ch;
        size_t match = SIZE_MAX;
        for (size_t j = 0; j + 64 <= in.size() / ch; ++j)
            if (std::memcmp(in.data() + j * ch, probe, 64 * ch * sizeof(float)) == 0) {
                match = j;
                break;
            }
        REQUIRE(match != SIZE_MAX);
        // ... and it stays verbatim to the end of the input, with no gap or
        // jump. (The time map may end a little later than the copy when the
        // splice before the switch landed after the ideal position: silence.)
        const size_t rest = std::min(out.size() / ch - from, in.size() / ch - match);
        REQUIRE(rest > 30000);
        CHECK(std::memcmp(in.data() + match * ch, probe, rest * ch * sizeof(float)) == 0);
        CHECK(std::all_of(out.begin() + std::ptrdiff_t((from + rest) * ch), out.end(), [](float x) { return x == 0; }));
        // The time map is continuous too: the copy sits where the nominal
        // position says, within the search range.
        const double nominal = double(switchedAt) * 1.7 + double(from - switchedAt);
        CHECK(std::abs(double(match) - nominal) <= w.searchFrames() + 2.0 * w.hopFrames());
    }
}

TEST_CASE("wsola: no NaN and no added clipping at any speed", "[wsola]") {
    // Full-scale material: loud noise bursts and a sine clipped at +-1.
    auto in = noise(30000, 2, 3);
    const auto s = sine(300, 30000.0 / kRate, 2, 1.4);
    for (size_t i = 0; i < in.size(); ++i) in[i] = std::clamp((i / 8000) % 2 ? s[i] : in[i] / 0.9f, -1.0f, 1.0f);
    for (double speed : {Wsola::kMinSpeed, 1 / 3.0, 0.5, 0.8, 1.0, 1.3, 2.2, 3.0, 3.5, Wsola::kMaxSpeed}) {
        Wsola w(2, kRate);
        w.setSpeed(speed);
        const auto out = run(w, in);
        bool finite = std::all_of(out.begin(), out.end(), [](float x) { return std::isfinite(x); });
        float peak = 0;
        for (float x : out) peak = std::max(peak, std::abs(x));
        INFO("speed " << speed);
        CHECK(finite);
        CHECK(peak <= 1.0f + 1e-6f); // crossfade weights sum to 1: at most float rounding
    }
}

TEST_CASE("wsola: a NaN speed is ignored, out-of-range speeds are clamped", "[wsola]") {
    {
        Wsola w(1, kRate);
        w.setSpeed(std::nan(""));
        CHECK(w.speed() == 1.0);
        w.setSpeed(10);
        CHECK(w.speed() == Wsola::kMaxSpeed);
        w.setSpeed(0.1);
        CHECK(w.speed() == Wsola::kMinSpeed);
        w.setSpeed(1 / 3.0); // the return pass of a 3x round trip is not clamped
        CHECK(w.speed() == 1 / 3.0);
        CHECK(Wsola::kMinSpeed <= 1 / 3.0);
        CHECK(Wsola::kMaxSpeed >= 1 / 0.5);
    }
}

TEST_CASE("wsola: speed changes mid-stream cause no click, gap or jump", "[wsola]") {
    const double amp = 0.5, f0 = 220;
    const double maxSlope = amp * 2 * M_PI * f0 / kRate; // largest |x[i+1] - x[i]| of the sine itself
    for (int channels : {1, 2}) {
        const auto in = sine(f0, 6.0, channels, amp);
        const double speeds[] = {1.0, 2.5, 0.5, 1.0, 3.0, 0.75, 1.0, 1.25, Wsola::kMaxSpeed, Wsola::kMinSpeed, 1.0};
        const size_t count = std::size(speeds);
        Wsola w(channels, kRate);
        size_t next = 0;
        const auto out = run(w, in, [&](Wsola& st, size_t produced) {
            if (produced >= next * 9000 && next < count) st.setSpeed(speeds[next++]);
        });
        REQUIRE(next == count);
        const auto x = channel(out, channels, 0);
        double worst = 0;
        for (size_t i = 0; i + 1 < x.size(); ++i) worst = std::max(worst, double(std::abs(x[i + 1] - x[i])));
        INFO("channels " << channels << " worst step " << worst << " sine's max step " << maxSlope);
        CHECK(worst <= maxSlope * 1.05);
        // No gap: every full period of output still reaches near the amplitude.
        const size_t period = size_t(kRate / f0) + 1;
        size_t quiet = 0;
        for (size_t i = 0; i + period < x.size() - period; i += period) {
            float peak = 0;
            for (size_t j = i; j < i + period; ++j) peak = std::max(peak, std::abs(x[j]));
            if (peak < 0.45f) ++quiet;
        }
        CHECK(quiet == 0);
    }
}

TEST_CASE("wsola: the continuity check catches a hard jump", "[wsola]") {
    const double amp = 0.5, f0 = 220;
    const double maxSlope = amp * 2 * M_PI * f0 / kRate;
    {
        auto x = sine(f0, 0.1, 1, amp);
        x.erase(x.begin() + 1000, x.begin() + 1050); // a 50-frame jump forward
        double worst = 0;
        for (size_t i = 0; i + 1 < x.size(); ++i) worst = std::max(worst, double(std::abs(x[i + 1] - x[i])));
        CHECK(worst > maxSlope * 1.05);
    }
}

TEST_CASE("wsola: latencyInputFrames follows the time map", "[wsola]") {
    const auto in = voice(4.0, 1);
    SECTION("after feeding N and pulling M at speed s, N - latency == M * s") {
        for (double s : {Wsola::kMinSpeed, 0.5, 1.0, 1.5, 3.0, Wsola::kMaxSpeed}) {
            Wsola w(1, kRate);
            w.setSpeed(s);
            CHECK(w.latencyInputFrames() == 0);
            size_t fed = 0, pulled = 0;
            std::vector<float> block(700);
            while (fed < 100000) {
                const size_t got = w.pull(block.data(), 700);
                pulled += got;
                if (got == 0) fed += w.feed(in.data() + fed, 1000);
                INFO("speed " << s << " fed " << fed << " pulled " << pulled);
                REQUIRE(double(fed) - w.latencyInputFrames() == Approx(double(pulled) * s).margin(1e-6));
            }
            CHECK(pulled > 0);
            CHECK(w.latencyInputFrames() >= 0);
        }
    }
    SECTION("speed changes move the position at the new rate from the next pull") {
        Wsola w(1, kRate);
        w.setSpeed(2.0);
        std::vector<float> block(1000);
        size_t fed = 0;
        auto pullExactly = [&](size_t n) {
            size_t got = 0;
            while (got < n) {
                const size_t g = w.pull(block.data(), std::min<size_t>(n - got, block.size()));
                got += g;
                if (g == 0) fed += w.feed(in.data() + fed, 1024);
            }
        };
        pullExactly(10000);
        CHECK(double(fed) - w.latencyInputFrames() == Approx(20000));
        w.setSpeed(0.5);
        pullExactly(4000);
        CHECK(double(fed) - w.latencyInputFrames() == Approx(22000));
        w.setSpeed(1.0);
        pullExactly(3000);
        CHECK(double(fed) - w.latencyInputFrames() == Approx(25000));
    }
    SECTION("drained after endOfInput: nothing is latent") {
        Wsola w(1, kRate);
        w.setSpeed(1.5);
        run(w, in);
        CHECK(w.latencyInputFrames() == Approx(0).margin(1e-9));
    }
    SECTION("the audio heard is the audio at the reported position") {
        // Input is a ramp, so each output value tells which input frame it
        // came from. It must stay within the search range (+ a hop of
        // crossfade) of the nominal position M * s.
        std::vector<float> ramp(kRate);
        for (size_t i = 0; i < ramp.size(); ++i) ramp[i] = float(double(i) / kRate);
        for (double s : {Wsola::kMinSpeed, 1 / 3.0, 0.5, 2.0, 3.0, Wsola::kMaxSpeed}) {
            Wsola w(1, kRate);
            w.setSpeed(s);
            const auto out = run(w, ramp);
            double worst = 0;
            // (The last window of output may fade into the silence after the end.)
            const size_t stop = size_t(std::max(0.0, (kRate - 2.0 * w.windowFrames()) / s));
            for (size_t m = 0; m < stop; m += 37) {
                const double from = double(out[m]) * kRate;
                const double nominal = std::min(double(m) * s, double(kRate - 1));
                worst = std::max(worst, std::abs(from - nominal));
            }
            INFO("speed " << s << " worst offset " << worst << " frames");
            CHECK(worst <= w.searchFrames() + 0.5 * w.hopFrames() * std::abs(s - 1) + 2);
            CHECK(worst < 0.02 * kRate); // 20 ms
        }
    }
}

TEST_CASE("wsola: reset() after a seek forgets the old audio", "[wsola]") {
    const auto a = voice(2.0, 2);
    const auto b = noise(40000, 2, 11);
    Wsola fresh(2, kRate);
    fresh.setSpeed(1.5);
    const auto expected = run(fresh, b);

    Wsola w(2, kRate);
    w.setSpeed(1.5);
    std::vector<float> block(2 * 500);
    w.feed(a.data(), 30000);
    REQUIRE(w.pull(block.data(), 500) == 500);
    REQUIRE(w.latencyInputFrames() > 0);
    w.reset();
    CHECK(w.speed() == 1.5);
    CHECK(w.latencyInputFrames() == 0);
    CHECK(w.pull(block.data(), 500) == 0); // nothing old left to play
    const auto out = run(w, b);
    REQUIRE(out.size() == expected.size());
    CHECK(std::memcmp(out.data(), expected.data(), out.size() * sizeof(float)) == 0);
    // Also after endOfInput (a seek after playing to the end).
    w.reset();
    const auto again = run(w, b);
    REQUIRE(again.size() == expected.size());
    CHECK(std::memcmp(again.data(), expected.data(), again.size() * sizeof(float)) == 0);
}

TEST_CASE("wsola: any sample rate, mono and stereo", "[wsola]") {
    for (int rate : {8000, 16000, 22050, 48000, 96000}) {
        for (int channels : {1, 2}) {
            Wsola w(channels, rate);
            w.setSpeed(2.0);
            std::vector<float> in(size_t(rate) * size_t(channels));
            for (size_t i = 0; i < in.size() / size_t(channels); ++i)
                for (int c = 0; c < channels; ++c) in[i * size_t(channels) + size_t(c)] = float(0.5 * std::sin(2 * M_PI * 300 * double(i) / rate));
            const auto out = run(w, in);
            INFO("rate " << rate << " channels " << channels);
            CHECK(double(out.size() / size_t(channels)) == Approx(rate / 2.0).margin(1));
            CHECK(std::all_of(out.begin(), out.end(), [](float x) { return std::isfinite(x) && std::abs(x) <= 0.5f + 1e-6f; }));
        }
    }
}
