// Voice boost: bit-exact when off, quiet words raised toward loud ones, no
// pumping on steady sound, the noise floor and silence not raised, the
// speech-band EQ, click-free on/off, and reset() equal to a fresh instance.
// Levels are RMS dBFS; a sine at -19 dBFS RMS has peaks at -16 dBFS.
#include "media/voice_boost.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using la::media::VoiceBoost;

namespace {

double amplitude(double dbRms) { return std::pow(10.0, dbRms / 20.0) * std::sqrt(2.0); }

/// Appends `seconds` of a `hz` sine at `dbRms` (the same in every channel;
/// silence for dbRms = -inf), continuing the running phase `n` (frames).
void appendTone(std::vector<float>& v, int channels, int rate, double hz, double dbRms, double seconds, size_t& n) {
    const double a = std::isinf(dbRms) ? 0.0 : amplitude(dbRms);
    const size_t frames = size_t(std::lround(seconds * rate));
    for (size_t i = 0; i < frames; ++i, ++n)
        for (int c = 0; c < channels; ++c) v.push_back(float(a * std::sin(2 * M_PI * hz * double(n) / rate)));
}

std::vector<float> tone(int channels, int rate, double hz, double dbRms, double seconds) {
    std::vector<float> v;
    size_t n = 0;
    appendTone(v, channels, rate, hz, dbRms, seconds, n);
    return v;
}

std::vector<float> whiteNoise(int channels, int rate, double dbRms, double seconds, unsigned seed = 1) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> g(0.0, std::pow(10.0, dbRms / 20.0));
    std::vector<float> v(size_t(seconds * rate) * size_t(channels));
    for (float& x : v) x = float(g(rng));
    return v;
}

/// Processes `in` in blocks of varying size (as the decoder delivers them).
std::vector<float> run(VoiceBoost& vb, const std::vector<float>& in, int channels) {
    std::vector<float> out(in.size());
    const size_t frames = in.size() / size_t(channels), sizes[] = {512, 1, 333, 4096, 64};
    for (size_t f = 0, k = 0; f < frames; ++k) {
        const size_t n = std::min(sizes[k % 5], frames - f);
        vb.process(in.data() + f * size_t(channels), out.data() + f * size_t(channels), n);
        f += n;
    }
    return out;
}

/// RMS in dB over frames [from, to) of every channel.
double rmsDb(const std::vector<float>& v, int channels, int rate, double from, double to) {
    const size_t a = size_t(from * rate) * size_t(channels), b = size_t(to * rate) * size_t(channels);
    double sum = 0;
    for (size_t i = a; i < b; ++i) sum += double(v[i]) * v[i];
    return 10.0 * std::log10(sum / double(b - a) + 1e-30);
}

double maxStep(const std::vector<float>& v, int channels, size_t fromFrame = 0) {
    double m = 0;
    for (size_t i = (fromFrame + 1) * size_t(channels); i < v.size(); ++i) m = std::max(m, double(std::abs(v[i] - v[i - size_t(channels)])));
    return m;
}

} // namespace

TEST_CASE("VoiceBoost: off, output is bit-exact input (mono and stereo, 44.1 and 16 kHz)") {
    for (int channels : {1, 2})
        for (int rate : {44100, 16000}) {
            INFO(channels << " channel(s), " << rate << " Hz");
            std::vector<float> in = whiteNoise(channels, rate, -20.0, 1.0);
            std::vector<float> t = tone(channels, rate, 3000.0, -10.0, 1.0);
            for (size_t i = 0; i < in.size(); ++i) in[i] += t[i];
            in[100] = 1.0f, in[101] = -1.0f, in[102] = 1e-40f; // full scale, a denormal

            VoiceBoost off(channels, rate);
            off.setEnabled(false);
            off.reset(); // ends the 20 ms glide from "on" (the default)
            std::vector<float> out = run(off, in, channels);
            CHECK(std::memcmp(out.data(), in.data(), in.size() * sizeof(float)) == 0);

            // In place, and switched off while on: bit-exact once the 20 ms glide is over.
            VoiceBoost switched(channels, rate);
            switched.setEnabled(false);
            std::vector<float> buf = in;
            switched.process(buf.data(), buf.data(), buf.size() / size_t(channels));
            const size_t glide = size_t(0.021 * rate) * size_t(channels);
            CHECK(std::memcmp(buf.data() + glide, in.data() + glide, (in.size() - glide) * sizeof(float)) == 0);
            CHECK(std::memcmp(buf.data(), in.data(), glide * sizeof(float)) != 0); // the glide did cross-fade
        }
}

TEST_CASE("VoiceBoost: a quiet word 16 dB below a loud one comes out at most 10 dB below it") {
    const int rate = 44100, channels = 2;
    const double loudDb = -19.0, quietDb = -35.0, word = 0.4, gap = 0.15;
    std::vector<float> in;
    size_t n = 0;
    const int pairs = 6;
    for (int i = 0; i < pairs; ++i) {
        appendTone(in, channels, rate, 1000.0, loudDb, word, n);
        appendTone(in, channels, rate, 1000.0, -INFINITY, gap, n);
        appendTone(in, channels, rate, 1000.0, quietDb, word, n);
        appendTone(in, channels, rate, 1000.0, -INFINITY, gap, n);
    }
    VoiceBoost vb(channels, rate);
    vb.setReferenceDb(loudDb);
    std::vector<float> out = run(vb, in, channels);

    // Each word's middle (100-300 ms), every pair but the first.
    const double period = 2 * (word + gap);
    double inLoud = 0, inQuiet = 0, outLoud = 0, outQuiet = 0;
    for (int i = 1; i < pairs; ++i) {
        const double loud = i * period, quiet = loud + word + gap;
        inLoud += rmsDb(in, channels, rate, loud + 0.1, loud + 0.3) / (pairs - 1);
        inQuiet += rmsDb(in, channels, rate, quiet + 0.1, quiet + 0.3) / (pairs - 1);
        outLoud += rmsDb(out, channels, rate, loud + 0.1, loud + 0.3) / (pairs - 1);
        outQuiet += rmsDb(out, channels, rate, quiet + 0.1, quiet + 0.3) / (pairs - 1);
    }
    INFO("in: loud " << inLoud << ", quiet " << inQuiet << "; out: loud " << outLoud << ", quiet " << outQuiet);
    REQUIRE(inLoud - inQuiet == Approx(16.0).margin(0.05));
    CHECK(outLoud - outQuiet <= 10.0);
    CHECK(outLoud - outQuiet >= 4.0);                  // 2:1, not flattened or inverted
    CHECK(outLoud == Approx(inLoud).margin(1.5));       // words at the reference keep their level
}

TEST_CASE("VoiceBoost: the gain never steps, not even when a loud word follows silence") {
    const int rate = 44100;
    std::vector<float> in;
    size_t n = 0;
    appendTone(in, 1, rate, 1000.0, -40.0, 0.5, n);
    appendTone(in, 1, rate, 1000.0, -INFINITY, 0.2, n);
    appendTone(in, 1, rate, 1000.0, -5.0, 0.5, n); // 14 dB above the reference
    appendTone(in, 1, rate, 1000.0, -30.0, 1.0, n);
    VoiceBoost vb(1, rate);
    float out;
    double prev = vb.gainDb(), maxDelta = 0, lo = 0, hi = 0;
    for (float x : in) {
        vb.process(&x, &out, 1);
        maxDelta = std::max(maxDelta, std::abs(vb.gainDb() - prev));
        prev = vb.gainDb();
        lo = std::min(lo, prev), hi = std::max(hi, prev);
    }
    INFO("largest change per frame " << maxDelta << " dB; gain range " << lo << " .. " << hi << " dB");
    CHECK(maxDelta < 0.05);
    CHECK(lo < -4.0); // the loud word was turned down ...
    CHECK(hi > 4.0);  // ... and the quiet ones up
    CHECK(hi <= 10.5);
}

TEST_CASE("VoiceBoost: no pumping, a steady tone's level stays within 0.5 dB") {
    for (int rate : {44100, 16000}) {
        INFO(rate << " Hz");
        const int channels = 2;
        std::vector<float> in = tone(channels, rate, 1000.0, -25.0, 4.0);
        VoiceBoost vb(channels, rate);
        std::vector<float> out = run(vb, in, channels);
        double lo = 1e9, hi = -1e9;
        for (double t = 1.0; t + 0.01 <= 4.0 + 1e-9; t += 0.01) { // 10 ms is 10 whole periods
            const double db = rmsDb(out, channels, rate, t, t + 0.01);
            lo = std::min(lo, db), hi = std::max(hi, db);
        }
        INFO("per-10 ms level " << lo << " .. " << hi << " dB; gain " << vb.gainDb() << " dB");
        CHECK(hi - lo < 0.5);
        CHECK(vb.gainDb() == Approx(3.0).margin(0.5)); // 6 dB under the reference, 2:1
    }
}

TEST_CASE("VoiceBoost: the noise floor and silence are not raised") {
    const int rate = 44100;
    SECTION("white noise at -65 dBFS stays within 3 dB of its level") {
        for (int channels : {1, 2}) {
            std::vector<float> in = whiteNoise(channels, rate, -65.0, 5.0);
            VoiceBoost vb(channels, rate);
            std::vector<float> out = run(vb, in, channels);
            const double inDb = rmsDb(in, channels, rate, 1.0, 5.0), outDb = rmsDb(out, channels, rate, 1.0, 5.0);
            INFO(channels << " channel(s): in " << inDb << " dB, out " << outDb << " dB, gain " << vb.gainDb());
            CHECK(outDb < inDb + 3.0);
            CHECK(outDb > inDb - 3.0);
        }
    }
    SECTION("after quiet words, the boost of a long pause's noise returns to about 0 dB") {
        std::vector<float> in;
        size_t n = 0;
        appendTone(in, 1, rate, 1000.0, -35.0, 2.0, n);
        std::vector<float> noise = whiteNoise(1, rate, -65.0, 6.0);
        in.insert(in.end(), noise.begin(), noise.end());
        VoiceBoost vb(1, rate);
        std::vector<float> out = run(vb, in, 1);
        const double inDb = rmsDb(in, 1, rate, 6.0, 8.0), outDb = rmsDb(out, 1, rate, 6.0, 8.0);
        INFO("noise 4-6 s into the pause: in " << inDb << " dB, out " << outDb << " dB, gain " << vb.gainDb());
        CHECK(outDb < inDb + 3.0);
        CHECK(vb.gainDb() < 1.0);
        // ... but over a short gap (150 ms) the gain holds: the next word does not pump.
        VoiceBoost held(1, rate);
        run(held, std::vector<float>(in.begin(), in.begin() + rate * 2), 1);
        const double before = held.gainDb();
        run(held, std::vector<float>(noise.begin(), noise.begin() + rate * 15 / 100), 1);
        INFO("gain before the gap " << before << " dB, after " << held.gainDb() << " dB");
        CHECK(before > 7.0);
        CHECK(held.gainDb() > before - 1.5);
    }
    SECTION("digital silence stays exactly zero") {
        std::vector<float> in(size_t(rate) * 2 * 3, 0.0f);
        VoiceBoost vb(2, rate);
        std::vector<float> out = run(vb, in, 2);
        CHECK(std::all_of(out.begin(), out.end(), [](float x) { return x == 0.0f; }));
        // Also when the silence follows sound (the filters ring down, then flush to zero).
        VoiceBoost after(2, rate);
        std::vector<float> t = tone(2, rate, 1000.0, -19.0, 1.0);
        t.insert(t.end(), in.begin(), in.end());
        std::vector<float> o = run(after, t, 2);
        CHECK(std::all_of(o.end() - rate * 2, o.end(), [](float x) { return x == 0.0f; }));
    }
}

TEST_CASE("VoiceBoost: speech band, 3 kHz lifted, 40 Hz rumble cut, relative to 500 Hz") {
    for (int rate : {44100, 16000}) {
        // Each tone at the reference level on its own, settled: the compressor
        // is at (about) unity for all but the rumble, which the high-pass
        // takes below the reference before the detector sees it.
        auto through = [rate](double hz) {
            VoiceBoost vb(1, rate);
            vb.setReferenceDb(-19.0);
            std::vector<float> in = tone(1, rate, hz, -19.0, 3.0);
            std::vector<float> out = run(vb, in, 1);
            return rmsDb(out, 1, rate, 2.0, 3.0) - rmsDb(in, 1, rate, 2.0, 3.0);
        };
        const double g40 = through(40.0), g500 = through(500.0), g3k = through(3000.0);
        INFO(rate << " Hz: gain at 40 Hz " << g40 << " dB, 500 Hz " << g500 << " dB, 3 kHz " << g3k << " dB");
        CHECK(g3k - g500 >= 3.0);
        CHECK(g500 - g40 >= 6.0);
        CHECK(std::abs(g500) < 1.5); // speech at the reference keeps about its level
    }
}

TEST_CASE("VoiceBoost: switching on and off during a tone does not click") {
    const int rate = 44100, channels = 2;
    // A quiet tone, so the boosted signal is ~8 dB louder than the input: an
    // abrupt switch would jump by far more than the tone moves in a sample.
    std::vector<float> in = tone(channels, rate, 1000.0, -35.0, 3.0);
    VoiceBoost steady(channels, rate);
    const std::vector<float> on = run(steady, in, channels);
    const size_t settled = size_t(rate);
    const double bound = std::max(maxStep(in, channels), maxStep(on, channels, settled));

    VoiceBoost vb(channels, rate);
    std::vector<float> out(in.size());
    // Toggle every 64 frames at first (glides reversed mid-way), then every 0.25 s.
    size_t f = 0, frames = in.size() / channels;
    for (int k = 0; f < frames; ++k) {
        const size_t n = std::min(f < settled + 2000 ? size_t(64) : size_t(rate / 4), frames - f);
        if (f >= settled) vb.setEnabled(k % 2 == 0);
        vb.process(in.data() + f * channels, out.data() + f * channels, n);
        f += n;
    }
    const double step = maxStep(out, channels, settled);
    INFO("largest step while toggling " << step << ", the tone's own (off/on) " << maxStep(in, channels) << " / "
                                        << maxStep(on, channels, settled));
    CHECK(step <= bound * 1.05);
}

TEST_CASE("VoiceBoost: zero latency, and reset() gives what a fresh instance gives") {
    const int rate = 16000, channels = 2;
    // A click at frame 100 comes out at frame 100: nothing before it, something at it.
    std::vector<float> click(size_t(rate) * channels, 0.0f);
    click[100 * channels] = click[100 * channels + 1] = 0.5f;
    VoiceBoost z(channels, rate);
    std::vector<float> zo = run(z, click, channels);
    CHECK(std::all_of(zo.begin(), zo.begin() + 100 * channels, [](float x) { return x == 0.0f; }));
    CHECK(std::abs(zo[100 * channels]) > 0.1f);

    std::vector<float> a, b;
    size_t n = 0;
    appendTone(a, channels, rate, 700.0, -30.0, 1.0, n);
    appendTone(a, channels, rate, 700.0, -12.0, 0.5, n);
    appendTone(b, channels, rate, 2500.0, -40.0, 0.7, n);
    appendTone(b, channels, rate, 150.0, -20.0, 0.7, n);
    VoiceBoost used(channels, rate), fresh(channels, rate);
    used.setReferenceDb(-22.0), fresh.setReferenceDb(-22.0);
    run(used, a, channels);
    REQUIRE(used.gainDb() != 0.0);
    used.reset();
    CHECK(used.gainDb() == 0.0);
    const std::vector<float> x = run(used, b, channels), y = run(fresh, b, channels);
    CHECK(std::memcmp(x.data(), y.data(), x.size() * sizeof(float)) == 0);

    // Also mid-glide: reset() ends it where enabled() points.
    VoiceBoost off(channels, rate), offFresh(channels, rate);
    run(off, a, channels);
    off.setEnabled(false);
    off.reset();
    offFresh.setEnabled(false);
    offFresh.reset();
    const std::vector<float> p = run(off, b, channels), q = run(offFresh, b, channels);
    CHECK(std::memcmp(p.data(), q.data(), p.size() * sizeof(float)) == 0);
    CHECK(std::memcmp(p.data(), b.data(), b.size() * sizeof(float)) == 0);
}

TEST_CASE("VoiceBoost: block size does not change the output, and in place equals out of place") {
    const int rate = 44100, channels = 2;
    std::vector<float> in;
    size_t n = 0;
    appendTone(in, channels, rate, 440.0, -35.0, 0.5, n);
    appendTone(in, channels, rate, 440.0, -10.0, 0.5, n);
    VoiceBoost blocks(channels, rate), whole(channels, rate);
    const std::vector<float> a = run(blocks, in, channels);
    std::vector<float> b = in;
    whole.process(b.data(), b.data(), b.size() / channels);
    CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
}
