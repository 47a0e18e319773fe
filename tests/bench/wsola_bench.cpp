// Tiny WSOLA benchmark and tuning tool (not part of ctest; the harness in
// /work/shared/bench/stretch is the source of truth). Build by hand:
//   g++ -std=c++20 -O3 -I. tests/bench/wsola_bench.cpp media/wsola.cpp -o /tmp/wsola_bench
//   g++ ... -DWITH_WAV media/wav_source.cpp media/wav_writer.cpp media/open_audio_file.cpp \
//       media/vorbis_source.cpp $(pkg-config --cflags --libs sndfile vorbisfile)   # adds "render"
// Usage:
//   wsola_bench                        throughput on 60 s of synthetic voiced audio, per speed
//   wsola_bench render S IN OUT        (WITH_WAV) stretch a file; tuning via WSOLA_WINDOW_MS,
//                                      WSOLA_SEARCH_MS, WSOLA_COARSE_HZ environment variables
#include "media/wsola.h"

#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#ifdef WITH_WAV
#include "media/audio_source.h"
#include "media/wav_writer.h"
#endif

using la::media::Wsola;

static Wsola::Params paramsFromEnv() {
    Wsola::Params p;
    if (const char* v = std::getenv("WSOLA_WINDOW_MS")) p.windowMs = std::atof(v);
    if (const char* v = std::getenv("WSOLA_SEARCH_MS")) p.searchMs = std::atof(v);
    if (const char* v = std::getenv("WSOLA_COARSE_HZ")) p.coarseRateHz = std::atof(v);
    if (const char* v = std::getenv("WSOLA_BIAS")) p.centerBias = std::atof(v);
    return p;
}

// Feeds `in` (frames x ch) and pulls everything into `out` (unless keep is
// false: the benchmark discards output so that it times the DSP, not page
// faults on a growing vector); returns output frames.
static size_t stretch(Wsola& w, const std::vector<float>& in, std::vector<float>& out, bool keep = true) {
    const int ch = w.channels();
    const size_t frames = in.size() / size_t(ch);
    std::vector<float> block(4096 * size_t(ch));
    size_t fed = 0, total = 0;
    for (;;) {
        size_t got = w.pull(block.data(), 4096);
        if (keep) out.insert(out.end(), block.begin(), block.begin() + std::ptrdiff_t(got * size_t(ch)));
        total += got;
        if (got) continue;
        if (fed == frames) {
            w.endOfInput();
            size_t more;
            while ((more = w.pull(block.data(), 4096)) > 0) {
                if (keep) out.insert(out.end(), block.begin(), block.begin() + std::ptrdiff_t(more * size_t(ch)));
                total += more;
            }
            return total;
        }
        size_t n = std::min<size_t>(1024, frames - fed);
        fed += w.feed(in.data() + fed * size_t(ch), n);
    }
}

int main(int argc, char** argv) {
#ifdef WITH_WAV
    if (argc == 5 && std::string(argv[1]) == "render") {
        auto src = la::media::openAudioFile(argv[3]);
        const int ch = src->channels();
        std::vector<float> in(size_t(src->totalFrames()) * size_t(ch));
        src->read(in.data(), size_t(src->totalFrames()));
        Wsola w(ch, src->sampleRate(), paramsFromEnv());
        w.setSpeed(std::atof(argv[2]));
        std::vector<float> out;
        stretch(w, in, out);
        la::media::WavWriter wr(argv[4], src->sampleRate(), ch);
        wr.write(out.data(), out.size() / size_t(ch));
        wr.close();
        return 0;
    }
#endif
    (void)argc;
    (void)argv;
    const int rate = 44100;
    for (int ch = 1; ch <= 2; ++ch) {
        // 60 s of a gliding harmonic "voice" with syllable-rate amplitude modulation.
        std::vector<float> in(size_t(60 * rate) * size_t(ch));
        double phase = 0;
        for (size_t i = 0; i < in.size() / size_t(ch); ++i) {
            double t = double(i) / rate;
            double f0 = 120 + 40 * std::sin(2 * M_PI * 0.7 * t);
            phase += 2 * M_PI * f0 / rate;
            double env = 0.5 + 0.5 * std::sin(2 * M_PI * 4 * t);
            double v = 0;
            for (int h = 1; h <= 12; ++h) v += std::sin(h * phase) / h;
            for (int c = 0; c < ch; ++c) in[i * size_t(ch) + size_t(c)] = float(0.2 * env * v);
        }
        for (double s : {0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0}) {
            Wsola w(ch, rate, paramsFromEnv());
            w.setSpeed(s);
            std::vector<float> out;
            std::clock_t t0 = std::clock();
            size_t n = stretch(w, in, out, false);
            double sec = double(std::clock() - t0) / CLOCKS_PER_SEC; // CPU time: the machine is shared
            std::printf("%s speed %.2f: %7.0fx real time (%.1f ms for 60 s), out %.3f s\n", ch == 1 ? "mono  " : "stereo", s,
                        60.0 / sec, sec * 1000, double(n) / rate);
        }
    }
    return 0;
}
