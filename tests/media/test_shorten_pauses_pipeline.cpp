// Issue #15, Shorten pauses through the playback pipeline: long pauses come
// out shorter, and the episode time each chunk reports is still exact — a
// word's onset in the output, mapped through the chunk's times, lands where
// the word starts in the episode — at 1x and 2x, and after a seek; and the
// audio engine's position (what the player shows and highlights) agrees.
#include "media/audio_engine.h"
#include "media/playback_pipeline.h"
#include "media/wav_writer.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

using namespace la;
using namespace la::media;

namespace {

constexpr int kRate = 16000;

struct Episode {
    std::string path;
    std::vector<double> onsets; ///< seconds
    double seconds = 0;
};

/// Words (a 180 Hz + 1.1 kHz tone pair, 0.3-0.6 s) with pauses of 0.2-2.5 s between them.
Episode writeWords(const test::TempDir& dir) {
    Episode e;
    e.path = dir.file("words.wav");
    std::vector<float> x;
    const double pauses[] = {0.25, 1.5, 0.4, 2.5, 0.8, 0.2, 1.2, 3.0, 0.6, 1.0};
    x.resize(size_t(kRate * 0.5), 0.0f);
    int k = 0;
    for (double pause : pauses) {
        e.onsets.push_back(double(x.size()) / kRate);
        const size_t len = size_t(kRate * (0.3 + 0.1 * (k++ % 4)));
        for (size_t i = 0; i < len; ++i) {
            const double t = double(i) / kRate;
            x.push_back(float(0.1 * std::sin(2 * M_PI * 180 * t) + 0.05 * std::sin(2 * M_PI * 1100 * t)));
        }
        x.resize(x.size() + size_t(kRate * pause), 0.0f);
    }
    WavWriter w(e.path, kRate, 1);
    w.write(x.data(), x.size());
    w.close();
    e.seconds = double(x.size()) / kRate;
    return e;
}

struct Output {
    std::vector<float> samples;
    std::vector<double> times; ///< the episode time of each output frame, from the chunks
};

Output play(const std::string& path, double speed, bool shorten, double from = 0) {
    PlaybackPipeline p(openAudioFile(path));
    p.setSpeed(speed);
    p.setShortenPauses(shorten);
    p.seek(from);
    Output o;
    std::vector<float> block(700);
    for (;;) {
        auto c = p.produce(block.data(), block.size());
        for (size_t i = 0; i < c.frames; ++i) {
            o.samples.push_back(block[i]);
            o.times.push_back(c.startSeconds + (c.endSeconds - c.startSeconds) * double(i) / double(c.frames));
        }
        if (c.endOfStream) break;
    }
    return o;
}

/// Output frames where sound starts after at least 40 ms of silence.
std::vector<size_t> onsetsIn(const std::vector<float>& x) {
    std::vector<size_t> found;
    size_t quiet = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::abs(x[i]) > 0.01f) {
            if (quiet >= size_t(kRate / 25)) found.push_back(i);
            quiet = 0;
        } else {
            ++quiet;
        }
    }
    return found;
}

} // namespace

TEST_CASE("Shorten pauses in the pipeline: long pauses shrink and every word starts where the time map says") {
    test::TempDir dir;
    const Episode e = writeWords(dir);
    for (double speed : {1.0, 2.0}) {
        INFO("speed " << speed);
        const Output plain = play(e.path, speed, false);
        const Output shortened = play(e.path, speed, true);
        // Pauses over 0.5 s become 0.3 s: 1.5+2.5+0.8+1.2+3.0+0.6+1.0 = 10.6 s of them, 7 x 0.3 kept.
        const double saved = (double(plain.samples.size()) - double(shortened.samples.size())) * speed / kRate;
        CHECK(saved == Approx(10.6 - 7 * 0.3).margin(0.15));
        const std::vector<size_t> heard = onsetsIn(shortened.samples);
        // The first word follows 0.5 s of lead-in (found too); the one after a 0.25 s pause as well.
        REQUIRE(heard.size() == e.onsets.size());
        for (size_t w = 0; w < heard.size(); ++w) {
            const double mapped = shortened.times[heard[w]];
            INFO("word " << w << ": heard at output " << double(heard[w]) / kRate << " s, mapped to " << mapped
                         << " s, starts at " << e.onsets[w] << " s");
            CHECK(std::abs(mapped - e.onsets[w]) < 0.020);
        }
        // Episode times never run backwards and the last one is the end.
        for (size_t i = 1; i < shortened.times.size(); ++i) REQUIRE(shortened.times[i] >= shortened.times[i - 1] - 1e-9);
        CHECK(shortened.times.back() == Approx(e.seconds).margin(0.01));
    }
    // After a seek into the middle of a long pause.
    const Output fromSeek = play(e.path, 1.0, true, e.onsets[4] - 2.0); // 0.5 s into a 2.5 s pause
    const std::vector<size_t> heard = onsetsIn(fromSeek.samples);
    REQUIRE(!heard.empty());
    CHECK(std::abs(fromSeek.times[heard[0]] - e.onsets[4]) < 0.020);
    CHECK(double(heard[0]) / kRate < 0.5); // what was left of the pause was shortened too
}

TEST_CASE("Shorten pauses off is bit-exact: the pipeline's output and times are the source's") {
    test::TempDir dir;
    const Episode e = writeWords(dir);
    auto source = openAudioFile(e.path);
    std::vector<float> original(size_t(source->totalFrames()));
    REQUIRE(source->read(original.data(), original.size()) == original.size());
    const Output off = play(e.path, 1.0, false);
    CHECK(off.samples == original);
    for (size_t i = 0; i < off.times.size(); i += 997) CHECK(off.times[i] == Approx(double(i) / kRate).margin(1e-6));
}

TEST_CASE("Shorten pauses in the audio engine at 2x: when a word is heard, the position is that word's start") {
    // The test is the device: it pulls callbacks itself and reads the position
    // the player would show (paused: the end of the last callback heard).
    test::TempDir dir;
    const Episode e = writeWords(dir);
    const media::DeviceFormat device;
    auto pipeline = std::make_unique<PlaybackPipeline>(openAudioFile(e.path));
    pipeline->setSpeed(2.0);
    pipeline->setShortenPauses(true);
    AudioEngine engine(std::move(pipeline), device);
    engine.setSpeed(2.0);
    engine.setShortenPauses(true);
    std::vector<float> buffer(size_t(device.bufferFrames * device.channels));
    auto settle = [&] {
        int last = -1, still = 0;
        for (int i = 0; i < 20000 && still < 400 && engine.queuedBlocks() < AudioEngine::kRingBlocks; ++i) {
            const int q = engine.queuedBlocks();
            still = q == last ? still + 1 : 0;
            last = q;
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    };
    auto checkWords = [&](size_t firstWord, int callbacks) {
        size_t quiet = 0, word = firstWord;
        for (int cb = 0; cb < callbacks && word < e.onsets.size(); ++cb) {
            settle();
            engine.render(buffer.data(), device.bufferFrames);
            for (int j = 0; j < device.bufferFrames; ++j) {
                if (std::abs(buffer[size_t(j * device.channels)]) <= 0.01f) {
                    ++quiet;
                    continue;
                }
                if (quiet >= size_t(device.sampleRate / 25) && cb > 0) {
                    engine.pause();
                    const double end = engine.status().position; // the end of this callback
                    engine.play();
                    const double heardAt = end - double(device.bufferFrames - j) / device.sampleRate * 2.0;
                    INFO("word " << word << " heard at episode time " << heardAt << " s; it starts at " << e.onsets[word]);
                    CHECK(std::abs(heardAt - e.onsets[word]) < 0.020);
                    ++word;
                }
                quiet = 0;
            }
        }
        return word;
    };
    engine.seek(e.onsets[1] - 0.3); // in the pause before word 1 (a long one, 1.5 s: shortened)
    engine.play();
    CHECK(checkWords(1, 400) == e.onsets.size());
    CHECK(engine.status().savedSeconds > 5.0);
    // A seek lands on the word asked for.
    engine.seek(e.onsets[7] - 0.2);
    CHECK(engine.status().position == Approx(e.onsets[7] - 0.2));
    CHECK(checkWords(7, 100) == e.onsets.size());
}
