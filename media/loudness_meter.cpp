#include "media/loudness_meter.h"

#include "media/loudness_gain.h"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace la::media {

namespace {

// Measures the source as it comes out of `gain` (null: as it is).
bool measureThrough(AudioSource& source, LoudnessGain* gain, Loudness& out, const std::atomic<bool>* cancel) {
    const int channels = source.channels(), rate = source.sampleRate();
    std::unique_ptr<ebur128_state, void (*)(ebur128_state*)> state(
        ebur128_init(unsigned(channels), unsigned(rate), EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK),
        [](ebur128_state* s) { ebur128_destroy(&s); });
    if (!state) throw MediaError(source.path() + ": cannot measure its loudness (" + std::to_string(channels) +
                                 " channels at " + std::to_string(rate) + " Hz)");
    // Mono counts once (libebur128's default first channel), as in ffmpeg's
    // ebur128 filter, the reference the measurements are checked against.
    source.seek(0);
    constexpr size_t kFrames = 4096;
    std::vector<float> buffer(kFrames * size_t(channels));
    auto add = [&](size_t n) {
        if (gain) gain->process(buffer.data(), buffer.data(), n);
        if (ebur128_add_frames_float(state.get(), buffer.data(), n) != EBUR128_SUCCESS)
            throw MediaError(source.path() + ": the loudness meter refused its audio");
    };
    while (size_t n = source.read(buffer.data(), kFrames)) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return false;
        add(n);
    }
    if (gain) { // its held-back last frames
        std::fill(buffer.begin(), buffer.end(), 0.0f);
        add(size_t(gain->latencyFrames()));
    }
    Loudness l;
    double lufs = -HUGE_VAL;
    if (ebur128_loudness_global(state.get(), &lufs) == EBUR128_SUCCESS && std::isfinite(lufs)) l.integratedLufs = lufs;
    double peak = 0;
    for (int c = 0; c < channels; ++c) {
        double p = 0;
        if (ebur128_true_peak(state.get(), unsigned(c), &p) == EBUR128_SUCCESS) peak = std::max(peak, p);
    }
    if (peak > 0) l.truePeakDbtp = 20.0 * std::log10(peak);
    out = l;
    return true;
}

} // namespace

bool measureLoudness(AudioSource& source, Loudness& out, const std::atomic<bool>* cancel) {
    return measureThrough(source, nullptr, out, cancel);
}

std::optional<double> limitedGainDb(AudioSource& source, const Loudness& measured, double targetLufs,
                                    const std::atomic<bool>* cancel, int passes, double ceilingDbtp) {
    double gain = gainToTargetDb(measured, targetLufs);
    if (gain == 0.0) return gain;
    for (int i = 0; i < passes; ++i) {
        LoudnessGain limiter(source.channels(), source.sampleRate(), ceilingDbtp);
        limiter.setGainDb(gain);
        limiter.reset(); // the gain from the first frame, no glide
        Loudness through;
        if (!measureThrough(source, &limiter, through, cancel)) return std::nullopt;
        const double miss = targetLufs - through.integratedLufs;
        if (std::abs(miss) < 0.05) break;
        gain += std::clamp(miss, -3.0, 6.0); // never chase a quiet file's gate into absurd gains
    }
    return gain;
}

double gainToTargetDb(const Loudness& measured, double targetLufs) {
    if (measured.integratedLufs <= -69.9) return 0.0; // silence: nothing to bring up
    // A file quieter than this is mostly noise or a mistake: bringing it all
    // the way up would make its hiss as loud as speech.
    constexpr double kMaxGainDb = 30.0;
    return std::min(targetLufs - measured.integratedLufs, kMaxGainDb);
}

} // namespace la::media
