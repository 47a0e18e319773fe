// "Shorten pauses" (media/pause_shortener.h) on synthetic speech: "words" of
// 200-600 ms (200 Hz + 1 kHz tones or noise, -20 dBFS RMS, sharp onsets)
// separated by pauses of 0.2-3 s, mono 16 kHz and stereo 44.1 kHz, fed and
// pulled in random chunk sizes (1-4096 frames, log-uniform so small ones are
// common). What matters most is the time map: the player converts every
// output frame back to episode time through it, so it is checked frame by
// frame, not only at word onsets.
#include "media/pause_shortener.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <random>
#include <vector>

using la::media::PauseShortener;

// Counts heap allocations, so the 1-hour test can show that the shortener's
// steady state allocates nothing. A pass-through to malloc/free for every
// other test in this executable (all the usual forms are replaced together,
// so sanitizers see matching pairs).
namespace {
std::atomic<long long> gAllocations{0};
void* countedAlloc(std::size_t n) {
    gAllocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
} // namespace
void* operator new(std::size_t n) { return countedAlloc(n); }
void* operator new[](std::size_t n) { return countedAlloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    gAllocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    gAllocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n ? n : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

const bool kVerbose = std::getenv("LA_PS_VERBOSE") != nullptr; // print the measured figures

double dbToAmp(double db) { return std::pow(10.0, db / 20.0); }

enum class Background { Zero, Noise60, Hum55, Noise38 }; // Hum55: 47 Hz, -55 dBFS RMS; Noise38: a noisy room

struct Span {
    int64_t begin, end; // source frames [begin, end)
};

// Synthetic speech: lead silence, then word, pause, word, ... word, trailing silence.
struct Speech {
    int rate = 0, ch = 0;
    std::vector<float> x;      // interleaved
    std::vector<Span> words;   // true word extents
    int64_t frames() const { return int64_t(x.size()) / ch; }
};

Speech makeSpeech(int rate, int ch, const std::vector<double>& pauses, unsigned seed,
                  Background bg = Background::Zero, double lead = 0.25, double trail = 0.25,
                  double minWord = 0.2, double maxWord = 0.6) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> wordLen(minWord, maxWord);
    std::normal_distribution<double> gauss(0.0, 1.0);
    Speech s;
    s.rate = rate;
    s.ch = ch;
    int64_t t = int64_t(lead * rate);
    for (size_t w = 0; w <= pauses.size(); ++w) {
        const int64_t len = int64_t(wordLen(rng) * rate);
        s.words.push_back({t, t + len});
        t += len;
        if (w < pauses.size()) t += int64_t(pauses[w] * rate);
    }
    t += int64_t(trail * rate);
    s.x.assign(size_t(t) * size_t(ch), 0.0f);
    const double a = dbToAmp(-20.0); // per tone: the two together are -20 dBFS RMS
    for (size_t w = 0; w < s.words.size(); ++w) {
        const Span sp = s.words[w];
        for (int64_t i = sp.begin; i < sp.end; ++i) {
            const double tt = double(i - sp.begin) / rate;
            for (int c = 0; c < ch; ++c) {
                double v;
                if (w % 2 == 0) // tones, starting at their peak: a sharp onset
                    v = a * (std::cos(2 * M_PI * 200 * tt + c) + std::cos(2 * M_PI * 1000 * tt + 2 * c));
                else
                    v = 2 * a / std::sqrt(2.0) * gauss(rng); // noise at the same RMS
                if (c == 1) v *= 0.7;
                s.x[size_t(i) * size_t(ch) + size_t(c)] = float(v);
            }
        }
    }
    if (bg != Background::Zero) {
        const bool noise = bg != Background::Hum55;
        const double amp = bg == Background::Noise60 ? dbToAmp(-60.0)
                           : bg == Background::Noise38 ? dbToAmp(-38.0)
                                                        : dbToAmp(-55.0) * std::sqrt(2.0);
        for (int64_t i = 0; i < t; ++i)
            for (int c = 0; c < ch; ++c)
                s.x[size_t(i) * size_t(ch) + size_t(c)] +=
                    float(noise ? amp * gauss(rng) : amp * std::sin(2 * M_PI * 47.0 * double(i) / rate + c));
    }
    return s;
}

// Log-uniform 1..4096: small chunks are as common as large ones.
size_t randomChunk(std::mt19937& rng) {
    std::uniform_real_distribution<double> u(0.0, std::log(4097.0));
    return std::clamp<size_t>(size_t(std::exp(u(rng))), 1, 4096);
}

// What a run produced: the output, and for each output frame the source frame
// the map gave for it right after it was pulled (as the pipeline would ask).
struct Run {
    std::vector<float> out;
    std::vector<double> srcOf;
    std::vector<int64_t> cuts; // from nextCutAfter(), collected as output was pulled
    int64_t maxHeld = 0;
    bool deadlock = false;
    int64_t frames(int ch) const { return int64_t(out.size()) / ch; }
};

// Feeds [from, to) of `in` and pulls in random chunks; endOfInput() at the end
// when `end`. `forget`: trim the map as output is consumed.
void drive(PauseShortener& ps, const Speech& s, Run& r, std::mt19937& rng, int64_t from, int64_t to, bool end,
           bool forget = true, int64_t outBase = 0) {
    const size_t ch = size_t(s.ch);
    std::vector<float> buf(4096 * ch);
    int64_t fed = from;
    bool endSent = !end;
    for (;;) {
        bool progress = false;
        if (fed < to) {
            const size_t want = std::min<size_t>(randomChunk(rng), size_t(to - fed));
            const size_t took = ps.feed(&s.x[size_t(fed) * ch], want);
            fed += int64_t(took);
            progress |= took > 0;
        } else if (!endSent) {
            ps.endOfInput();
            endSent = true;
            progress = true;
        }
        r.maxHeld = std::max(r.maxHeld, ps.heldFrames());
        const size_t got = ps.pull(buf.data(), randomChunk(rng));
        progress |= got > 0;
        r.out.insert(r.out.end(), buf.begin(), buf.begin() + std::ptrdiff_t(got * ch));
        const int64_t outEnd = ps.outputFrames();
        for (int64_t o = outEnd - int64_t(got); o < outEnd; ++o) r.srcOf.push_back(ps.sourceFrameOf(o));
        // Every cut up to the last frame pulled must be known now.
        int64_t c = r.cuts.empty() || r.cuts.back() < outBase ? outBase - 1 : r.cuts.back();
        while ((c = ps.nextCutAfter(c)) != -1 && c < outEnd) r.cuts.push_back(c);
        if (forget) ps.forgetBefore(outEnd);
        if (fed == to && endSent && got == 0) break;
        if (!progress && fed == to && !end) break; // fed all of [from, to), output caught up
        if (!progress) {
            r.deadlock = true;
            break;
        }
    }
}

Run runAll(PauseShortener& ps, const Speech& s, unsigned seed, bool forget = true) {
    std::mt19937 rng(seed);
    Run r;
    drive(ps, s, r, rng, 0, s.frames(), true, forget);
    return r;
}

// Words found by level: a run of samples above `thr` (any channel) with at
// least 10 ms below it on either side.
std::vector<Span> findWords(const std::vector<float>& x, int ch, int rate, float thr = 0.01f) {
    std::vector<Span> w;
    const int64_t n = int64_t(x.size()) / ch, gap = rate / 100;
    auto loud = [&](int64_t i) {
        for (int c = 0; c < ch; ++c)
            if (std::abs(x[size_t(i) * size_t(ch) + size_t(c)]) > thr) return true;
        return false;
    };
    int64_t lastLoud = -gap - 1;
    for (int64_t i = 0; i < n; ++i) {
        if (!loud(i)) continue;
        if (i - lastLoud > gap) w.push_back({i, i + 1});
        w.back().end = i + 1;
        lastLoud = i;
    }
    return w;
}

// The definition, computed offline from the whole input: blocks from frame 0,
// runs of silent blocks, each run longer than M cut to 2K with the crossfade.
struct Reference {
    std::vector<float> out;
    std::vector<int64_t> srcOf;
    int64_t saved = 0;
};
Reference referenceShorten(const Speech& s, const PauseShortener& ps, double silenceDb) {
    const int64_t n = s.frames(), B = ps.blockFrames(), M = ps.minPauseFrames(), K = ps.keepFrames() / 2,
                  F = ps.fadeFrames();
    const size_t ch = size_t(s.ch);
    const double thr2 = std::pow(10.0, silenceDb / 10.0);
    std::vector<Span> cuts; // [headEnd, tailStart)
    int64_t runStart = -1;
    for (int64_t b = 0; b < n; b += B) {
        const int64_t len = std::min(B, n - b);
        double loudest = 0;
        for (size_t c = 0; c < ch; ++c) {
            double sum = 0;
            for (int64_t i = b; i < b + len; ++i) sum += double(s.x[size_t(i) * ch + c]) * s.x[size_t(i) * ch + c];
            loudest = std::max(loudest, sum);
        }
        const bool silent = loudest < thr2 * double(len);
        if (silent && runStart < 0) runStart = b;
        const int64_t runEnd = !silent ? b : b + len == n ? n : -1;
        if (runStart >= 0 && runEnd >= 0) {
            if (runEnd - runStart > M) cuts.push_back({runStart + K - F / 2, runEnd - K - F / 2});
            runStart = -1;
        }
    }
    Reference r;
    int64_t i = 0;
    for (const Span& cut : cuts) {
        for (; i < cut.begin; ++i) {
            r.srcOf.push_back(i);
            r.out.insert(r.out.end(), &s.x[size_t(i) * ch], &s.x[size_t(i + 1) * ch]);
        }
        for (int64_t p = 0; p < F; ++p) {
            const double t = (p + 0.5) / F;
            const float wi = float(std::sin(M_PI / 2 * t)), wo = float(std::cos(M_PI / 2 * t));
            for (size_t c = 0; c < ch; ++c)
                r.out.push_back(wo * s.x[size_t(cut.begin + p) * ch + c] + wi * s.x[size_t(cut.end + p) * ch + c]);
            r.srcOf.push_back(p < F / 2 ? cut.begin + p : cut.end + p);
        }
        r.saved += cut.end - cut.begin;
        i = cut.end + F;
    }
    for (; i < n; ++i) {
        r.srcOf.push_back(i);
        r.out.insert(r.out.end(), &s.x[size_t(i) * ch], &s.x[size_t(i + 1) * ch]);
    }
    return r;
}

struct Config {
    int rate, ch;
};
const Config kConfigs[] = {{16000, 1}, {44100, 2}};
const std::vector<double> kPauses = {0.2, 0.6, 1.5, 3.0, 0.2, 0.45, 3.0, 0.6, 1.5, 0.2};

} // namespace

TEST_CASE("PauseShortener: disabled, output is bit-exact input and the map is the identity") {
    for (const Config& cfg : kConfigs) {
        for (unsigned seed = 1; seed <= 3; ++seed) {
            INFO("rate " << cfg.rate << " channels " << cfg.ch << " seed " << seed);
            const Speech s = makeSpeech(cfg.rate, cfg.ch, kPauses, seed);
            PauseShortener ps(cfg.ch, cfg.rate);
            ps.setEnabled(false);
            const Run r = runAll(ps, s, seed);
            REQUIRE_FALSE(r.deadlock);
            REQUIRE(r.out.size() == s.x.size());
            CHECK(std::memcmp(r.out.data(), s.x.data(), s.x.size() * sizeof(float)) == 0);
            bool identity = true;
            for (size_t o = 0; o < r.srcOf.size(); ++o) identity &= r.srcOf[o] == double(o);
            CHECK(identity);
            CHECK(r.cuts.empty());
            CHECK(ps.savedFrames() == 0);
            CHECK(ps.heldFrames() == 0);
        }
    }
}

TEST_CASE("PauseShortener: pauses up to minPauseMs pass untouched, longer ones become keepMs; "
          "output length is input minus savedFrames()") {
    for (const Config& cfg : kConfigs) {
        for (unsigned seed = 1; seed <= 3; ++seed) {
            INFO("rate " << cfg.rate << " channels " << cfg.ch << " seed " << seed);
            const Speech s = makeSpeech(cfg.rate, cfg.ch, kPauses, seed);
            PauseShortener ps(cfg.ch, cfg.rate);
            const Run r = runAll(ps, s, seed + 100);
            REQUIRE_FALSE(r.deadlock);
            CHECK(r.frames(cfg.ch) == s.frames() - ps.savedFrames());
            CHECK(ps.heldFrames() == 0);

            const std::vector<Span> in = findWords(s.x, cfg.ch, cfg.rate);
            const std::vector<Span> out = findWords(r.out, cfg.ch, cfg.rate);
            REQUIRE(in.size() == s.words.size());
            REQUIRE(out.size() == in.size());
            const int64_t keep = ps.keepFrames(), block = ps.blockFrames();
            int64_t savedByGaps = (in.front().begin - out.front().begin) +
                                  ((s.frames() - in.back().end) - (r.frames(cfg.ch) - out.back().end));
            for (size_t w = 0; w + 1 < in.size(); ++w) {
                const int64_t gapIn = in[w + 1].begin - in[w].end, gapOut = out[w + 1].begin - out[w].end;
                INFO("pause " << kPauses[w] << " s: " << gapIn << " -> " << gapOut << " frames");
                if (kPauses[w] <= 0.5) {
                    CHECK(gapOut == gapIn);
                } else {
                    // 2K from the detected edges, which are block-aligned: the
                    // blocks holding the word's last and first samples are sound.
                    CHECK(gapOut >= keep);
                    CHECK(gapOut <= keep + 2 * block);
                }
                // Words themselves are never touched.
                CHECK(out[w].end - out[w].begin == in[w].end - in[w].begin);
                savedByGaps += gapIn - gapOut;
            }
            CHECK(savedByGaps == ps.savedFrames());
            if (kVerbose)
                std::printf("shorten: %d Hz x%d: %.2f s -> %.2f s, saved %.2f s\n", cfg.rate, cfg.ch,
                            double(s.frames()) / cfg.rate, double(r.frames(cfg.ch)) / cfg.rate,
                            double(ps.savedFrames()) / cfg.rate);
        }
    }
}

TEST_CASE("PauseShortener: the silence threshold follows the recording: pauses in a noisy room are found, a quiet "
          "speaker's words are not taken for pauses") {
    for (const Config& cfg : kConfigs) {
        INFO("rate " << cfg.rate << " channels " << cfg.ch);
        const Speech clean = makeSpeech(cfg.rate, cfg.ch, kPauses, 4);
        PauseShortener reference(cfg.ch, cfg.rate);
        runAll(reference, clean, 5);
        REQUIRE(reference.savedFrames() > 0);

        // Room noise at -38 dBFS RMS: nothing is below -45, yet the pauses are there.
        const Speech noisy = makeSpeech(cfg.rate, cfg.ch, kPauses, 4, Background::Noise38);
        PauseShortener fixed(cfg.ch, cfg.rate, {.followNoiseFloor = false});
        runAll(fixed, noisy, 5);
        CHECK(fixed.savedFrames() == 0); // the old fixed threshold: no pause found
        PauseShortener following(cfg.ch, cfg.rate);
        const Run r = runAll(following, noisy, 5);
        REQUIRE_FALSE(r.deadlock);
        CHECK(following.silenceThresholdDb() > -38);
        CHECK(following.silenceThresholdDb() <= -20 - 12 + 1); // well below the words
        // The same pauses cut as in the clean recording, give or take a block each.
        CHECK(std::abs(double(following.savedFrames() - reference.savedFrames())) <=
              double(kPauses.size() * size_t(2 * following.blockFrames())));
        const std::vector<Span> inWords = findWords(noisy.x, cfg.ch, cfg.rate, 0.1f);
        const std::vector<Span> outWords = findWords(r.out, cfg.ch, cfg.rate, 0.1f);
        CHECK(outWords.size() == inWords.size());

        // A speaker recorded 40 dB too quietly (words at -60 dBFS RMS): at a
        // fixed -45 every word is "silence" and words are cut away.
        Speech quiet = clean;
        for (float& v : quiet.x) v *= float(dbToAmp(-40));
        PauseShortener fixedQuiet(cfg.ch, cfg.rate, {.followNoiseFloor = false});
        const Run lost = runAll(fixedQuiet, quiet, 5);
        CHECK(findWords(lost.out, cfg.ch, cfg.rate, 0.0001f).size() < quiet.words.size());
        PauseShortener followingQuiet(cfg.ch, cfg.rate);
        const Run kept = runAll(followingQuiet, quiet, 5);
        CHECK(followingQuiet.silenceThresholdDb() < -65); // well below the words
        CHECK(findWords(kept.out, cfg.ch, cfg.rate, 0.0001f).size() == quiet.words.size());
        CHECK(std::abs(double(followingQuiet.savedFrames() - reference.savedFrames())) <= // the same cuts, 40 dB down
              double(kPauses.size() * size_t(2 * following.blockFrames())));
        if (kVerbose)
            std::printf("threshold: clean %.1f dBFS, noisy room %.1f dBFS (saved %.2f s, clean %.2f s), quiet %.1f dBFS\n",
                        reference.silenceThresholdDb(), following.silenceThresholdDb(),
                        double(following.savedFrames()) / cfg.rate, double(reference.savedFrames()) / cfg.rate,
                        followingQuiet.silenceThresholdDb());
    }
}

TEST_CASE("PauseShortener: streaming in any chunk sizes equals the offline definition, sample for sample") {
    for (const Config& cfg : kConfigs) {
        for (Background bg : {Background::Zero, Background::Noise60, Background::Hum55}) {
            const unsigned seed = 7 + unsigned(bg);
            INFO("rate " << cfg.rate << " channels " << cfg.ch << " background " << int(bg));
            const Speech s = makeSpeech(cfg.rate, cfg.ch, kPauses, seed, bg);
            PauseShortener ps(cfg.ch, cfg.rate);
            const Run r = runAll(ps, s, seed, /*forget=*/false);
            REQUIRE_FALSE(r.deadlock);
            const Reference ref = referenceShorten(s, ps, PauseShortener::Params{}.silenceDb);
            CHECK(ps.savedFrames() == ref.saved);
            REQUIRE(r.out.size() == ref.out.size());
            size_t mismatches = 0;
            for (size_t i = 0; i < r.out.size(); ++i) mismatches += std::abs(r.out[i] - ref.out[i]) > 1e-7f;
            CHECK(mismatches == 0);
            size_t mapMismatches = 0;
            for (size_t o = 0; o < r.srcOf.size(); ++o) mapMismatches += r.srcOf[o] != double(ref.srcOf[o]);
            CHECK(mapMismatches == 0);
            // The map as known after the end equals the map as known while pulling.
            size_t late = 0;
            for (size_t o = 0; o < r.srcOf.size(); ++o) late += ps.sourceFrameOf(int64_t(o)) != r.srcOf[o];
            CHECK(late == 0);
            // Fractional positions (the stretcher's) are linear within a segment.
            size_t offLine = 0;
            for (size_t o = 0; o + 1 < r.srcOf.size(); ++o)
                offLine += ps.sourceFrameAt(double(o) + 0.25) != r.srcOf[o] + 0.25;
            CHECK(offLine == 0);
        }
    }
}

TEST_CASE("PauseShortener: the time map is exact: word onsets map to their source onsets, every cut is reported") {
    double maxErrMs = 0, sumErrMs = 0;
    int onsets = 0;
    for (const Config& cfg : kConfigs) {
        for (unsigned seed = 1; seed <= 4; ++seed) {
            INFO("rate " << cfg.rate << " channels " << cfg.ch << " seed " << seed);
            const Speech s = makeSpeech(cfg.rate, cfg.ch, kPauses, seed, seed % 2 ? Background::Zero : Background::Noise60);
            PauseShortener ps(cfg.ch, cfg.rate);
            const Run r = runAll(ps, s, seed + 200); // map trimmed as output is consumed
            REQUIRE_FALSE(r.deadlock);
            const size_t ch = size_t(cfg.ch);
            const int half = ps.fadeFrames() / 2;

            // Onsets found by level in the output, mapped back, against the true ones.
            const std::vector<Span> out = findWords(r.out, cfg.ch, cfg.rate);
            REQUIRE(out.size() == s.words.size());
            for (size_t w = 0; w < out.size(); ++w) {
                const double errMs = std::abs(r.srcOf[size_t(out[w].begin)] - double(s.words[w].begin)) * 1000.0 / cfg.rate;
                CHECK(errMs < 2.0);
                maxErrMs = std::max(maxErrMs, errMs);
                sumErrMs += errMs;
                ++onsets;
                // And the ends.
                CHECK(std::abs(r.srcOf[size_t(out[w].end - 1)] - double(s.words[w].end - 1)) * 1000.0 / cfg.rate < 2.0);
            }

            // Cuts: one per long pause, each inside that pause's output gap.
            size_t longPauses = 0;
            for (double p : kPauses) longPauses += p > 0.5;
            REQUIRE(r.cuts.size() == longPauses);
            size_t k = 0;
            for (size_t w = 0; w + 1 < out.size(); ++w) {
                if (kPauses[w] <= 0.5) continue;
                CHECK(r.cuts[k] > out[w].end);
                CHECK(r.cuts[k] < out[w + 1].begin);
                ++k;
            }
            // The map is linear everywhere except at the reported cuts...
            size_t jumps = 0, unreported = 0;
            for (size_t o = 1; o < r.srcOf.size(); ++o) {
                if (r.srcOf[o] == r.srcOf[o - 1] + 1) continue;
                ++jumps;
                unreported += !std::binary_search(r.cuts.begin(), r.cuts.end(), int64_t(o));
            }
            CHECK(jumps == r.cuts.size());
            CHECK(unreported == 0);
            // ...and every output frame outside a crossfade is the source frame it names.
            size_t wrong = 0;
            for (size_t o = 0; o < r.srcOf.size(); ++o) {
                bool inFade = false;
                for (int64_t c : r.cuts) inFade |= int64_t(o) >= c - half && int64_t(o) < c + half;
                if (inFade) continue;
                const size_t src = size_t(r.srcOf[o]);
                wrong += std::memcmp(&r.out[o * ch], &s.x[src * ch], ch * sizeof(float)) != 0;
            }
            CHECK(wrong == 0);
        }
    }
    if (kVerbose) std::printf("onset error: max %.3f ms, mean %.3f ms over %d onsets\n", maxErrMs, sumErrMs / onsets, onsets);
}

namespace {

// The largest sample-to-sample step within `radius` of each cut, and in the
// silence elsewhere (away from words and cuts), over channel 0.
struct Steps {
    double nearCut = 0, elsewhere = 0;
};
Steps measureSteps(const Run& r, int ch, int rate, int radius) {
    Steps st;
    const std::vector<Span> words = findWords(r.out, ch, rate, 0.01f);
    const int64_t n = r.frames(ch), margin = rate / 100;
    auto nearWord = [&](int64_t o) {
        for (const Span& w : words)
            if (o >= w.begin - margin && o < w.end + margin) return true;
        return false;
    };
    for (int64_t o = 1; o < n; ++o) {
        const double d = std::abs(r.out[size_t(o) * size_t(ch)] - r.out[size_t(o - 1) * size_t(ch)]);
        bool nearCut = false;
        for (int64_t c : r.cuts) nearCut |= std::abs(o - c) <= radius;
        if (nearCut)
            st.nearCut = std::max(st.nearCut, d);
        else if (!nearWord(o))
            st.elsewhere = std::max(st.elsewhere, d);
    }
    return st;
}

} // namespace

TEST_CASE("PauseShortener: no clicks: a hum in the pauses is crossfaded, not cut; room tone keeps its level") {
    for (const Config& cfg : kConfigs) {
        INFO("rate " << cfg.rate << " channels " << cfg.ch);
        // A -55 dBFS 47 Hz hum (not a whole number of cycles per 10 ms block, so
        // cuts land at unrelated phases): steps between neighbouring samples are
        // tiny, so a hard cut between two of its phases would stand out a hundredfold.
        const Speech hum = makeSpeech(cfg.rate, cfg.ch, kPauses, 11, Background::Hum55);
        PauseShortener ps(cfg.ch, cfg.rate);
        const Run r = runAll(ps, hum, 11);
        REQUIRE_FALSE(r.deadlock);
        REQUIRE(r.cuts.size() >= 4);
        const Steps st = measureSteps(r, cfg.ch, cfg.rate, ps.fadeFrames());
        INFO("largest step near a cut " << st.nearCut << ", elsewhere in silence " << st.elsewhere);
        CHECK(st.elsewhere > 0);
        CHECK(st.nearCut <= 3.0 * st.elsewhere);

        // The measurement does see clicks: the same with no crossfade.
        PauseShortener::Params hard;
        hard.fadeMs = 0;
        PauseShortener cutter(cfg.ch, cfg.rate, hard);
        const Run rh = runAll(cutter, hum, 11);
        REQUIRE(rh.cuts.size() == r.cuts.size());
        const Steps sh = measureSteps(rh, cfg.ch, cfg.rate, 2);
        CHECK(sh.nearCut > 10.0 * sh.elsewhere);

        // -60 dBFS noise as room tone: the level across each crossfade (the
        // fade's middle half, where weights summing to 1 would dip ~2.5 dB)
        // stays that of the noise around it.
        const Speech room = makeSpeech(cfg.rate, cfg.ch, kPauses, 12, Background::Noise60);
        PauseShortener ps2(cfg.ch, cfg.rate);
        const Run rn = runAll(ps2, room, 12);
        REQUIRE(rn.cuts.size() >= 4);
        const int F = ps2.fadeFrames();
        double fadePower = 0, aroundPower = 0;
        int64_t fadeN = 0, aroundN = 0;
        for (int64_t c : rn.cuts) {
            for (int64_t o = c - F / 4; o < c + F / 4; ++o, ++fadeN)
                for (int k = 0; k < cfg.ch; ++k) fadePower += std::pow(rn.out[size_t(o) * size_t(cfg.ch) + size_t(k)], 2);
            for (int64_t o = c - 5 * F; o < c + 5 * F; ++o) {
                if (std::abs(o - c) < F) continue;
                ++aroundN;
                for (int k = 0; k < cfg.ch; ++k) aroundPower += std::pow(rn.out[size_t(o) * size_t(cfg.ch) + size_t(k)], 2);
            }
        }
        const double levelDb = 10 * std::log10((fadePower / double(fadeN)) / (aroundPower / double(aroundN)));
        INFO("room tone level in the crossfades, relative: " << levelDb << " dB");
        CHECK(std::abs(levelDb) < 1.0);
        const Steps sn = measureSteps(rn, cfg.ch, cfg.rate, F);
        CHECK(sn.nearCut <= 1.2 * sn.elsewhere);
    }
}

TEST_CASE("PauseShortener: a breath in a pause is kept whole; only silences longer than minPauseMs around it are cut") {
    const int rate = 16000;
    struct Case {
        double breathAt;   // s into the 2 s pause
        int expectedCuts;  // silent parts 0.3 + 1.4 s, 0.85 + 0.85 s, 1.4 + 0.3 s
    };
    for (const Case& cs : {Case{0.3, 1}, Case{0.85, 2}, Case{1.4, 1}}) {
        INFO("breath at " << cs.breathAt << " s");
        Speech s = makeSpeech(rate, 1, {2.0}, 21);
        // -38 dBFS RMS noise, 300 ms, with 30 ms raised-cosine edges like a real breath.
        std::mt19937 rng(5);
        std::normal_distribution<double> gauss(0.0, dbToAmp(-38.0));
        const int64_t b0 = s.words[0].end + int64_t(cs.breathAt * rate), len = int64_t(0.3 * rate), edge = int64_t(0.03 * rate);
        for (int64_t i = 0; i < len; ++i) {
            const double e = i < edge ? 0.5 - 0.5 * std::cos(M_PI * double(i) / edge)
                             : len - i < edge ? 0.5 - 0.5 * std::cos(M_PI * double(len - i) / edge) : 1.0;
            s.x[size_t(b0 + i)] = float(e * gauss(rng));
        }
        PauseShortener ps(1, rate);
        const Run r = runAll(ps, s, 31);
        REQUIRE_FALSE(r.deadlock);
        CHECK(int(r.cuts.size()) == cs.expectedCuts);
        // Every breath frame comes out once, unchanged (so its energy is all there).
        std::vector<int> seen(size_t(len), 0);
        double energyIn = 0, energyOut = 0;
        for (int64_t i = 0; i < len; ++i) energyIn += double(s.x[size_t(b0 + i)]) * s.x[size_t(b0 + i)];
        for (size_t o = 0; o < r.srcOf.size(); ++o) {
            const int64_t src = int64_t(r.srcOf[o]);
            if (src < b0 || src >= b0 + len) continue;
            ++seen[size_t(src - b0)];
            CHECK(r.out[o] == s.x[size_t(src)]);
            energyOut += double(r.out[o]) * r.out[o];
        }
        CHECK(std::count(seen.begin(), seen.end(), 1) == len);
        CHECK(energyOut == Approx(energyIn).epsilon(1e-9));
        // The silence before the breath: untouched if 0.3 s, else about keepMs.
        const int64_t wordEndOut = std::find(r.srcOf.begin(), r.srcOf.end(), double(s.words[0].end)) - r.srcOf.begin();
        const int64_t breathOut = std::find(r.srcOf.begin(), r.srcOf.end(), double(b0)) - r.srcOf.begin();
        const int64_t before = breathOut - wordEndOut;
        if (cs.breathAt < 0.5)
            CHECK(before == b0 - s.words[0].end);
        else
            CHECK(std::abs(before - ps.keepFrames()) <= 4 * ps.blockFrames()); // the breath's quiet edge blocks count as silence
    }
}

TEST_CASE("PauseShortener: reset() mid-stream restarts the map at the given source frame; savedFrames() keeps growing") {
    for (const Config& cfg : kConfigs) {
        INFO("rate " << cfg.rate << " channels " << cfg.ch);
        const Speech s = makeSpeech(cfg.rate, cfg.ch, kPauses, 41);
        PauseShortener ps(cfg.ch, cfg.rate);
        std::mt19937 rng(41);
        // Play into the middle of the second 3 s pause (a cut in progress), then seek.
        const int64_t stopAt = s.words[7].begin - int64_t(1.0 * cfg.rate);
        Run before;
        drive(ps, s, before, rng, 0, stopAt, false);
        REQUIRE_FALSE(before.deadlock);
        const int64_t savedBefore = ps.savedFrames();
        CHECK(savedBefore > 0);
        CHECK(ps.heldFrames() > 0); // the held end of the pause: dropped by the seek

        for (int64_t seekTo : {s.words[2].begin + 1000, s.words[3].end + int64_t(0.5 * cfg.rate)}) {
            INFO("seek to " << seekTo);
            const int64_t savedAtSeek = ps.savedFrames();
            ps.reset(seekTo);
            CHECK(ps.outputFrames() == 0);
            CHECK(ps.heldFrames() == 0);
            CHECK(ps.sourceFrameOf(0) == double(seekTo));
            CHECK(ps.nextCutAfter(-1) == -1);
            Run after;
            drive(ps, s, after, rng, seekTo, s.frames(), true);
            REQUIRE_FALSE(after.deadlock);
            CHECK(ps.savedFrames() > savedAtSeek);
            CHECK(after.frames(cfg.ch) == (s.frames() - seekTo) - (ps.savedFrames() - savedAtSeek));
            CHECK(after.srcOf.front() == double(seekTo));
            CHECK(after.srcOf.back() == double(s.frames() - 1));
            // Every later word's onset maps to its source onset.
            const std::vector<Span> out = findWords(after.out, cfg.ch, cfg.rate);
            size_t w = 0;
            while (s.words[w].begin < seekTo) ++w;
            if (s.words[w - 1].end > seekTo) { // seeked into a word: its rest is found first
                REQUIRE(!out.empty());
                CHECK(out.front().begin <= 2);
            }
            size_t k = out.size() - (s.words.size() - w);
            for (; w < s.words.size(); ++w, ++k)
                CHECK(after.srcOf[size_t(out[k].begin)] == double(s.words[w].begin));
        }
    }
}

TEST_CASE("PauseShortener: end of input inside a pause flushes everything held; the map ends at the last source frame") {
    const int rate = 16000;
    for (double trail : {0.05, 0.2, 0.45, 0.55, 0.6, 3.0, 10.0}) {
        INFO("trailing silence " << trail << " s");
        const Speech s = makeSpeech(rate, 1, {1.5}, 51, Background::Zero, 0.25, trail);
        PauseShortener ps(1, rate);
        const Run r = runAll(ps, s, 52);
        REQUIRE_FALSE(r.deadlock);
        CHECK(ps.heldFrames() == 0);
        CHECK(r.frames(1) == s.frames() - ps.savedFrames());
        CHECK(r.srcOf.back() == double(s.frames() - 1));
        CHECK(ps.pull(nullptr, 0) == 0);
        const int64_t tailIn = s.frames() - s.words.back().end;
        const int64_t tailOut = r.frames(1) - int64_t(std::find(r.srcOf.begin(), r.srcOf.end(), double(s.words.back().end - 1)) -
                                                      r.srcOf.begin()) - 1;
        if (tailIn <= ps.minPauseFrames()) {
            CHECK(tailOut == tailIn);
            CHECK(r.cuts.size() == 1); // the 1.5 s pause only
        } else {
            CHECK(tailOut >= ps.keepFrames());
            CHECK(tailOut <= ps.keepFrames() + ps.blockFrames());
            CHECK(r.cuts.size() == 2);
        }
    }
}

TEST_CASE("PauseShortener: latency is bounded, and the same when disabled") {
    const int rate = 16000;
    const Speech s = makeSpeech(rate, 1, kPauses, 61);
    int64_t held[2] = {0, 0};
    std::vector<size_t> pulls[2];
    for (int enabled = 0; enabled < 2; ++enabled) {
        PauseShortener ps(1, rate);
        ps.setEnabled(enabled != 0);
        float buf[8192];
        for (int64_t i = 0; i < s.frames(); ++i) { // one frame in, everything ready out
            REQUIRE(ps.feed(&s.x[size_t(i)], 1) == 1);
            held[enabled] = std::max(held[enabled], ps.heldFrames());
            size_t got = 0, n;
            while ((n = ps.pull(buf, 8192)) > 0) got += n;
            pulls[enabled].push_back(got);
        }
        CHECK(held[enabled] <= ps.latencyFrames());
        CHECK(held[enabled] >= ps.latencyFrames() - ps.blockFrames());
        CHECK(ps.latencyFrames() < int(0.5 * rate)); // minPauseMs - keepMs/2 + a block or so
    }
    CHECK(held[0] == held[1]);
    // Before the first cut, output comes out at the same moments.
    const size_t firstLong = size_t(s.words[1].end);
    CHECK(std::equal(pulls[0].begin(), pulls[0].begin() + std::ptrdiff_t(firstLong), pulls[1].begin()));
}

TEST_CASE("PauseShortener: setEnabled() takes effect at the next pause") {
    const int rate = 16000;
    const Speech s = makeSpeech(rate, 1, {3.0, 3.0, 3.0}, 71);
    PauseShortener ps(1, rate);
    std::mt19937 rng(71);
    Run r;
    // Enabled into the first pause's middle (it is being cut), then disabled:
    // the first pause is still cut, the second passes whole; enabled again in
    // the third pause before it is known to be long: it is cut.
    drive(ps, s, r, rng, 0, s.words[1].begin - rate, false);
    ps.setEnabled(false);
    drive(ps, s, r, rng, s.words[1].begin - rate, s.words[2].end + rate / 10, false);
    ps.setEnabled(true);
    drive(ps, s, r, rng, s.words[2].end + rate / 10, s.frames(), true);
    REQUIRE(r.cuts.size() == 2);
    const int64_t c0 = int64_t(r.srcOf[size_t(r.cuts[0])]), c1 = int64_t(r.srcOf[size_t(r.cuts[1])]);
    CHECK(c0 > s.words[0].end);
    CHECK(c0 < s.words[1].begin);
    CHECK(c1 > s.words[2].end);
    CHECK(c1 < s.words[3].begin);
    CHECK(r.frames(1) == s.frames() - ps.savedFrames());
}

TEST_CASE("PauseShortener: an hour of speech and pauses runs in bounded memory, allocation-free, and stays exact") {
    const int rate = 16000;
    const int64_t total = int64_t(3600) * rate;
    // The schedule (sizes fixed before the run): word 0.2-0.6 s, pause 0.2-3 s.
    std::mt19937 rng(81);
    std::uniform_real_distribution<double> wordLen(0.2, 0.6), pauseLen(0.2, 3.0);
    std::vector<int64_t> starts; // alternating word start, pause start, ...
    int64_t expectedSaved = 0;
    for (int64_t t = 0; t < total;) {
        starts.push_back(t);
        t += int64_t(wordLen(rng) * rate);
        starts.push_back(t);
        t += int64_t(pauseLen(rng) * rate);
    }
    auto value = [&](int64_t f) -> float { // a pure function of the source frame
        const size_t seg = size_t(std::upper_bound(starts.begin(), starts.end(), f) - starts.begin()) - 1;
        if (seg % 2) return 0.0f;
        return float(0.1 * std::cos(2 * M_PI * 200 * double(f - starts[seg]) / rate));
    };
    for (size_t i = 1; i + 1 < starts.size(); i += 2) {
        const int64_t len = starts[i + 1] - starts[i];
        // Detected pauses start and end on block boundaries: on average a
        // block shorter than the true pause.
        if (len > int64_t(0.5 * rate) + 320) expectedSaved += len - int64_t(0.3 * rate) - 160;
    }

    PauseShortener ps(1, rate);
    const size_t capacity = ps.capacityFrames();
    const int half = ps.fadeFrames() / 2;
    std::vector<float> in(4096), out(4096);
    int64_t fed = 0, maxHeld = 0, lastCut = -1'000'000, wrong = 0, checked = 0;
    size_t maxBreakpoints = 0;
    bool deadlock = false, ended = false;
    const auto t0 = std::chrono::steady_clock::now();
    const long long allocsBefore = gAllocations.load();
    for (;;) {
        bool progress = false;
        if (fed < total) {
            const size_t n = std::min<size_t>(randomChunk(rng), size_t(total - fed));
            for (size_t i = 0; i < n; ++i) in[i] = value(fed + int64_t(i));
            const size_t took = ps.feed(in.data(), n);
            fed += int64_t(took);
            progress |= took > 0;
        } else if (!ended) {
            ps.endOfInput();
            ended = progress = true;
        }
        maxHeld = std::max(maxHeld, ps.heldFrames());
        const size_t got = ps.pull(out.data(), randomChunk(rng));
        progress |= got > 0;
        const int64_t o0 = ps.outputFrames() - int64_t(got);
        for (size_t i = 0; i < got; ++i) { // every frame outside a crossfade is the frame the map names
            const int64_t o = o0 + int64_t(i);
            const int64_t next = ps.nextCutAfter(o - 1);
            if (next == o) lastCut = o;
            if ((next != -1 && next - o <= half) || o - lastCut < half) continue;
            ++checked;
            wrong += out[i] != value(int64_t(ps.sourceFrameOf(o)));
        }
        ps.forgetBefore(ps.outputFrames());
        maxBreakpoints = std::max(maxBreakpoints, ps.breakpointCount());
        if (ended && got == 0) break;
        if (!progress) {
            deadlock = true;
            break;
        }
    }
    const long long allocs = gAllocations.load() - allocsBefore;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE_FALSE(deadlock);
    CHECK(allocs == 0);
    CHECK(ps.capacityFrames() == capacity);
    CHECK(maxHeld <= int64_t(capacity));
    CHECK(maxBreakpoints <= 3);
    CHECK(wrong == 0);
    CHECK(checked > ps.outputFrames() * 9 / 10);
    CHECK(ps.outputFrames() == total - ps.savedFrames());
    CHECK(double(ps.savedFrames()) == Approx(double(expectedSaved)).epsilon(0.002));
    if (kVerbose)
        std::printf("hour: %.2f s to process, saved %.1f min of 60 (%.1f%%), max held %lld frames\n", seconds,
                    double(ps.savedFrames()) / rate / 60, 100.0 * double(ps.savedFrames()) / double(total),
                    (long long)maxHeld);
}

TEST_CASE("PauseShortener: other settings; a map never trimmed keeps its newest entries exact") {
    // Short settings so that many cuts fit in a few minutes: silence below
    // -50 dBFS, pauses over 120 ms cut to 40 ms, 4 ms crossfades, 5 ms blocks.
    const int rate = 8000;
    PauseShortener::Params p;
    p.silenceDb = -50;
    p.minPauseMs = 120;
    p.keepMs = 40;
    p.fadeMs = 4;
    p.blockMs = 5;
    std::vector<double> pauses(1200);
    size_t longPauses = 2; // the 0.25 s of silence before the first word and after the last
    for (size_t i = 0; i < pauses.size(); ++i) {
        pauses[i] = i % 11 == 0 ? 0.1 : 0.15 + 0.01 * double(i % 7);
        longPauses += pauses[i] > 0.12;
    }
    const Speech s = makeSpeech(rate, 1, pauses, 91, Background::Zero, 0.25, 0.25, 0.05, 0.1);
    PauseShortener ps(1, rate, p);
    CHECK(ps.blockFrames() == 40);
    CHECK(ps.fadeFrames() == 32);
    CHECK(ps.keepFrames() == 320);
    CHECK(ps.minPauseFrames() == 960);
    const Run r = runAll(ps, s, 92, /*forget=*/false);
    REQUIRE_FALSE(r.deadlock);
    const Reference ref = referenceShorten(s, ps, p.silenceDb);
    REQUIRE(r.out.size() == ref.out.size());
    size_t mismatches = 0;
    for (size_t i = 0; i < r.out.size(); ++i) mismatches += std::abs(r.out[i] - ref.out[i]) > 1e-7f;
    CHECK(mismatches == 0);
    REQUIRE(r.cuts.size() == longPauses);
    REQUIRE(longPauses > ps.breakpointCapacity());
    CHECK(ps.breakpointCount() == ps.breakpointCapacity()); // full: the oldest were overwritten
    // The newest entries still answer exactly; the last cut is still reported.
    size_t wrong = 0;
    for (size_t o = r.srcOf.size() / 2; o < r.srcOf.size(); ++o) wrong += ps.sourceFrameOf(int64_t(o)) != r.srcOf[o];
    CHECK(wrong == 0);
    CHECK(ps.nextCutAfter(r.cuts[longPauses - 2]) == r.cuts[longPauses - 1]);
    CHECK(ps.nextCutAfter(r.cuts[longPauses - 1]) == -1);
    // Settings that contradict each other are clamped: the kept ends never overlap.
    PauseShortener::Params odd;
    odd.keepMs = 600;
    odd.minPauseMs = 100;
    odd.fadeMs = 30;
    PauseShortener clamped(1, rate, odd);
    CHECK(clamped.minPauseFrames() >= clamped.keepFrames() + clamped.fadeFrames());
}
