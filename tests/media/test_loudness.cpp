// Issue #15, even loudness: the EBU R128 measurement (libebur128) against the
// EBU's own reference signals (Tech 3341: a 1 kHz sine at -23 dBFS in both
// channels is -23.0 LUFS), and the per-file cache that measures each file once.
#include "media/loudness_analysis.h"
#include "media/loudness_cache.h"
#include "media/loudness_meter.h"
#include "media/loudness_gain.h"
#include "media/loudness_tags.h"
#include "media/playback_pipeline.h"
#include "media/wav_writer.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <optional>
#include <thread>
#include <vector>

using namespace la;
using namespace la::media;

namespace {

// A `hz` sine with peak level `dbfs` in every one of `channels`, `seconds` long.
std::string writeSine(const std::string& path, int channels, double dbfs, double seconds, double hz = 1000.0) {
    const int rate = 48000;
    WavWriter w(path, rate, channels);
    const double amp = std::pow(10.0, dbfs / 20.0);
    std::vector<float> block;
    const int64_t total = int64_t(seconds * rate);
    for (int64_t i = 0; i < total; ++i)
        for (int c = 0; c < channels; ++c) block.push_back(float(amp * std::sin(2 * M_PI * hz * double(i) / rate)));
    w.write(block.data(), size_t(total));
    w.close();
    return path;
}

Loudness measure(const std::string& path) {
    auto source = openAudioFile(path);
    Loudness l;
    REQUIRE(measureLoudness(*source, l));
    return l;
}

} // namespace

TEST_CASE("Loudness: EBU Tech 3341's stereo 1 kHz sine at -23 dBFS measures -23.0 LUFS, its true peak -23 dBTP") {
    test::TempDir dir;
    Loudness l = measure(writeSine(dir.file("ref.wav"), 2, -23.0, 20.0));
    CHECK(l.integratedLufs == Approx(-23.0).margin(0.1));
    CHECK(l.truePeakDbtp == Approx(-23.0).margin(0.2));
    // Mono counts once: 3 dB below the same sine in two channels.
    Loudness mono = measure(writeSine(dir.file("mono.wav"), 1, -23.0, 20.0));
    CHECK(mono.integratedLufs == Approx(-26.0).margin(0.1));
    // 10 dB louder is 10 LU louder, and the gain to a target is the difference.
    Loudness loud = measure(writeSine(dir.file("loud.wav"), 2, -13.0, 20.0));
    CHECK(loud.integratedLufs == Approx(-13.0).margin(0.1));
    CHECK(gainToTargetDb(l, -16.0) == Approx(7.0).margin(0.1));
    CHECK(gainToTargetDb(loud, -16.0) == Approx(-3.0).margin(0.1));
}

TEST_CASE("Loudness: silence is below the gate and gets no gain; a cancelled measurement says so") {
    test::TempDir dir;
    Loudness silent = measure(writeSine(dir.file("silent.wav"), 2, -200.0, 5.0));
    CHECK(silent.integratedLufs <= -69.9);
    CHECK(gainToTargetDb(silent, -16.0) == 0.0);
    auto source = openAudioFile(writeSine(dir.file("long.wav"), 2, -20.0, 10.0));
    std::atomic<bool> cancel{true};
    Loudness l;
    l.integratedLufs = 1.0;
    CHECK_FALSE(measureLoudness(*source, l, &cancel));
    CHECK(l.integratedLufs == 1.0); // untouched
}

TEST_CASE("Loudness cache: a file is measured once, known again by its identity, and measured again when it changes") {
    test::TempDir dir;
    const std::string audio = writeSine(dir.file("a.wav"), 2, -20.0, 2.0);
    const std::string id = fileIdentity(audio);
    REQUIRE_FALSE(id.empty());
    CHECK(fileIdentity(audio) == id); // stable
    CHECK(fileIdentity(dir.file("missing.wav")).empty());
    CHECK(fileIdentity(dir.path.string()).empty()); // a folder is not a file

    LoudnessCache cache(dir.file("cache/listenalong/loudness.tsv")); // its folder does not exist yet
    CHECK_FALSE(cache.find(id));
    std::string error;
    REQUIRE(cache.store(id, {-20.25, -19.5}, error));
    auto found = cache.find(id);
    REQUIRE(found);
    CHECK(found->integratedLufs == Approx(-20.25));
    CHECK(found->truePeakDbtp == Approx(-19.5));
    // A second file beside it; replacing an entry keeps one line per file.
    const std::string other = writeSine(dir.file("b.wav"), 2, -30.0, 2.0);
    REQUIRE(cache.store(fileIdentity(other), {-30.0, -29.0}, error));
    REQUIRE(cache.store(id, {-21.0, -20.0}, error));
    CHECK(cache.find(id)->integratedLufs == Approx(-21.0));
    CHECK(cache.find(fileIdentity(other))->integratedLufs == Approx(-30.0));
    int lines = 0;
    std::ifstream in(dir.file("cache/listenalong/loudness.tsv"));
    for (std::string line; std::getline(in, line);) ++lines;
    CHECK(lines == 2);

    // The same name, the same size, other audio: another identity.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    writeSine(audio, 2, -10.0, 2.0);
    CHECK(fileIdentity(audio) != id);
    CHECK_FALSE(cache.find(fileIdentity(audio)));
}

TEST_CASE("Loudness cache: a damaged cache file is not an error, and an unwritable one is named") {
    test::TempDir dir;
    const std::string file = dir.file("loudness.tsv");
    std::ofstream(file) << "garbage without tabs\n\t-1\t-2\nid-1\tnot-a-number\t3\nid-2\t-18.5\t-2.0\n";
    LoudnessCache cache(file);
    CHECK_FALSE(cache.find("id-1"));
    REQUIRE(cache.find("id-2"));
    CHECK(cache.find("id-2")->integratedLufs == Approx(-18.5));
    std::ofstream(dir.file("a-file")) << "x";
    LoudnessCache blocked(dir.file("a-file/loudness.tsv")); // its folder is a file
    std::string error;
    CHECK_FALSE(blocked.store("id", {-20, -3}, error));
    CHECK(error.find("a-file") != std::string::npos);
}

namespace {

// Renders `path` through the playback pipeline (at `speed`, with `gainDb` of
// even-loudness gain or none) into memory.
std::vector<float> renderAll(const std::string& path, double speed, std::optional<double> gainDb, double from = 0,
                             std::optional<double> voiceReferenceDb = std::nullopt) {
    PlaybackPipeline pipeline(openAudioFile(path));
    if (gainDb) pipeline.setLoudnessGainDb(*gainDb);
    if (voiceReferenceDb) pipeline.setVoiceBoost(true, *voiceReferenceDb);
    pipeline.setSpeed(speed);
    pipeline.seek(from);
    std::vector<float> out, block(4096 * size_t(pipeline.channels()));
    for (;;) {
        auto chunk = pipeline.produce(block.data(), 4096);
        out.insert(out.end(), block.begin(), block.begin() + std::ptrdiff_t(chunk.frames * size_t(pipeline.channels())));
        if (chunk.endOfStream) break;
    }
    return out;
}

Loudness measureSamples(const std::string& dir, const std::vector<float>& samples, int channels, int rate) {
    const std::string path = dir + "/measured.wav";
    {
        WavWriter w(path, rate, channels);
        w.write(samples.data(), samples.size() / size_t(channels));
        w.close();
    }
    return measure(path);
}

// Quiet speech-like tones with a full-scale click every 2 s: the gain that
// brings it to -16 LUFS would push the clicks far past 0 dBFS.
std::string writeQuietWithClicks(const std::string& path, int rate) {
    std::vector<float> signal = test::makeSignal(rate, 20.0);
    for (size_t i = 0; i < signal.size(); ++i) {
        signal[i] *= 0.05f;
        if (i % size_t(2 * rate) == size_t(rate)) signal[i] = 0.95f;
    }
    WavWriter w(path, rate, 1);
    w.write(signal.data(), signal.size());
    w.close();
    return path;
}

} // namespace

TEST_CASE("Even loudness through the pipeline: -16 LUFS within 0.5 LU, true peak at most -1 dBTP, at 1x and 2x") {
    test::TempDir dir;
    const int rate = 44100;
    const std::string quiet = writeQuietWithClicks(dir.file("quiet.wav"), rate);
    const Loudness before = measure(quiet);
    INFO("before: " << before.integratedLufs << " LUFS, " << before.truePeakDbtp << " dBTP");
    REQUIRE(before.integratedLufs < -30);
    auto source = openAudioFile(quiet);
    const double gain = *limitedGainDb(*source, before, -16.0);
    INFO("gain " << gain << " dB (" << gainToTargetDb(before, -16.0) << " before the limiter)");
    for (double speed : {1.0, 2.0}) {
        INFO("speed " << speed);
        const Loudness after = measureSamples(dir.path.string(), renderAll(quiet, speed, gain), 1, rate);
        INFO("after: " << after.integratedLufs << " LUFS, " << after.truePeakDbtp << " dBTP");
        CHECK(after.integratedLufs == Approx(-16.0).margin(0.5));
        CHECK(after.truePeakDbtp <= -1.0);
    }
    // Material the limiter never touches keeps the plain gain.
    const std::string sine = writeSine(dir.file("sine.wav"), 2, -30.0, 10.0);
    auto sineSource = openAudioFile(sine);
    CHECK(*limitedGainDb(*sineSource, measure(sine), -16.0) == Approx(14.0).margin(0.05));
    // Without the limiter the same gain would clip: the test would notice a limiter that did nothing.
    CHECK(before.truePeakDbtp + gain > 10.0);
}

TEST_CASE("Even loudness keeps time exact: off it is bit-exact, on every frame stays where it was") {
    test::TempDir dir;
    const int rate = 44100;
    const std::string quiet = writeQuietWithClicks(dir.file("quiet.wav"), rate);
    auto source = openAudioFile(quiet);
    std::vector<float> original(size_t(source->totalFrames()));
    REQUIRE(source->read(original.data(), original.size()) == original.size());
    // Off (the default): the source, unchanged and complete, from the start and after a seek.
    CHECK(renderAll(quiet, 1.0, std::nullopt) == original);
    const std::vector<float> fromSeek = renderAll(quiet, 1.0, std::nullopt, 3.0);
    REQUIRE(fromSeek.size() == original.size() - size_t(3 * rate));
    CHECK(std::equal(fromSeek.begin(), fromSeek.end(), original.begin() + 3 * rate));
    // On: as long as the source, and each click exactly where it was (the limiter's look-ahead never shows).
    for (double from : {0.0, 3.0}) {
        INFO("from " << from);
        const std::vector<float> on = renderAll(quiet, 1.0, 20.0, from);
        const size_t start = size_t(from * rate);
        REQUIRE(on.size() == original.size() - start);
        for (size_t click = size_t(rate); click < original.size(); click += size_t(2 * rate)) {
            if (click < start + 300) continue;
            size_t loudest = click - 200 - start;
            for (size_t i = click - 200 - start; i < click + 200 - start; ++i)
                if (std::abs(on[i]) > std::abs(on[loudest])) loudest = i;
            CHECK(loudest + start == click);
        }
    }
}

TEST_CASE("LoudnessAnalysis measures in the background the first time, then answers from the cache") {
    test::TempDir dir;
    const std::string audio = writeSine(dir.file("a.wav"), 2, -30.0, 5.0);
    const std::string cacheFile = dir.file("cache/loudness.tsv");
    auto waitGain = [](LoudnessAnalysis& a) {
        for (int i = 0; i < 500 && !a.gainDb(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return a.gainDb();
    };
    {
        LoudnessAnalysis first(audio, -16.0, cacheFile);
        auto gain = waitGain(first);
        REQUIRE(gain);
        CHECK(*gain == Approx(14.0).margin(0.1));
        CHECK_FALSE(first.fromCache());
        CHECK(first.takeProblem().empty());
    }
    {
        LoudnessAnalysis again(audio, -16.0, cacheFile);
        auto gain = waitGain(again);
        REQUIRE(gain);
        CHECK(again.fromCache());
        CHECK(*gain == Approx(14.0).margin(0.1));
    }
    {
        LoudnessAnalysis otherTarget(audio, -20.0, cacheFile); // measured before, but not for this target
        auto gain = waitGain(otherTarget);
        REQUIRE(gain);
        CHECK_FALSE(otherTarget.fromCache());
        CHECK(*gain == Approx(10.0).margin(0.1));
    }
    {
        LoudnessAnalysis missing(dir.file("missing.wav"), -16.0, cacheFile);
        std::string problem;
        for (int i = 0; i < 500 && problem.empty(); ++i) {
            problem = missing.takeProblem();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        CHECK(problem.find("missing.wav") != std::string::npos);
        CHECK_FALSE(missing.gainDb());
    }
}

TEST_CASE("Loudness tags: ReplayGain and R128 track gains give the file's loudness; nonsense is ignored") {
    auto rg = taggedLoudness("-4.50 dB", "");
    REQUIRE(rg);
    CHECK(rg->integratedLufs == Approx(-13.5)); // ReplayGain 2.0: the gain to -18 LUFS
    CHECK(rg->tag == "REPLAYGAIN_TRACK_GAIN");
    auto r128 = taggedLoudness("", "-1280"); // 1/256 dB to -23 LUFS: -5 dB
    REQUIRE(r128);
    CHECK(r128->integratedLufs == Approx(-18.0));
    CHECK(r128->tag == "R128_TRACK_GAIN");
    CHECK(taggedLoudness("+2dB", "")->integratedLufs == Approx(-20.0));
    CHECK_FALSE(taggedLoudness("loud", ""));
    CHECK_FALSE(taggedLoudness("-4.5 dB extra", ""));
    CHECK_FALSE(taggedLoudness("", "-12.5")); // R128 gains are whole numbers
    CHECK_FALSE(taggedLoudness("-400 dB", ""));
    CHECK_FALSE(taggedLoudness("", ""));
}

TEST_CASE("LoudnessAnalysis takes a tagged file at its word and measures an untagged one") {
    test::TempDir dir;
    std::vector<float> sine(size_t(44100 * 3));
    for (size_t i = 0; i < sine.size(); ++i) sine[i] = float(0.03 * std::sin(2 * M_PI * 440.0 * double(i) / 44100));
    const std::string tagged = dir.file("tagged.ogg");
    test::writeOgg(tagged, sine, 44100, 1, "Tagged", {{"REPLAYGAIN_TRACK_GAIN", "-6.00 dB"}});
    auto source = openAudioFile(tagged);
    CHECK(source->tag("replaygain_track_gain") == "-6.00 dB"); // Vorbis comment names ignore case
    CHECK(source->title() == "Tagged");
    LoudnessAnalysis a(tagged, -16.0, dir.file("cache.tsv"));
    for (int i = 0; i < 500 && !a.gainDb(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(a.gainDb());
    CHECK(*a.gainDb() == Approx(-4.0)); // the tag says -12 LUFS; nothing measured (the sine is far quieter)
    CHECK(a.basis() == "REPLAYGAIN_TRACK_GAIN");
    CHECK_FALSE(std::filesystem::exists(dir.file("cache.tsv")));
}

TEST_CASE("Even loudness turned on or off mid-stream glides: no step in the output") {
    const int rate = 44100;
    LoudnessGain g(1, rate);
    g.setEnabled(false);
    g.setGainDb(12.0);
    // A low 100 Hz sine: its largest sample-to-sample change is small, so a gain step would stand out.
    const size_t n = size_t(rate) * 2;
    std::vector<float> in(n), out(n);
    for (size_t i = 0; i < n; ++i) in[i] = float(0.05 * std::sin(2 * M_PI * 100.0 * double(i) / rate));
    g.process(in.data(), out.data(), n / 4);
    g.setEnabled(true);
    g.process(in.data() + n / 4, out.data() + n / 4, n / 4);
    g.setEnabled(false);
    g.process(in.data() + n / 2, out.data() + n / 2, n / 2);
    double worst = 0;
    for (size_t i = 1; i < n; ++i) worst = std::max(worst, double(std::abs(out[i] - out[i - 1])));
    const double sineStep = 0.05 * 2 * M_PI * 100.0 / rate * std::pow(10.0, 12.0 / 20.0);
    CHECK(worst <= sineStep * 1.05);
    // On in the middle: 12 dB louder there; off again at the end: bit-exact, delayed input.
    double midPeak = 0;
    for (size_t i = n / 4 + rate / 10; i < n / 2; ++i) midPeak = std::max(midPeak, double(std::abs(out[i])));
    CHECK(midPeak == Approx(0.05 * std::pow(10.0, 12.0 / 20.0)).epsilon(0.02));
    const size_t L = size_t(g.latencyFrames());
    for (size_t i = n - size_t(rate) / 4; i < n; ++i) REQUIRE(out[i] == in[i - L]);
}

TEST_CASE("Voice boost through the pipeline: quiet words come up, loud ones stay, and no frame moves") {
    test::TempDir dir;
    const int rate = 44100;
    // "Words": 1 kHz bursts, 400 ms long, every 600 ms; every other one 16 dB quieter.
    const std::string path = dir.file("words.wav");
    std::vector<float> words(size_t(rate) * 6, 0.0f);
    const size_t word = size_t(rate) * 4 / 10, period = size_t(rate) * 6 / 10;
    for (size_t start = 0, k = 0; start + word < words.size(); start += period, ++k) {
        const double amp = std::pow(10.0, (k % 2 ? -32.0 : -16.0) / 20.0); // peak; RMS 3 dB lower
        for (size_t i = 0; i < word; ++i) words[start + i] = float(amp * std::sin(2 * M_PI * 1000.0 * double(i) / rate));
    }
    {
        WavWriter w(path, rate, 1);
        w.write(words.data(), words.size());
        w.close();
    }
    auto rmsDb = [&](const std::vector<float>& x, size_t from, size_t n) {
        double sum = 0;
        for (size_t i = from; i < from + n; ++i) sum += double(x[i]) * x[i];
        return 10 * std::log10(sum / double(n) + 1e-20);
    };
    const std::vector<float> boosted = renderAll(path, 1.0, std::nullopt, 0, -19.0);
    REQUIRE(boosted.size() == words.size()); // no delay, nothing added or lost
    // The middle of words 2 (loud) and 3 (quiet), after the compressor settled.
    const size_t mid = word / 4, len = word / 2;
    const double loudIn = rmsDb(words, 2 * period + mid, len), quietIn = rmsDb(words, 3 * period + mid, len);
    const double loudOut = rmsDb(boosted, 2 * period + mid, len), quietOut = rmsDb(boosted, 3 * period + mid, len);
    INFO("in: loud " << loudIn << " quiet " << quietIn << "; out: loud " << loudOut << " quiet " << quietOut);
    CHECK(loudIn - quietIn == Approx(16.0).margin(0.1));
    CHECK(loudOut - quietOut < 11.0);
    CHECK(std::abs(loudOut - loudIn) < 3.0);
    // Every word still starts where it did: the first sample above -60 dBFS after each gap.
    for (size_t start = period; start + word < words.size(); start += period) {
        size_t onset = start - period / 8;
        while (std::abs(boosted[onset]) < 1e-3f) ++onset;
        CHECK(onset >= start);
        CHECK(onset < start + size_t(rate) / 1000);
    }
    // The gaps stay silent: nothing is raised where nobody speaks.
    CHECK(rmsDb(boosted, period - period / 8, period / 16) < -80.0);
}
